import { randomUUID } from 'node:crypto';
import type { UpstreamLayer } from './upstream-call';

/**
 * Names each attempt as Graph asks: a fresh `client-request-id` (each attempt is a new request to
 * Graph) and, on retries, `Retry-Attempt` as the Graph SDK's RetryHandler sends it.
 */
export function attemptIdentityLayer(newId: () => string = randomUUID): UpstreamLayer {
  return (next) => (call) => {
    const headers: Record<string, string> = { ...call.headers, 'client-request-id': newId() };
    if (call.attempt > 1) headers['retry-attempt'] = String(call.attempt - 1);
    return next({ ...call, headers });
  };
}
