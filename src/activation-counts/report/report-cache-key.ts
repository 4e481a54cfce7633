import { tokenHash } from '../../security/token-hash';

/** Key of the copy one caller fetched (scope `caller`): the token's SHA-256, never the token. */
export function callerCopyKey(token: string): string {
  return `caller:${tokenHash(token)}`;
}

/** Key of the copy a tenant's proven callers share (scope `tenant`); the prefixes keep the two kinds apart. */
export function tenantCopyKey(tid: string): string {
  return `tenant:${tid}`;
}
