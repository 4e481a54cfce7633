import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

function isPreflight(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' && request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;
}

/** What a refused preflight says: the origin, and the setting that would allow it. */
export function preflightRefusal(origin: string, allowedOrigins: readonly string[]): string {
  const now = allowedOrigins.length > 0 ? `CORS_ORIGINS allows only ${allowedOrigins.join(', ')}` : 'CORS_ORIGINS is not set, so no origin is allowed';
  return `Cross-origin requests from ${origin} are not allowed (${now}): add the origin to CORS_ORIGINS (comma-separated, e.g. CORS_ORIGINS=${origin}) and restart the gateway`;
}

/**
 * CORS for browser frontends on other origins. Only the listed origins get
 * Access-Control-Allow-Origin (an empty list: none, the browser blocks every cross-origin call).
 * Preflights are answered here, before any route; no cookies are involved (the caller's token
 * travels in Authorization), so credentials stay off. A preflight from any other origin gets a 403
 * naming CORS_ORIGINS: otherwise it reached Apollo, whose CSRF message hid the setting to change.
 */
export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const allowed = new Set(allowedOrigins);
  // Added before the plugin's own hook, so it runs first. A callback hook, not an async one: the
  // other requests (nearly all of them) pass with no promise made (see operation-admission.ts).
  app.addHook('onRequest', (request, reply, done) => {
    if (!isPreflight(request) || allowed.has(request.headers.origin!)) return done();
    reply
      .code(403)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: preflightRefusal(request.headers.origin!, allowedOrigins), extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED', requestId: String(request.id) } }] });
  });
  await app.register(cors, {
    origin: allowedOrigins.length > 0 ? [...allowedOrigins] : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    // apollo-require-preflight lets a browser send a GET operation past Apollo's CSRF prevention.
    allowedHeaders: ['Authorization', 'Content-Type', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'],
    maxAge: 600,
  });
}
