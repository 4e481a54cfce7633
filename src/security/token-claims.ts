/**
 * Facts a bearer token states about itself, read without verifying its signature. Graph tokens
 * are meant to be validated only by Graph, so these are trustworthy only about a token Graph has
 * just accepted; until then they are claims, nothing more.
 */
export interface TokenClaims {
  /** Tenant id (`tid`). */
  tid?: string;
  /** The client application: `appid` (v1 tokens) or `azp` (v2 tokens). */
  appId?: string;
  /** The signed-in user or service principal (`oid`). */
  oid?: string;
  /** When the token stops being valid (`exp`), in epoch milliseconds. */
  expiresAt?: number;
}

/** Real access tokens are a few kilobytes; anything far larger is not worth decoding. */
const MAX_TOKEN_CHARS = 16 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The claims of a JWT-shaped token (three base64url parts, the middle one a JSON object), or
 * undefined when the token is not one: opaque tokens, garbage and oversized input all answer
 * undefined, never throw. Claims of the wrong type are left out rather than guessed.
 */
export function readTokenClaims(token: string): TokenClaims | undefined {
  if (token.length > MAX_TOKEN_CHARS) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const claims = payload as Record<string, unknown>;
  const result: TokenClaims = {};
  const tid = nonEmptyString(claims.tid);
  const appId = nonEmptyString(claims.appid) ?? nonEmptyString(claims.azp);
  const oid = nonEmptyString(claims.oid);
  if (tid !== undefined) result.tid = tid;
  if (appId !== undefined) result.appId = appId;
  if (oid !== undefined) result.oid = oid;
  // NumericDate: seconds since the epoch, possibly fractional (RFC 7519 §2).
  if (typeof claims.exp === 'number' && Number.isFinite(claims.exp) && claims.exp > 0) result.expiresAt = Math.floor(claims.exp * 1000);
  return result;
}
