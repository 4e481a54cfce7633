import { AbortEmitter } from './call-signal';
import { OperationScope } from './operation-scope';
import type { UpstreamCall, UpstreamHandler, UpstreamLayer, UpstreamResponse } from './upstream-call';
import { pathWithoutQueryValues } from './upstream-hooks';
import { waitWithinScope } from './wait-within-scope';

export interface CoalescingOptions {
  /** Told when a call joined one already in flight instead of going upstream (metrics). */
  onCoalesced?(event: { method: string; path: string }): void;
}

/**
 * The scope of a shared call. It ends when its last joiner leaves (each at its own deadline or
 * disconnect), which aborts its signal; the time left it reports (what the transport's timer gets)
 * is the latest joiner's plus one budget, a backstop for joiners still to come. A retry is started
 * only when it fits the latest joiner's deadline.
 */
class SharedCallScope extends OperationScope {
  private latest: number;

  constructor(first: OperationScope, signal: AbortEmitter) {
    // The shared call is charged to the operation that started it; joiners spend nothing upstream.
    super(first.budgetMs, signal, first.now, first.budget);
    this.latest = first.deadlineAt;
  }

  extendTo(deadlineAt: number): void {
    this.latest = Math.max(this.latest, deadlineAt);
  }

  override remainingMs(): number {
    return this.latest - this.now() + this.budgetMs;
  }

  override fitsDeadline(delayMs: number): boolean {
    return this.now() + delayMs + 50 < this.latest;
  }
}

/** One upstream GET in flight and the operations waiting for its answer. */
class SharedCall {
  private readonly ended = new AbortEmitter();
  private readonly scope: SharedCallScope;
  private joiners = 0;
  private settled = false;
  readonly answer: Promise<UpstreamResponse>;

  constructor(next: UpstreamHandler, call: UpstreamCall, onSettled: () => void) {
    this.scope = new SharedCallScope(call.scope, this.ended);
    this.answer = next({ ...call, scope: this.scope }).finally(() => {
      this.settled = true;
      onSettled();
    });
    // Joiners see the outcome through join(); this handler only keeps an unobserved failure quiet.
    this.answer.catch(() => undefined);
  }

  /** Waits for the shared answer within `scope`'s own deadline and signal; leaving never cancels it for the others. */
  join(scope: OperationScope): Promise<UpstreamResponse> {
    if (scope.hasStopped()) return Promise.reject(scope.stopped());
    this.joiners++;
    this.scope.extendTo(scope.deadlineAt);
    return waitWithinScope(this.answer, scope, () => {
      this.joiners--;
      if (this.joiners === 0 && !this.settled) this.ended.abort();
    });
  }
}

/** Who may share a call: the same caller (its token's SHA-256; none for a pre-authenticated download) and the same URL. */
function coalescingKey(call: UpstreamCall): string {
  const authorization = call.headers.authorization;
  return `${authorization === undefined ? 'no-credentials' : call.scope.budget.callerKeyFor(authorization)} ${call.url}`;
}

/**
 * Identical GETs in flight at the same time for the same caller (same Authorization, same URL,
 * `$select` included) share one upstream call, across GraphQL requests; never across tokens. Each
 * joined operation keeps its own deadline and disconnect signal; the shared call is aborted only
 * when every joiner has gone. Joiners receive the same answer object: read it, never mutate it.
 * Goes above the retry layer, so a shared call is retried once for all. Other methods pass through.
 */
export function coalescingLayer(options: CoalescingOptions = {}): UpstreamLayer {
  return (next) => {
    const inFlight = new Map<string, SharedCall>();
    return (call) => {
      if (call.method !== 'GET') return next(call);
      const key = coalescingKey(call);
      let shared = inFlight.get(key);
      if (shared) {
        options.onCoalesced?.({ method: call.method, path: pathWithoutQueryValues(call.path) });
      } else {
        const started: SharedCall = new SharedCall(next, call, () => {
          if (inFlight.get(key) === started) inFlight.delete(key);
        });
        inFlight.set(key, started);
        shared = started;
      }
      return shared.join(call.scope);
    };
  };
}
