import { parseRetryAfterSeconds } from '../errors';

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

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
