import type { FastifyInstance } from 'fastify';
import type { Dispatcher } from 'undici';
import type { Registry } from 'prom-client';
import { checkUpstreamReachable } from './readiness';

export interface OperatorRoutesOptions {
  registry: Registry;
  upstreamBaseUrl: string;
  dispatcher: Dispatcher;
  readyTimeoutMs: number;
}

/**
 * `/ready` (readiness: 200 when the upstream answers, 503 otherwise; Fastify itself answers 503
 * once shutdown has begun) and `/metrics` (Prometheus text format). `/health` (liveness) stays
 * with the server: it must not depend on the upstream.
 */
export function registerOperatorRoutes(app: FastifyInstance, options: OperatorRoutesOptions): void {
  app.get('/ready', async (_request, reply) => {
    const result = await checkUpstreamReachable(options.upstreamBaseUrl, options.dispatcher, options.readyTimeoutMs);
    return reply.code(result.ready ? 200 : 503).send({ status: result.ready ? 'ready' : 'not ready', detail: result.detail });
  });
  app.get('/metrics', async (_request, reply) => {
    const text = await options.registry.metrics();
    return reply.header('content-type', options.registry.contentType).send(text);
  });
}
