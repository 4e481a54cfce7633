import { collectDefaultMetrics, Gauge, Registry, type Counter, type Histogram } from 'prom-client';
import { metricsIn } from './metric-factory';
import type { ReportCacheEvents } from '../activation-counts/report/report-cache-service';
import { combineHooks, type UpstreamHooks } from '../msgraph/upstream-hooks';
import { createQuotaMetrics } from './quota-metrics';

/** The gateway's Prometheus metrics, all in one registry per gateway (tests run several gateways per process). */
export interface GatewayMetrics {
  registry: Registry;
  /** Feeds the upstream counters; pass to the GraphClient (through the context). */
  upstreamHooks: UpstreamHooks;
  /** Feeds the report cache counters; pass to the ReportCacheService. */
  reportCacheEvents: ReportCacheEvents;
  operations: Counter<'operation' | 'type' | 'outcome'>;
  operationDuration: Histogram<'type'>;
  inFlight: Gauge;
  /** Documents by where they came from: "trusted" (a manifest's), "ad_hoc" (text sent), "refused" (before parsing). */
  documents: Counter<'kind'>;
}

export interface GatewayMetricsOptions {
  /** Registry to fill; default a new one. Never prom-client's global: two gateways would collide. */
  registry?: Registry;
  /** Process metrics (RSS, heap, event loop lag, ...). Default true. */
  processMetrics?: boolean;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = options.registry ?? new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const metric = metricsIn(registry);
  const operations = metric.counter('gateway_graphql_operations_total', 'GraphQL operations answered, by operation name, type and outcome ("success" or the first error code).', ['operation', 'type', 'outcome'] as const);
  const operationDuration = metric.histogram('gateway_graphql_operation_duration_seconds', 'Time from receiving a GraphQL operation to sending its answer.', LATENCY_BUCKETS, ['type'] as const);
  const inFlight = new Gauge({ name: 'gateway_graphql_requests_in_flight', help: 'GraphQL requests being executed now.', registers: [registry] });
  const documents = metric.counter(
    'gateway_graphql_documents_total',
    'GraphQL documents received, by kind: "trusted" (from a TRUSTED_DOCUMENTS manifest), "ad_hoc" (text sent by the caller) or "refused" (before parsing).',
    ['kind'] as const,
  );
  const upstreamRequests = metric.counter('gateway_upstream_requests_total', 'HTTP requests to the upstream, by method and status ("network" when no answer came).', ['method', 'status'] as const);
  const upstreamDuration = metric.histogram('gateway_upstream_request_duration_seconds', 'Upstream request latency, headers and body, per attempt.', LATENCY_BUCKETS, ['method'] as const);
  const retries = metric.counter('gateway_upstream_retries_total', 'Upstream retries, by method and the status (or "network") that caused them.', ['method', 'reason'] as const);
  const batchSize = metric.histogram('gateway_upstream_batch_size', 'Sub-requests per upstream $batch call (Graph allows at most 20).', [1, 2, 5, 10, 15, 20]);
  const quota = createQuotaMetrics(registry);
  const upstreamHooks: UpstreamHooks = {
    onResponse: ({ method, status, durationMs }) => {
      upstreamRequests.inc({ method, status: String(status) });
      upstreamDuration.observe({ method }, durationMs / 1000);
    },
    onNetworkError: ({ method, durationMs }) => {
      upstreamRequests.inc({ method, status: 'network' });
      upstreamDuration.observe({ method }, durationMs / 1000);
    },
    onRetry: ({ method, status }) => retries.inc({ method, reason: String(status) }),
    onBatch: ({ size }) => batchSize.observe(size),
  };
  return { registry, upstreamHooks: combineHooks(upstreamHooks, quota.upstreamHooks), reportCacheEvents: quota.reportCacheEvents, operations, operationDuration, inFlight, documents };
}
