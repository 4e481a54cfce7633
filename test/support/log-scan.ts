import { tokenHash } from '../../src/security/token-hash';

/** A log line that shows a credential. */
export interface SecretLeak {
  line: string;
  /** What matched: a token value used in the tests, its SHA-256 (the report cache's key), or an unredacted "Bearer …". */
  match: string;
}

// Any bearer credential that is not the redaction censor; catches tokens a test did not declare.
const BEARER_VALUE = /bearer\s+(?!\[redacted\])[A-Za-z0-9\-._~+/]{4,}=*/i;

/**
 * Finds every line holding one of `tokens` (the part after "Bearer ", the whole header value, or
 * the SHA-256 the report cache keys copies by) or any unredacted bearer credential. Pure, so it is unit-tested with planted leaks.
 */
export function findSecretLeaks(lines: readonly string[], tokens: Iterable<string>): SecretLeak[] {
  const needles = new Set<string>();
  for (const token of tokens) {
    needles.add(token);
    const secret = token.replace(/^bearer\s+/i, '');
    // Very short values ("x") would match innocent text; such tokens are still caught by BEARER_VALUE.
    if (secret.length >= 6) needles.add(secret);
    needles.add(tokenHash(secret));
  }
  const leaks: SecretLeak[] = [];
  for (const line of lines) {
    const needle = [...needles].find((n) => line.includes(n));
    if (needle !== undefined) {
      leaks.push({ line, match: needle });
      continue;
    }
    const bearer = BEARER_VALUE.exec(line);
    if (bearer) leaks.push({ line, match: bearer[0] });
  }
  return leaks;
}
