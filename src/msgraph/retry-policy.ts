import { parseRetryAfterSeconds } from './retry-after';
import type { OperationScope } from './operation-scope';
import type { UpstreamHooks, UpstreamRetryEvent } from './upstream-hooks';

/** Statuses Graph documents as transient: throttled, unavailable, gateway timeout. */
export const RETRYABLE_STATUSES = new Set([429, 503, 504]);

/** Longest wait we honour from one Retry-After, as the Graph SDK does. */
const MAX_RETRY_AFTER_MS = 180_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/**
 * Milliseconds to wait before retry number `attempt` (1-based): the upstream's Retry-After when
 * given, else capped exponential backoff with jitter so concurrent callers do not retry in step.
 */
export function retryDelayMs(attempt: number, retryAfterHeader: string | undefined, random: () => number = Math.random): number {
  const seconds = parseRetryAfterSeconds(retryAfterHeader);
  if (seconds !== undefined) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface RetryPolicyOptions {
  /** GRAPH_MAX_RETRIES: retries after the first attempt. */
  maxRetries: number;
  /** Told of every retry (metrics, logs). */
  hooks: UpstreamHooks;
  random?: () => number;
}

/**
 * The one retry policy, for plain calls (retry-layer.ts) and $batch items (batch.ts) alike: what
 * is retried, how long to wait, never past the operation's deadline, and every retry reported.
 */
export class RetryPolicy {
  constructor(private readonly options: RetryPolicyOptions) {}

  /**
   * Delay before retrying a request whose attempt number `attempt` failed with `reason`, or
   * undefined when it is not retried. A network failure is retried only for idempotent calls
   * (GET, and $batch of GETs): a PATCH may have been applied.
   */
  delayBeforeRetry(request: { method: string; path: string }, attempt: number, reason: number | 'network', retryAfter?: string): number | undefined {
    if (attempt > this.options.maxRetries) return undefined;
    const retryable = reason === 'network' ? request.method === 'GET' || request.path.startsWith('/$batch') : RETRYABLE_STATUSES.has(reason);
    return retryable ? retryDelayMs(attempt, retryAfter, this.options.random) : undefined;
  }

  /**
   * Reports each retried request and waits `delayMs` inside the scope's budget; answers false
   * (without waiting) when the retry could not finish in time. Throws CALLER_GONE or
   * DEADLINE_EXCEEDED when either ends the wait.
   */
  async waitBeforeRetry(scope: OperationScope, delayMs: number, retried: readonly Omit<UpstreamRetryEvent, 'delayMs'>[]): Promise<boolean> {
    if (!scope.fitsDeadline(delayMs)) return false;
    for (const event of retried) this.options.hooks.onRetry?.({ ...event, delayMs });
    await scope.sleep(delayMs);
    return true;
  }
}
