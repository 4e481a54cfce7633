import type { TokenClaims } from '../../security/token-claims';
import type { ReportProof } from './report-proofs';

/** Why a tenant copy may not answer a caller; each is a case the tests prove. */
export type SharingRefusal =
  | 'not-a-jwt' // no claims to compare: only the caller's own calls
  | 'no-tid' // a JWT without a tenant
  | 'no-exp' // without an expiry the proof could outlive the token
  | 'token-expired' // Graph would refuse it now
  | 'no-proof' // Graph never answered this token's own report call
  | 'proof-too-old' // older than REPORT_PROOF_MAX_SECONDS: prove again
  | 'other-tenant'; // the copy belongs to another tid

export type SharingDecision = { share: true } | { share: false; reason: SharingRefusal };

export interface SharingInput {
  /** Claims of the asking token (readTokenClaims), undefined when it is not a JWT. */
  claims: TokenClaims | undefined;
  /** The asking token's own proof (ReportProofs), if any. */
  proof: ReportProof | undefined;
  /** The tid of the token that fetched the tenant copy. */
  copyTid: string;
  /** Epoch ms. */
  now: number;
  /** REPORT_PROOF_MAX_SECONDS, default 3600. */
  proofMaxSeconds: number;
}

/**
 * The tenant-scope rule (REPORT_CACHE_SCOPE=tenant): a copy fetched with token A may answer
 * token B only if B itself has had a successful report answer from Graph (its proof), the proof
 * is younger than REPORT_PROOF_MAX_SECONDS and B's `exp` has not passed, and B's `tid` (authentic,
 * since Graph accepted B) equals the copy's. Anything else is served only from its own calls.
 */
export function mayShareTenantCopy(input: SharingInput): SharingDecision {
  const { claims, proof, now } = input;
  if (!claims) return { share: false, reason: 'not-a-jwt' };
  if (claims.tid === undefined) return { share: false, reason: 'no-tid' };
  if (claims.expiresAt === undefined) return { share: false, reason: 'no-exp' };
  if (now >= claims.expiresAt) return { share: false, reason: 'token-expired' };
  if (!proof) return { share: false, reason: 'no-proof' };
  if (now - proof.provenAt >= input.proofMaxSeconds * 1000) return { share: false, reason: 'proof-too-old' };
  if (claims.tid !== input.copyTid) return { share: false, reason: 'other-tenant' };
  return { share: true };
}
