import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { ReportCacheEvents } from '../activation-counts/report/report-cache-service';
import type { UpstreamHooks } from '../msgraph/upstream-hooks';
import type { UpstreamTracing } from '../msgraph/upstream-tracing';
import type { HttpSpanOptions } from './http-spans';

/**
 * Everything tracing adds to a gateway, built by start-tracing.ts only when an OTLP endpoint is
 * configured. server.ts adds each part where it belongs; without this object none of them exists.
 */
export interface GatewayTracing {
  /** Fastify hooks: the HTTP request span and the GraphQL operation span (http-spans.ts). */
  registerHttpSpans(app: FastifyInstance, options: HttpSpanOptions): void;
  /** Names the operation span by operation name and type (operation-span-plugin.ts). */
  operationPlugin: ApolloServerPlugin;
  /** The upstream client's span per attempt and span per `$batch` (src/msgraph/tracing-layer.ts, batch-span.ts). */
  upstream: UpstreamTracing;
  /** Span events for the report cache's decisions and coalesced calls (decision-span-events.ts), beside their metrics. */
  decisionEvents: { upstream: UpstreamHooks; reportCache: ReportCacheEvents };
  /** pino mixin: `trace_id` / `span_id` of the active span (log-trace-fields.ts). */
  logFields(): Record<string, string>;
  /** Exports what is buffered and stops the SDK; the gateway's close awaits it. Never rejects: a failed export is reported, not thrown. */
  shutdown(): Promise<void>;
}
