import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH, notIssuedHere, type PagePosition } from './cursor';

/** Signs and checks list cursors, so a caller can resume only where this gateway sent it. */
export interface CursorSigner {
  sign(position: PagePosition): string;
  /** The position of a cursor this gateway signed; anything else is BAD_USER_INPUT. */
  verify(cursor: string): PagePosition;
}

/** HMAC-SHA256 truncated to 128 bits: forging one still takes 2^128 tries. */
const MAC_BYTES = 16;

/**
 * Cursor = base64url(position) "." base64url(HMAC-SHA256(key, position)). An unsigned cursor once
 * carried a URL sent upstream verbatim (`?$top=999999&$expand=*` bypassed `first` ≤ 999); now the
 * position is only read after the MAC matches. The key is CURSOR_SECRET or one generated at start.
 */
export function createCursorSigner(key: Buffer): CursorSigner {
  const macOf = (payload: string): Buffer => createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
  return {
    sign(position) {
      const payload = encodeCursor(position);
      return `${payload}.${macOf(payload).toString('base64url')}`;
    },
    verify(cursor) {
      if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) throw notIssuedHere(cursor, `expected 1 to ${MAX_CURSOR_LENGTH} characters`);
      if (!/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?$/.test(cursor)) throw notIssuedHere(cursor, 'not base64url');
      const dot = cursor.indexOf('.');
      const payload = dot < 0 ? cursor : cursor.slice(0, dot);
      const given = dot < 0 ? Buffer.alloc(0) : Buffer.from(cursor.slice(dot + 1), 'base64url');
      if (given.length !== MAC_BYTES || !timingSafeEqual(given, macOf(payload))) {
        throw notIssuedHere(cursor, "unsigned, altered, forged, or signed with another CURSOR_SECRET; a cursor never leads outside this gateway's collection");
      }
      return decodeCursor(payload);
    },
  };
}
