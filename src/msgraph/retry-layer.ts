import type { RetryPolicy } from './retry-policy';
import type { UpstreamLayer, UpstreamResponse } from './upstream-call';
import { UpstreamFailure } from './upstream-failure';
import { pathWithoutQueryValues } from './upstream-hooks';

/**
 * Retries one call by the policy: transient statuses (answered as they are once retries or the
 * budget run out) and network failures of idempotent calls (thrown once they run out).
 */
export function retryLayer(policy: RetryPolicy): UpstreamLayer {
  return (next) => async (call) => {
    for (let attempt = 1; ; attempt++) {
      let response: UpstreamResponse;
      try {
        response = await next({ ...call, attempt });
      } catch (error: unknown) {
        if (!(error instanceof UpstreamFailure) || error.code !== 'NETWORK') throw error;
        const delayMs = policy.delayBeforeRetry(call, attempt, 'network');
        const retried = { method: call.method, path: pathWithoutQueryValues(call.path), status: 'network' as const, attempt };
        if (delayMs === undefined || !(await policy.waitBeforeRetry(call.scope, delayMs, [retried]))) throw error;
        continue;
      }
      const delayMs = policy.delayBeforeRetry(call, attempt, response.status, response.headers['retry-after']);
      if (delayMs === undefined) return response;
      const retried = { method: call.method, path: pathWithoutQueryValues(call.path), status: response.status, attempt };
      if (!(await policy.waitBeforeRetry(call.scope, delayMs, [retried]))) return response;
    }
  };
}
