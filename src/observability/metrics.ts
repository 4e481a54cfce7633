import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
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
  const registers = [registry];
  const operations = new Counter({
    name: 'gateway_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name, type and outcome ("success" or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers,
  });
  const operationDuration = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer.',
    labelNames: ['type'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const inFlight = new Gauge({ name: 'gateway_graphql_requests_in_flight', help: 'GraphQL requests being executed now.', registers });
  const documents = new Counter({
    name: 'gateway_graphql_documents_total',
    help: 'GraphQL documents received, by kind: "trusted" (from a TRUSTED_DOCUMENTS manifest), "ad_hoc" (text sent by the caller) or "refused" (before parsing).',
    labelNames: ['kind'] as const,
    registers,
  });
  const upstreamRequests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'HTTP requests to the upstream, by method and status ("network" when no answer came).',
    labelNames: ['method', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Upstream request latency, headers and body, per attempt.',
    labelNames: ['method'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const retries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Upstream retries, by method and the status (or "network") that caused them.',
    labelNames: ['method', 'reason'] as const,
    registers,
  });
  const batchSize = new Histogram({
    name: 'gateway_upstream_batch_size',
    help: 'Sub-requests per upstream $batch call (Graph allows at most 20).',
    buckets: [1, 2, 5, 10, 15, 20],
    registers,
  });
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
