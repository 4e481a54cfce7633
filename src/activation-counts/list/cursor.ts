import { ErrorCode, gatewayError } from '../../errors';

/**
 * Where a cursor resumes: the page's address and how many entities of that page were already
 * returned. Graph pages are only addressable through their links, so an edge cursor in the middle
 * of a page means "that page, from item `skip`". The list keeps only the query of the page in
 * `url` ("?$top=2&$skiptoken=…": the page size and Graph's opaque skip token), never the upstream
 * base URL; cursor-signature.ts signs the encoded position.
 */
export interface PagePosition {
  url: string;
  skip: number;
}

/** Longest `after` we decode; real cursors are a next link plus a few bytes. */
export const MAX_CURSOR_LENGTH = 8192;
const VERSION = 1;

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify({ v: VERSION, u: position.url, s: position.skip }), 'utf8').toString('base64url');
}

/** The refusal of an `after` this gateway did not issue; `why` says what was wrong with it. */
export function notIssuedHere(cursor: string, why: string): Error {
  const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
  return gatewayError(ErrorCode.BAD_USER_INPUT, `after: ${JSON.stringify(shown)} is not a cursor this gateway issued (${why}); pass a cursor from edges.cursor or pageInfo.endCursor`);
}

/** Decodes an `after` argument; anything this gateway did not issue is BAD_USER_INPUT. */
export function decodeCursor(cursor: string): PagePosition {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) throw notIssuedHere(cursor, `expected 1 to ${MAX_CURSOR_LENGTH} characters`);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw notIssuedHere(cursor, 'not base64url');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notIssuedHere(cursor, 'undecodable');
  }
  const { v, u, s } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as Record<string, unknown>;
  if (v !== VERSION || typeof u !== 'string' || typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) {
    throw notIssuedHere(cursor, 'unexpected content');
  }
  return { url: u, skip: s };
}
