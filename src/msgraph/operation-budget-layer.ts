import { isBatch, type UpstreamCall, type UpstreamHandler, type UpstreamLayer, type UpstreamResponse } from './upstream-call';

/**
 * Charges every attempt to its operation's budget (below retry, so retries count) and holds a
 * `$batch` call until fewer than MAX_BATCHES_IN_FLIGHT_PER_OPERATION of its operation are in
 * flight. Past the request budget the call fails with BUDGET_EXCEEDED before anything is sent.
 */
export function operationBudgetLayer(): UpstreamLayer {
  return (next) => (call) => {
    try {
      call.scope.budget.countRequest();
    } catch (error: unknown) {
      return Promise.reject(error);
    }
    // Not async: a call that is not a $batch passes straight through, without a promise of its own.
    return isBatch(call) ? holdingABatchSlot(next, call) : next(call);
  };
}

async function holdingABatchSlot(next: UpstreamHandler, call: UpstreamCall): Promise<UpstreamResponse> {
  const { budget } = call.scope;
  await budget.batchSlots.acquire(call.scope);
  try {
    return await next(call);
  } finally {
    budget.batchSlots.release();
  }
}
