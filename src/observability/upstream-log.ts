import type { FastifyBaseLogger } from 'fastify';
import type { UpstreamHooks } from '../msgraph/upstream-hooks';

/**
 * One debug line per upstream attempt, next to the metrics consumer: method, path without query
 * values, status (or "network"), duration, attempt and Graph's request-id. Never a header value,
 * never a token: the events carry none. Below debug, pino drops the call at its level check.
 */
export function upstreamLogHooks(logger: FastifyBaseLogger): UpstreamHooks {
  return {
    onResponse: ({ method, path, status, durationMs, attempt, requestId }) => {
      logger.debug({ upstream: { method, path, status, durationMs, attempt, requestId } }, 'upstream call');
    },
    onNetworkError: ({ method, path, durationMs, attempt }) => {
      logger.debug({ upstream: { method, path, status: 'network', durationMs, attempt } }, 'upstream call');
    },
  };
}
