import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Refusal = { errors?: unknown; requestId?: unknown } & Record<string, unknown>;

/** The refusal with our request id in every error's extensions (GraphQL shape) or beside Fastify's fields. */
function withRequestId(refusal: Refusal, requestId: string): Refusal {
  if (!Array.isArray(refusal.errors)) return { ...refusal, requestId };
  const errors = refusal.errors.map((error: unknown) => {
    if (typeof error !== 'object' || error === null) return error;
    const { extensions } = error as { extensions?: Record<string, unknown> };
    return { ...error, extensions: { ...extensions, requestId } };
  });
  return { ...refusal, errors };
}

/**
 * Apollo refuses some requests before any plugin runs (CSRF, a body without a query, `variables`
 * that is not an object), and Fastify answers unknown routes itself: those answers carried no
 * request id, so a caller could not quote one. Every JSON answer with status ≥ 400 gets it here;
 * only error answers are parsed, and they are small.
 */
/** The payload to send: a JSON refusal with the request id added, anything else as it is. */
function payloadWithRequestId(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (reply.statusCode < 400 || typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
  let refusal: unknown;
  try {
    refusal = JSON.parse(payload);
  } catch {
    return payload;
  }
  if (typeof refusal !== 'object' || refusal === null || Array.isArray(refusal)) return payload;
  return JSON.stringify(withRequestId(refusal as Refusal, String(request.id)));
}

export function requestIdOnEveryRefusal(app: FastifyInstance): void {
  // A callback hook, not an async one: every answer passes here, and a 200 (nearly all) costs no promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    done(null, payloadWithRequestId(request, reply, payload));
  });
}
