import { FifoSlots, type MayExceed, type SlotTally } from './fifo-slots';
import type { OperationScope } from './operation-scope';

/** Shared by every caller of one gateway (config.ts holds the defaults and settings). */
export interface AdmissionLimits {
  /** MAX_UPSTREAM_CONCURRENCY: upstream requests in flight, all callers together. */
  maxConcurrent: number;
  /** MAX_UPSTREAM_CONCURRENCY_PER_CALLER: one caller's (token's) share of the pool, always its own. */
  maxPerCaller: number;
  /** MAX_UPSTREAM_BURST_PER_CALLER: the most one caller holds when the rest of the pool is idle (at least its share). */
  maxPerCallerBurst: number;
  /** MAX_UPSTREAM_QUEUE: requests waiting for a global slot at which new GraphQL requests are shed. */
  maxQueued: number;
}

/**
 * Fair use of the one upstream pool: a call first takes one of its caller's slots, then one of the
 * gateway's, each in FIFO order and within its operation's deadline. A caller over its own cap
 * waits behind itself only, so it cannot fill the global queue for everyone else. Callers are told
 * apart by OperationBudget.callerIdentity; a caller's entry is dropped as soon as it has nothing in
 * flight.
 *
 * The cap is a share, not a ceiling on idle capacity: beyond it a caller may borrow a global slot
 * up to its burst, but only while one share of the pool (`maxPerCaller` slots) stays free after it,
 * counting every call past its caller's queue, so another caller's first calls never wait for a
 * borrower. A borrower gets no more while the pool is that full; its releases bring it back to its
 * share.
 * Why: with a hard cap, one token's write burst ran 8 calls at a time against an otherwise idle
 * pool of 64, and cost 1.5× the CPU per mutation of the first generation (README, Performance).
 *
 * Only single requests borrow; a `$batch` call stays within its caller's share. It already carries
 * up to 20 requests, each counted by Graph on its own, so eight of them are 160 requests against
 * the tenant's throttling; and the operations behind them are heavy (20 or 100 entities each): run
 * 50 at once instead of 8, their garbage lives long enough to be promoted, and 20 aliases cost
 * 450-720 µs of CPU per operation instead of ~400 (measured, tools/profile, scenario B).
 */
export class UpstreamAdmission {
  private readonly global: FifoSlots;
  private readonly callers = new Map<string, FifoSlots>();
  private waitingCalls = 0;

  /** Calls holding their caller's slot, all callers together: each holds or awaits a global slot. */
  private readonly callerSlotsHeld: SlotTally = { inUse: 0 };
  private readonly mayBorrow: MayExceed;

  constructor(readonly limits: AdmissionLimits) {
    this.global = new FifoSlots(limits.maxConcurrent);
    // Counted on the callers' side, so that calls granted in one burst, before any of them has
    // reached the global queue, cannot borrow the reserved share between them.
    this.mayBorrow = (heldByCaller) =>
      heldByCaller < limits.maxPerCallerBurst && limits.maxConcurrent - this.callerSlotsHeld.inUse - 1 >= limits.maxPerCaller;
  }

  /** Upstream requests in flight now. */
  get inFlight(): number {
    return this.global.inUse;
  }

  /** Requests waiting for a global slot (past their caller's cap already). */
  get queued(): number {
    return this.global.waiting;
  }

  /** Calls not yet holding both slots (their caller's and a global one), whatever they wait for. */
  get backlog(): number {
    return this.waitingCalls;
  }

  /** When true, new GraphQL requests are refused (503) rather than queued behind everyone. */
  get saturated(): boolean {
    return this.global.inUse >= this.limits.maxConcurrent && this.global.waiting >= this.limits.maxQueued;
  }

  /**
   * Both slots at once, when neither has anyone waiting ahead and both have room (most calls), with
   * no promise; undefined when the call has to wait, and then nothing is held: call acquire().
   */
  tryAcquire(scope: OperationScope, mayBorrow = true): (() => void) | undefined {
    const key = scope.budget.callerIdentity;
    const mine = this.slotsOf(key);
    if (!mine.tryAcquire(mayBorrow)) {
      this.forgetIfIdle(key, mine);
      return undefined;
    }
    if (!this.global.tryAcquire()) {
      mine.release();
      this.forgetIfIdle(key, mine);
      return undefined;
    }
    return this.releaserOf(key, mine);
  }

  /** Waits for both slots; answers the function that gives them back. Only a call that `mayBorrow` goes beyond its caller's share. */
  async acquire(scope: OperationScope, mayBorrow = true): Promise<() => void> {
    // Counted from here until both slots are held: a call granted at once leaves within the same
    // microtask drain, so anyone reading `backlog` from an I/O callback sees only calls that wait.
    this.waitingCalls++;
    try {
      const key = scope.budget.callerIdentity;
      const mine = this.slotsOf(key);
      try {
        await mine.acquire(scope, mayBorrow);
      } catch (error: unknown) {
        this.forgetIfIdle(key, mine);
        throw error;
      }
      try {
        await this.global.acquire(scope);
      } catch (error: unknown) {
        mine.release();
        this.forgetIfIdle(key, mine);
        throw error;
      }
      return this.releaserOf(key, mine);
    } finally {
      this.waitingCalls--;
    }
  }

  private slotsOf(key: string): FifoSlots {
    let own = this.callers.get(key);
    if (!own) {
      own = new FifoSlots(this.limits.maxPerCaller, this.mayBorrow, this.callerSlotsHeld);
      this.callers.set(key, own);
    }
    return own;
  }

  private releaserOf(key: string, mine: FifoSlots): () => void {
    return () => {
      this.global.release();
      mine.release();
      this.forgetIfIdle(key, mine);
    };
  }

  private forgetIfIdle(key: string, slots: FifoSlots): void {
    if (slots.idle && this.callers.get(key) === slots) this.callers.delete(key);
  }
}
