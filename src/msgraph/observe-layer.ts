import type { UpstreamLayer } from './upstream-call';
import { UpstreamFailure } from './upstream-failure';
import { pathWithoutQueryValues, type UpstreamHooks } from './upstream-hooks';

/**
 * Reports every attempt to the hooks: one onResponse per answer, one onNetworkError per attempt without one.
 * Each event is built as one object literal, only when it is reported (no intermediate object
 * spread into it): this layer runs once per upstream attempt, on every operation.
 */
export function observeLayer(hooks: UpstreamHooks): UpstreamLayer {
  return (next) => async (call) => {
    const started = call.scope.now();
    try {
      const response = await next(call);
      hooks.onResponse?.({
        method: call.method,
        path: pathWithoutQueryValues(call.path),
        attempt: call.attempt,
        durationMs: call.scope.now() - started,
        clientRequestId: call.headers['client-request-id'],
        status: response.status,
        requestId: response.headers['request-id'],
        responseBytes: response.bytes,
      });
      return response;
    } catch (error: unknown) {
      if (error instanceof UpstreamFailure && error.code === 'NETWORK') {
        hooks.onNetworkError?.({
          method: call.method,
          path: pathWithoutQueryValues(call.path),
          attempt: call.attempt,
          durationMs: call.scope.now() - started,
          clientRequestId: call.headers['client-request-id'],
          reason: error.message,
        });
      }
      // An answer came but was unusable (too large, not JSON): still an answer with a status.
      else if (error instanceof UpstreamFailure && error.status !== undefined) {
        hooks.onResponse?.({
          method: call.method,
          path: pathWithoutQueryValues(call.path),
          attempt: call.attempt,
          durationMs: call.scope.now() - started,
          clientRequestId: call.headers['client-request-id'],
          status: error.status,
          requestId: undefined,
          responseBytes: undefined,
        });
      }
      throw error;
    }
  };
}
