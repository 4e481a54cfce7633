import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import type { UpstreamCall, UpstreamLayer } from './upstream-call';
import { UpstreamFailure } from './upstream-failure';
import { pathWithoutQueryValues } from './upstream-hooks';

/** The attributes known before the attempt is sent: no header value but the attempt's own id, no query value. */
function requestAttributes(call: UpstreamCall): Attributes {
  const url = new URL(call.url);
  const withNames = pathWithoutQueryValues(call.path);
  const queryAt = withNames.indexOf('?');
  const attributes: Attributes = {
    'http.request.method': call.method,
    'server.address': url.hostname,
    'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    'url.path': url.pathname,
    'msgraph.attempt': call.attempt,
    'msgraph.client_request_id': call.headers['client-request-id'],
  };
  // Names only (`$select&$top`): a value could be a $skiptoken or a filter on tenant data.
  if (queryAt >= 0) attributes['url.query'] = withNames.slice(queryAt + 1);
  if (call.attempt > 1) attributes['http.request.resend_count'] = call.attempt - 1;
  return attributes;
}

/**
 * One CLIENT span per upstream attempt, child of whatever span is active (the GraphQL operation, or
 * its `$batch`), with the W3C `traceparent` of that span sent upstream. Sits inside the attempt
 * identity layer, so it sees the attempt number and the `client-request-id` Graph support asks for.
 * Only src/tracing/start-tracing.ts loads this file: with tracing off it is not in memory.
 */
export function tracingLayer(tracer: Tracer): UpstreamLayer {
  return (next) => async (call) => {
    const parent = context.active();
    const name = call.path === '/$batch' ? 'POST /$batch' : call.method;
    const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: requestAttributes(call) }, parent);
    const active = trace.setSpan(parent, span);
    const headers = Object.assign({}, call.headers); // not a spread: see attempt-identity-layer.ts
    propagation.inject(active, headers);
    try {
      const response = await context.with(active, () => next({ ...call, headers }));
      span.setAttributes({ 'http.response.status_code': response.status, 'http.response.body.size': response.bytes, 'msgraph.request_id': response.headers['request-id'] });
      if (response.status >= 400) {
        span.setAttribute('error.type', String(response.status));
        span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
      }
      return response;
    } catch (error: unknown) {
      // The failure's code only: a message may quote part of an upstream body.
      const code = error instanceof UpstreamFailure ? error.code : 'UNKNOWN';
      if (error instanceof UpstreamFailure && error.status !== undefined) span.setAttribute('http.response.status_code', error.status);
      span.setAttribute('error.type', code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: code });
      throw error;
    } finally {
      span.end();
    }
  };
}
