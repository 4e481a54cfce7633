import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  // A callback hook, not an async one: a request let through (nearly all of them) costs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.url !== endpoint || request.method === 'OPTIONS' || !options.saturated()) return done();
    options.onShed?.();
    // debug only: under overload one line per shed request would add to the load; the counter and the 503 response line say it.
    request.log.debug('GraphQL request shed: upstream capacity saturated');
    answerBusy(request, reply, `The gateway is busy: its upstream capacity (MAX_UPSTREAM_CONCURRENCY requests in flight, MAX_UPSTREAM_QUEUE waiting) is in use; retry after ${options.retryAfterSeconds} s`, options.retryAfterSeconds);
  });
}

/** The one form of a 503 GATEWAY_BUSY: what is in use, when to come back, and our request id. */
export function answerBusy(request: FastifyRequest, reply: FastifyReply, message: string, retryAfterSeconds: number): FastifyReply {
  return reply
    .code(503)
    .header('retry-after', String(retryAfterSeconds))
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: ErrorCode.GATEWAY_BUSY, requestId: String(request.id) } }] });
}
