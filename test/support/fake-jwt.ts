/**
 * A JWT-shaped bearer token with the given claims and a signature nobody checks: the emulator and
 * the gateway only read claims, so tests can mint tokens of any tenant, app or expiry.
 */
export function fakeJwt(claims: Record<string, unknown>, signature = 'not-a-real-signature'): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256', nonce: 'emulated' })}.${part(claims)}.${Buffer.from(signature).toString('base64url')}`;
}
