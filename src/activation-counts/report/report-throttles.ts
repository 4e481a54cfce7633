import { LRUCache } from 'lru-cache';

/**
 * Graph's Retry-After for the report, remembered per report-cache key (a caller's token hash, or a
 * tenant in tenant scope) until it passes, so callers stop asking Graph while it has said to wait:
 * each request Graph throttles again would only push the quota window further. Bounded (LRU): an
 * evicted entry costs one more upstream call, which Graph answers 429 again.
 */
export class ReportThrottles {
  private readonly until: LRUCache<string, number>;

  constructor(
    maxEntries: number,
    /** Epoch ms. */
    private readonly now: () => number,
  ) {
    this.until = new LRUCache<string, number>({ max: maxEntries });
  }

  /** Graph throttled a report call for `key` and asked to wait `retryAfterSeconds`. */
  record(key: string, retryAfterSeconds: number): void {
    const until = this.now() + retryAfterSeconds * 1000;
    if ((this.until.peek(key) ?? 0) < until) this.until.set(key, until);
  }

  /** Whole seconds (at least 1) until Graph's Retry-After for `key` passes, or undefined when it has. */
  remainingSeconds(key: string): number | undefined {
    const until = this.until.get(key);
    if (until === undefined) return undefined;
    const remainingMs = until - this.now();
    if (remainingMs <= 0) {
      this.until.delete(key);
      return undefined;
    }
    return Math.ceil(remainingMs / 1000);
  }

  /** Graph answered for `key` again: whatever it said before no longer holds. */
  forget(key: string): void {
    this.until.delete(key);
  }
}
