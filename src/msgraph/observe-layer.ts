import type { UpstreamCall, UpstreamLayer } from './upstream-call';
import { UpstreamFailure } from './upstream-failure';
import { pathWithoutQueryValues, type UpstreamHooks } from './upstream-hooks';

/**
 * Reports every attempt to the hooks: one onResponse per answer, one onNetworkError per attempt without one.
 * Each event is built as one object literal, only when it is reported: spreading a shared part
 * into it cost more than the rest of the upstream pipeline together (this runs on every attempt).
 */
export function observeLayer(hooks: UpstreamHooks): UpstreamLayer {
  const reportResponse = (call: UpstreamCall, started: number, status: number, requestId: string | undefined, responseBytes: number | undefined): void => {
    hooks.onResponse?.({ method: call.method, path: pathWithoutQueryValues(call.path), attempt: call.attempt, durationMs: call.scope.now() - started, clientRequestId: call.headers['client-request-id'], status, requestId, responseBytes });
  };
  return (next) => async (call) => {
    const started = call.scope.now();
    try {
      const response = await next(call);
      reportResponse(call, started, response.status, response.headers['request-id'], response.bytes);
      return response;
    } catch (error: unknown) {
      if (error instanceof UpstreamFailure && error.code === 'NETWORK') {
        hooks.onNetworkError?.({ method: call.method, path: pathWithoutQueryValues(call.path), attempt: call.attempt, durationMs: call.scope.now() - started, clientRequestId: call.headers['client-request-id'], reason: error.message });
      }
      // An answer came but was unusable (too large, not JSON): still an answer with a status.
      else if (error instanceof UpstreamFailure && error.status !== undefined) reportResponse(call, started, error.status, undefined, undefined);
      throw error;
    }
  };
}
