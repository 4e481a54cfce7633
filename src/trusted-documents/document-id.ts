import { createHash } from 'node:crypto';

/**
 * The GraphQL-over-HTTP spec's "SHA256 hex document identifier" (appendix A, Persisted Documents):
 * `sha256:` and the lower-case hex SHA-256 of the document's UTF-8 source text.
 */
const SHA256_DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

/** What every "expected" in a message says an id looks like. */
export const DOCUMENT_ID_SHAPE = '"sha256:" followed by 64 lower-case hex digits';

export function isSha256DocumentId(id: string): boolean {
  return SHA256_DOCUMENT_ID.test(id);
}

/** The id a document's exact text has: whitespace and field order matter, as the spec requires. */
export function documentIdOf(text: string): string {
  return `sha256:${sha256Hex(text)}`;
}

/** Apollo's APQ (`extensions.persistedQuery.sha256Hash`) carries the same hash, without the prefix. */
export function documentIdOfApqHash(sha256Hash: string): string {
  return `sha256:${sha256Hash}`;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
