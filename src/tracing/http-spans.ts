import { context, createContextKey, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Where the operation span of a GraphQL request sits in the active context (read by operation-span-plugin.ts). */
export const OPERATION_SPAN = createContextKey('office365-activation-counts-gateway operation span');

interface RequestSpans {
  server: Span;
  /** The server span's context; the operation's once preHandler has started it. */
  active: Context;
  operation?: Span;
}

export interface HttpSpanOptions {
  /** The GraphQL route, whose requests get an operation span. */
  graphqlPath: string;
  /** Routes polled by probes and scrapers, not worth a trace each. Default /health, /ready, /metrics. */
  untracedRoutes?: readonly string[];
}

const PROBE_ROUTES = ['/health', '/ready', '/metrics'];

function endAll(spans: RequestSpans, statusCode: number | undefined, problem?: string): void {
  if (statusCode !== undefined) spans.server.setAttribute('http.response.status_code', statusCode);
  if (problem !== undefined) spans.server.setStatus({ code: SpanStatusCode.ERROR, message: problem });
  else if (statusCode !== undefined && statusCode >= 500) spans.server.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${statusCode}` });
  spans.operation?.end();
  spans.server.end();
}

/**
 * A SERVER span per HTTP request, continuing an incoming W3C `traceparent`, and inside it, for the
 * GraphQL route, the operation's span, made active before Apollo runs so that every upstream span
 * is its child. Fastify reads the body between hooks on the socket's own callbacks, so the spans
 * are kept on the request and each hook re-enters their context explicitly rather than trusting
 * it to survive. Attributes hold the method, route, path (never the query string: a GET carries
 * the query text there), status and this gateway's request id: no header value.
 * Register before the request-logging hooks, so their lines carry the trace ids.
 */
export function registerHttpSpans(app: FastifyInstance, tracer: Tracer, options: HttpSpanOptions): void {
  const spansOf = new WeakMap<FastifyRequest, RequestSpans>();
  const untraced = new Set(options.untracedRoutes ?? PROBE_ROUTES);
  app.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && untraced.has(route)) return done();
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const server = tracer.startSpan(route ? `${request.method} ${route}` : request.method, {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': request.method,
        'url.path': request.url.split('?', 1)[0],
        ...(route ? { 'http.route': route } : {}),
        'gateway.request_id': String(request.id),
      },
    }, parent);
    const spans: RequestSpans = { server, active: trace.setSpan(parent, server) };
    spansOf.set(request, spans);
    context.with(spans.active, done);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const spans = spansOf.get(request);
    if (!spans) return done();
    if (request.routeOptions.url === options.graphqlPath && (request.method === 'POST' || request.method === 'GET')) {
      // Named by the Apollo plugin once the operation is known; "graphql" when Apollo never gets that far.
      spans.operation = tracer.startSpan('graphql', {}, spans.active);
      spans.active = trace.setSpan(spans.active, spans.operation).setValue(OPERATION_SPAN, spans.operation);
    }
    context.with(spans.active, done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const spans = spansOf.get(request);
    if (!spans) return done();
    spansOf.delete(request);
    endAll(spans, reply.statusCode);
    // The request-completed line that follows carries the trace ids too.
    context.with(spans.active, done);
  });
  app.addHook('onRequestAbort', (request, done) => {
    const spans = spansOf.get(request);
    if (!spans) return done();
    spansOf.delete(request);
    endAll(spans, undefined, 'the client closed the connection before the answer');
    done();
  });
}
