import { isBatch, type UpstreamLayer } from './upstream-call';

/**
 * Charges every attempt to its operation's budget (below retry, so retries count) and holds a
 * `$batch` call until fewer than MAX_BATCHES_IN_FLIGHT_PER_OPERATION of its operation are in
 * flight. Past the request budget the call fails with BUDGET_EXCEEDED before anything is sent.
 */
export function operationBudgetLayer(): UpstreamLayer {
  return (next) => async (call) => {
    const { budget } = call.scope;
    budget.countRequest();
    if (!isBatch(call)) return next(call);
    await budget.batchSlots.acquire(call.scope);
    try {
      return await next(call);
    } finally {
      budget.batchSlots.release();
    }
  };
}
