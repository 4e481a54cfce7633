import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '../errors';

export interface ShedWhenBusyOptions {
  /** Answers true while new GraphQL requests should be refused (UpstreamAdmission.saturated). */
  saturated: () => boolean;
  /** Retry-After of the 503. */
  retryAfterSeconds: number;
  /** Told of each shed request (metrics). */
  onShed?: () => void;
  /** The GraphQL route. Default /graphql. */
  endpoint?: string;
}

/**
 * When the upstream capacity is saturated, new GraphQL requests are refused at once with 503 and
 * Retry-After, before their body is read, instead of joining a queue where every caller would time
 * out. Requests already admitted keep their place; preflights, /health and the operator routes are
 * never shed.
 */
export function shedWhenBusy(app: FastifyInstance, options: ShedWhenBusyOptions): void {
  const endpoint = options.endpoint ?? '/graphql';
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== endpoint || request.method === 'OPTIONS' || !options.saturated()) return;
    options.onShed?.();
    // debug only: under overload one line per shed request would add to the load; the counter and the 503 response line say it.
    request.log.debug('GraphQL request shed: upstream capacity saturated');
    return reply
      .code(503)
      .header('retry-after', String(options.retryAfterSeconds))
      .type('application/json; charset=utf-8')
      .send({
        errors: [
          {
            message: `The gateway is busy: its upstream capacity (MAX_UPSTREAM_CONCURRENCY requests in flight, MAX_UPSTREAM_QUEUE waiting) is in use; retry after ${options.retryAfterSeconds} s`,
            extensions: { code: ErrorCode.GATEWAY_BUSY, requestId: String(request.id) },
          },
        ],
      });
  });
}
