import { createCallSignal } from './call-signal';
import type { OperationScope } from './operation-scope';

interface Waiter {
  grant(): void;
}

/**
 * At most `limit` holders at once; the others wait in arrival order (FIFO), each only as long as
 * its operation lasts: a waiter leaves the queue when its caller disconnects or its deadline
 * passes, with the scope's CALLER_GONE or DEADLINE_EXCEEDED. A released slot passes straight to
 * the first waiter, so a newcomer never overtakes the queue.
 */
export class FifoSlots {
  private active = 0;
  private readonly waiters: Waiter[] = [];

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`a slot limit must be at least 1, got ${limit}`);
  }

  get inUse(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  acquire(scope: OperationScope): Promise<void> {
    if (this.active < this.limit && this.waiters.length === 0) {
      this.active++;
      return Promise.resolve();
    }
    if (scope.signal?.aborted || scope.remainingMs() <= 0) return Promise.reject(scope.stopped());
    return new Promise<void>((resolve, reject) => {
      const call = createCallSignal(scope.remainingMs(), scope.signal);
      const waiter: Waiter = {
        grant: () => {
          call.release();
          resolve();
        },
      };
      call.signal.addEventListener(
        'abort',
        () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(scope.stopped(call.signal.reason));
        },
        { once: true },
      );
      this.waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next.grant();
    else this.active--;
  }
}
