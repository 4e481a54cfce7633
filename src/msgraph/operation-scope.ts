import { CallSignals, sleepUnlessAborted, type CallSignal, type StopSignal } from './call-signal';
import { OperationBudget, UNLIMITED_OPERATION } from './operation-budget';
import { UpstreamFailure } from './upstream-failure';

/**
 * One GraphQL operation's limits on upstream work: a deadline (its budget), the caller's
 * disconnect signal and its account of requests and bytes. Every layer of the client reads them from here; nothing waits past them.
 */
export class OperationScope {
  readonly deadlineAt: number;
  private calls?: CallSignals;

  constructor(
    /** GRAPH_TIMEOUT_MS: what deadlineAt was computed from, for error messages. */
    readonly budgetMs: number,
    /** Fires when the GraphQL caller disconnects. */
    readonly signal: StopSignal | undefined,
    readonly now: () => number = Date.now,
    /** What the operation may spend upstream, and on whose account (operation-budget.ts). */
    readonly budget: OperationBudget = new OperationBudget(UNLIMITED_OPERATION, 'unattributed'),
  ) {
    this.deadlineAt = now() + budgetMs;
  }

  remainingMs(): number {
    return this.deadlineAt - this.now();
  }

  /** Leaves room for the retried call itself: a retry that cannot finish is not worth starting. */
  fitsDeadline(delayMs: number): boolean {
    return this.now() + delayMs + 50 < this.deadlineAt;
  }

  /** True once the caller left or the budget is used up: nothing more may start or wait (stopped() says which). */
  hasStopped(): boolean {
    return this.signal?.aborted === true || this.remainingMs() <= 0;
  }

  /** Why calls must stop now: the caller left, or the budget is used up. */
  stopped(cause?: unknown): UpstreamFailure {
    if (this.signal?.aborted) return new UpstreamFailure('CALLER_GONE', 'the caller disconnected', undefined, { cause });
    return new UpstreamFailure('DEADLINE_EXCEEDED', `the operation's budget of ${this.budgetMs} ms is used up`, undefined, { cause });
  }

  /**
   * The signal of one upstream call (or wait) of this operation: it aborts when the time left now
   * is spent or when the caller disconnects. Release it when the call ended.
   */
  startCall(): CallSignal {
    this.calls ??= new CallSignals(this.signal);
    return this.calls.start(this.remainingMs());
  }

  /** Waits inside the budget; throws CALLER_GONE or DEADLINE_EXCEEDED when either ends first. */
  async sleep(ms: number): Promise<void> {
    const call = this.startCall();
    try {
      await sleepUnlessAborted(ms, call.signal);
    } catch (error: unknown) {
      throw this.stopped(error);
    } finally {
      call.release();
    }
  }
}
