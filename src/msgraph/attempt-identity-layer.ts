import { randomUUID } from 'node:crypto';
import type { UpstreamLayer } from './upstream-call';

/**
 * Names each attempt as Graph asks: a fresh `client-request-id` (each attempt is a new request to
 * Graph) and, on retries, `Retry-Attempt` as the Graph SDK's RetryHandler sends it.
 */
export function attemptIdentityLayer(newId: () => string = randomUUID): UpstreamLayer {
  return (next) => (call) => {
    // Object.assign, not a spread: `{ ...call.headers, id }` of a header object built at run time
    // gave an object undici's Request read ~0.7 µs slower per call (measured against Node 20's V8:
    // 1.28 against 0.60 µs to build and construct a GET's request, 1.8 against 1.0 for a PATCH).
    const headers: Record<string, string> = Object.assign({}, call.headers);
    headers['client-request-id'] = newId();
    if (call.attempt > 1) headers['retry-attempt'] = String(call.attempt - 1);
    return next({ ...call, headers });
  };
}
