import type { OperationScope } from './operation-scope';

interface Waiter {
  grant(): void;
}

/** The reason a waiter's deadline passed with, as AbortSignal.timeout gives it. */
function timeoutReason(): DOMException {
  return new DOMException('The operation was aborted due to timeout', 'TimeoutError');
}

/**
 * At most `limit` holders at once; the others wait in arrival order (FIFO), each only as long as
 * its operation lasts: a waiter leaves the queue when its caller disconnects or its deadline
 * passes, with the scope's CALLER_GONE or DEADLINE_EXCEEDED. A released slot passes straight to
 * the first waiter, so a newcomer never overtakes the queue.
 *
 * A waiter holds only a timer and one listener on the caller's signal (no AbortController of its
 * own), and the queue is a Set so a leaving waiter is removed in O(1): a single caller with many
 * connections keeps dozens of waiters queued at its per-caller cap, each admitted in turn.
 */
export class FifoSlots {
  private active = 0;
  private readonly waiters = new Set<Waiter>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`a slot limit must be at least 1, got ${limit}`);
  }

  get inUse(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waiters.size;
  }

  get idle(): boolean {
    return this.active === 0 && this.waiters.size === 0;
  }

  acquire(scope: OperationScope): Promise<void> {
    if (this.active < this.limit && this.waiters.size === 0) {
      this.active++;
      return Promise.resolve();
    }
    const parent = scope.signal;
    if (parent?.aborted || scope.remainingMs() <= 0) return Promise.reject(scope.stopped());
    return new Promise<void>((resolve, reject) => {
      const leave = (reason: unknown): void => {
        clearTimeout(timer);
        parent?.removeEventListener('abort', onParentAbort);
        this.waiters.delete(waiter);
        reject(scope.stopped(reason));
      };
      const onParentAbort = (): void => leave(parent!.reason);
      const timer = setTimeout(() => leave(timeoutReason()), Math.max(0, scope.remainingMs()));
      timer.unref();
      parent?.addEventListener('abort', onParentAbort, { once: true });
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          parent?.removeEventListener('abort', onParentAbort);
          resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  release(): void {
    const next = this.waiters.values().next();
    if (next.done) {
      this.active--;
      return;
    }
    this.waiters.delete(next.value);
    next.value.grant();
  }
}
