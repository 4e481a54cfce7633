import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AbortEmitter } from '../msgraph/call-signal';
import { tokenOf } from '../security/token-hash';
import { CallerLines } from './caller-lines';
import { answerBusy } from './shed-when-busy';

export interface OperationAdmissionOptions {
  /** MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: GraphQL operations one caller (token) has executing at once while the upstream is backlogged. */
  maxPerCaller: number;
  /** How long an operation may wait for its turn before it is answered 503 GATEWAY_BUSY (MAX_OPERATION_WAIT_MS). */
  maxWaitMs: number;
  /** True while upstream calls wait for a slot of the upstream admission (UpstreamAdmission.backlog > 0). */
  upstreamBacklogged: () => boolean;
  /** Told of each operation refused after waiting maxWaitMs (metrics). */
  onRefused?: () => void;
  /** The GraphQL route. Default /graphql. */
  endpoint?: string;
}

export interface OperationAdmission {
  /** The request's disconnect signal (aborts when its client leaves before the answer is sent); set for every GraphQL request but a preflight. */
  signalOf(request: FastifyRequest): AbortEmitter | undefined;
  /** Operations waiting for their turn now (metrics). */
  readonly waiting: number;
}

/** Requests without an Authorization header share one line (they fail auth, or only introspect). */
const NO_CREDENTIALS = '';

/**
 * The line an Authorization header stands in: its token, whatever the case of the scheme, so one
 * token is one line however it is spelled. The token text itself is the key, not its SHA-256
 * (token-hash.ts), because this runs for every request, `{ __typename }` included, and the hash is
 * ~3 µs of a 80 µs floor. That is safe here: the lines hold no data and no answer, only counts; a
 * line exists only while its caller has an operation running or waiting (the token is in that
 * request's headers anyway); nothing about a line is logged or exposed except the total waiting.
 */
function lineOf(authorization: string | undefined): string {
  return authorization ? tokenOf(authorization) : NO_CREDENTIALS;
}

/**
 * While the upstream is backlogged, at most maxPerCaller GraphQL operations of one caller execute
 * at once; the others wait in arrival order, after their body is read and before Apollo parses
 * them, holding nothing but that body. When no upstream call waits for a slot, nothing waits here.
 *
 * Why (measured, tools/bench and tools/profile, byIds of 100 at 50 connections of one token): a
 * caller's operations beyond what its upstream share (MAX_UPSTREAM_CONCURRENCY_PER_CALLER) can serve
 * used to start anyway, then waited mid-execution for upstream slots, holding their loaders, parsed
 * answers and partial results through several scavenges. Those survivors filled the old generation:
 * GC took a quarter of the CPU and an operation cost 2500 µs instead of 1650, at 10 MB more RSS.
 * Waiting before execution keeps each operation's life short, so its garbage dies young. Without a
 * backlog (one-entity reads sharing coalesced calls, `{ __typename }`), queueing buys nothing and
 * only adds latency, hence the condition.
 *
 * Another caller never waits behind this one's line. A waiter leaves on disconnect, and past
 * maxWaitMs (checked every tenth of it, at most every second) it is answered 503 GATEWAY_BUSY with
 * Retry-After. The waiters are bounded by MAX_CONNECTIONS (one request per connection in flight).
 */
export function admitOperationsPerCaller(app: FastifyInstance, options: OperationAdmissionOptions): OperationAdmission {
  const endpoint = options.endpoint ?? '/graphql';
  const lines = new CallerLines(options.maxPerCaller, { maxWaitMs: options.maxWaitMs });
  // A decorated property rather than a WeakMap: set and read once per request, on Fastify's own request shape.
  app.decorateRequest('disconnectSignal', null);
  const refuse = (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    options.onRefused?.();
    request.log.warn({ maxPerCaller: options.maxPerCaller, maxWaitMs: options.maxWaitMs }, 'GraphQL request refused: its caller had too many operations in flight for too long');
    return answerBusy(request, reply, `The gateway is busy with this caller's other operations: ${options.maxPerCaller} of them (MAX_OPERATIONS_IN_FLIGHT_PER_CALLER) were executing during the ${options.maxWaitMs} ms (MAX_OPERATION_WAIT_MS) this one waited for its turn; retry after 1 s`, 1);
  };
  // A callback hook, not an async one: an operation admitted at once (most of them) costs no promise here.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.routeOptions.url !== endpoint || request.method === 'OPTIONS') return done();
    // An AbortEmitter, not an AbortController: ~30 ns to make against ~1.9 µs (call-signal.ts).
    const disconnect = new AbortEmitter();
    const place = lines.join(lineOf(request.headers.authorization), !options.upstreamBacklogged());
    // One listener for both ends: the answer sent, or the client gone before it (a waiter then
    // leaves the line; a running operation is aborted). Either way the place is given back.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) disconnect.abort();
      place.leave();
    });
    request.disconnectSignal = disconnect;
    if (place.turn === 'admitted') return done();
    void place.turn.then((turn) => {
      // The client left while waiting: nobody reads this answer, but Fastify ends the request its usual way.
      if (turn === 'left' || disconnect.aborted) return reply.code(499).send();
      if (turn === 'refused') return refuse(request, reply);
      done();
    });
  });
  return {
    signalOf: (request) => request.disconnectSignal ?? undefined,
    get waiting() {
      return lines.waiting;
    },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the operation admission on GraphQL requests: aborts when the client leaves before the answer is sent. */
    disconnectSignal: AbortEmitter | null;
  }
}
