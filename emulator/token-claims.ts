/** Who a request speaks for, as far as Graph's report quota is concerned. */
export interface QuotaCaller {
  tenant: string;
  app: string;
}

/** Tokens that are not JWTs (the sample token, test tokens) all share one tenant and one app. */
export const DEFAULT_QUOTA_CALLER: QuotaCaller = { tenant: 'emulator-default-tenant', app: 'emulator-default-app' };

/** The payload of a JWT-shaped token, decoded (not verified), or undefined. */
export function claimsOf(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The tenant (`tid`) and app (`appid` in v1 tokens, `azp` in v2) of a bearer token. Decoded, not
 * verified: this is an emulator, and Graph meters by these claims whatever we believe of them.
 * A token that is not a JWT, or lacks a claim, falls back to the default tenant or app.
 */
export function quotaCallerOf(authorization: string | undefined): QuotaCaller {
  const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  const claims = token === undefined ? undefined : claimsOf(token);
  return {
    tenant: text(claims?.tid) ?? DEFAULT_QUOTA_CALLER.tenant,
    app: text(claims?.appid) ?? text(claims?.azp) ?? DEFAULT_QUOTA_CALLER.app,
  };
}
