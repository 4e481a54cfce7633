import type { Registry } from 'prom-client';
import { metricsIn } from './metric-factory';
import type { ReportCacheEvents } from '../activation-counts/report/report-cache-service';
import type { UpstreamHooks } from '../msgraph/upstream-hooks';

/** What living within Graph's report quota looks like to an operator: cache answers, shared calls, 429s. */
export interface QuotaMetrics {
  reportCacheEvents: ReportCacheEvents;
  /** Counts coalesced GETs and upstream 429s; combined with the other upstream hooks. */
  upstreamHooks: UpstreamHooks;
}

/**
 * The path of an upstream request as a bounded label: the query dropped, and every segment after
 * the second replaced by `{id}` (entity ids would otherwise make one series per entity), so
 * `/reports/getOffice365ActivationCounts`, `/$batch` and `/reports/office365ActivationCounts/{id}`.
 */
export function upstreamPathLabel(path: string): string {
  const segments = path.split('?', 1)[0]!.split('/').filter(Boolean);
  return `/${segments.map((segment, i) => (i < 2 ? segment : '{id}')).join('/')}`;
}

export function createQuotaMetrics(registry: Registry): QuotaMetrics {
  const metric = metricsIn(registry);
  const hits = metric.counter('gateway_report_cache_hits_total', 'Reports answered from a fresh kept copy, by copy: "own" (the caller\'s) or "tenant" (shared by the proof rule).', ['copy'] as const);
  const misses = metric.counter('gateway_report_cache_misses_total', 'Reports with no fresh copy to answer: Graph was asked.');
  const stale = metric.counter('gateway_report_stale_answers_total', 'Reports Graph throttled that were answered from an older copy (with the stale warning) instead of THROTTLED, by copy.', ['copy'] as const);
  const remembered = metric.counter(
    'gateway_report_throttle_remembered_total',
    'Reports answered without asking Graph because its Retry-After for that caller (or tenant, in tenant scope) had not passed, by answer: "stale" or "throttled".',
    ['answer'] as const,
  );
  const coalesced = metric.counter('gateway_upstream_coalesced_total', 'GETs that joined an identical one of the same caller already in flight, by method: upstream requests saved.', ['method'] as const);
  const throttled = metric.counter('gateway_upstream_throttled_total', 'Upstream 429 answers (each attempt), by path with ids as {id}.', ['path'] as const);
  return {
    reportCacheEvents: {
      onHit: (copy) => hits.inc({ copy }),
      onMiss: () => misses.inc(),
      onStale: (copy) => stale.inc({ copy }),
      onThrottleRemembered: (answer) => remembered.inc({ answer }),
    },
    upstreamHooks: {
      onCoalesced: ({ method }) => coalesced.inc({ method }),
      onResponse: ({ status, path }) => {
        if (status === 429) throttled.inc({ path: upstreamPathLabel(path) });
      },
    },
  };
}
