import { createHash } from 'node:crypto';

/**
 * SHA-256 of a bearer token, hex: the only form in which anything kept across requests may refer
 * to a caller. The token itself is never stored or logged; the hash is not logged either.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an Authorization header, whatever the case of the scheme ("bearer x" and "Bearer x" are one token). */
export function tokenOf(authorization: string): string {
  return authorization.replace(/^bearer\s+/i, '');
}

/** The caller an Authorization header stands for: its token's hash. */
export function callerKeyOf(authorization: string): string {
  return tokenHash(tokenOf(authorization));
}
