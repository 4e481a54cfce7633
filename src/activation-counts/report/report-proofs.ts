import { LRUCache } from 'lru-cache';

/** A token's own successful report answer from Graph: what lets it read its tenant's shared copy. */
export interface ReportProof {
  /** Epoch ms Graph answered the token's report call. */
  provenAt: number;
}

/**
 * The proofs of recent callers, keyed by token hash (report-cache-key's callerCopyKey), bounded
 * (LRU): a caller whose proof was evicted proves itself again with one upstream call.
 */
export class ReportProofs {
  private readonly proofs: LRUCache<string, ReportProof>;

  constructor(maxEntries: number) {
    this.proofs = new LRUCache<string, ReportProof>({ max: maxEntries });
  }

  record(callerKey: string, provenAt: number): void {
    const existing = this.proofs.peek(callerKey);
    if (!existing || existing.provenAt < provenAt) this.proofs.set(callerKey, { provenAt });
  }

  get(callerKey: string): ReportProof | undefined {
    return this.proofs.get(callerKey);
  }

  /** After Graph refused the token (401/403): it proves nothing any more. */
  forget(callerKey: string): void {
    this.proofs.delete(callerKey);
  }
}
