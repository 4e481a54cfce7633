import { createHash } from 'node:crypto';
import { claimsOf } from './token-claims';

/**
 * Who asked for the report, as a short tag the emulator writes into each row's productType when
 * `reportPerCaller` is on: the JWT's `oid`, else its `tid`, else the first 12 hex digits of the
 * token's SHA-256. Two callers then get visibly different data, so a test can prove that neither
 * ever receives the copy the other's token fetched (and which copy a shared answer came from).
 */
export function reportCallerTag(authorization: string | undefined): string {
  const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1] ?? '';
  const claims = claimsOf(token);
  if (typeof claims?.oid === 'string' && claims.oid !== '') return `oid:${claims.oid}`;
  if (typeof claims?.tid === 'string' && claims.tid !== '') return `tid:${claims.tid}`;
  return `token:${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12)}`;
}

/** A report row as seen by `authorization`'s caller: productType carries the caller's tag. */
export function tagRowForCaller<Row extends { productType?: string | null }>(row: Row, tag: string): Row {
  return { ...row, productType: `${row.productType ?? ''} [${tag}]` };
}
