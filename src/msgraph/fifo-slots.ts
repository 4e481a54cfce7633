import type { OperationScope } from './operation-scope';

/** A count of slots held across several FifoSlots (all callers' together, upstream-admission.ts). */
export interface SlotTally {
  inUse: number;
}

/** Beyond its limit, whether one more slot may be taken now, given how many this queue holds. */
export type MayExceed = (inUse: number) => boolean;

const neverExceed: MayExceed = () => false;

interface Waiter {
  /** Whether this waiter may be let in past the limit (see the constructor's mayExceed). */
  mayExceed: boolean;
  grant(): void;
}

/**
 * At most `limit` holders at once; the others wait in arrival order (FIFO), each only as long as
 * its operation lasts: a waiter leaves the queue when its caller disconnects or its deadline
 * passes, with the scope's CALLER_GONE or DEADLINE_EXCEEDED. A released slot passes straight to
 * the first waiter, so a newcomer never overtakes the queue.
 *
 * A waiter holds only its operation's call signal (a timer, no listener of its own on the caller's
 * signal: call-signal.ts), and the queue is a Set so a leaving waiter is removed in O(1): a single
 * caller with many connections keeps dozens of waiters queued at its per-caller cap, each admitted in turn.
 */
export class FifoSlots {
  private active = 0;
  private readonly waiters = new Set<Waiter>();

  /**
   * @param mayExceed lets a holder past `limit` in (a caller borrowing idle capacity,
   *   upstream-admission.ts); it is asked only for a newcomer with nobody waiting ahead of it, or
   *   for the first waiter when a slot is released.
   * @param tally counts this queue's holders together with others', in step with its own count.
   */
  constructor(
    readonly limit: number,
    private readonly mayExceed: MayExceed = neverExceed,
    private readonly tally: SlotTally = { inUse: 0 },
  ) {
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

  /** A slot now, if one is free to this holder and nobody waits ahead of it; false leaves nothing behind. */
  tryAcquire(mayExceed = true): boolean {
    if (this.waiters.size !== 0 || !this.mayTakeOne(mayExceed)) return false;
    this.take();
    return true;
  }

  /** @param mayExceed false keeps this holder within `limit`, whatever the queue's own rule allows. */
  acquire(scope: OperationScope, mayExceed = true): Promise<void> {
    if (this.tryAcquire(mayExceed)) return Promise.resolve();
    if (scope.hasStopped()) return Promise.reject(scope.stopped());
    return new Promise<void>((resolve, reject) => {
      const wait = scope.startCall();
      const leave = (): void => {
        wait.release();
        this.waiters.delete(waiter);
        reject(scope.stopped(wait.signal.reason));
      };
      wait.signal.once('abort', leave);
      const waiter: Waiter = {
        mayExceed,
        grant: () => {
          wait.signal.removeListener('abort', leave);
          wait.release();
          resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * Gives a slot back and, in the same synchronous step (so no newcomer overtakes), passes one to
   * the first waiter if it may take one. Past the limit it may not when borrowing is refused; it
   * then waits for a later release, which comes, since its queue's holders are still at the limit.
   */
  release(): void {
    this.active--;
    this.tally.inUse--;
    const next = this.waiters.values().next();
    if (next.done || !this.mayTakeOne(next.value.mayExceed)) return;
    this.waiters.delete(next.value);
    this.take();
    next.value.grant();
  }

  private mayTakeOne(exceeding: boolean): boolean {
    return this.active < this.limit || (exceeding && this.mayExceed(this.active));
  }

  private take(): void {
    this.active++;
    this.tally.inUse++;
  }
}
