import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';

/** How a body Fastify refused before GraphQL saw it is explained to the caller. */
interface BodyRefusal {
  code: string;
  message: (request: FastifyRequest) => string;
}

/**
 * Fastify refuses these bodies with terse framework messages ("Unsupported Media Type") that say
 * neither what arrived nor what is expected. The status stays Fastify's; the body becomes a
 * GraphQL-shaped error like every other answer of this gateway, with the request id.
 */
function refusals(maxBodyBytes: number): Record<string, BodyRefusal> {
  return {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: (request) => {
        const sent = request.headers['content-type'];
        const what = sent ? `Content-Type ${JSON.stringify(sent)} is not supported` : 'The request has no Content-Type';
        return `${what}: send the operation as JSON with "Content-Type: application/json" ({"query": "...", "variables": {...}})`;
      },
    },
    FST_ERR_CTP_BODY_TOO_LARGE: {
      code: 'PAYLOAD_TOO_LARGE',
      message: () => `The request body is larger than ${maxBodyBytes} bytes, the most this gateway reads: send a smaller operation or fewer variables`,
    },
    FST_ERR_CTP_INVALID_JSON_BODY: {
      code: 'BAD_REQUEST',
      // Fastify's JSON parser keeps no reason (nor the body), so none can be echoed here.
      message: () => 'The request body is not valid JSON: expected {"query": "...", "variables": {...}}',
    },
    FST_ERR_CTP_EMPTY_JSON_BODY: {
      code: 'BAD_REQUEST',
      message: () => 'The request body is empty: expected {"query": "...", "variables": {...}}',
    },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
      code: 'BAD_REQUEST',
      message: () => 'The Content-Length header does not match the body that arrived',
    },
  };
}

/** Answers Fastify's body refusals with specific messages; every other error keeps Fastify's handling. */
export function explainBodyRefusals(app: FastifyInstance, maxBodyBytes: number): void {
  const known = refusals(maxBodyBytes);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const refusal = error.code ? known[error.code] : undefined;
    // Thrown on, an error reaches Fastify's default handler: status, logging and body as before.
    if (!refusal) throw error;
    return reply
      .code(error.statusCode ?? 400)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: refusal.message(request), extensions: { code: refusal.code, requestId: String(request.id) } }] });
  });
}
