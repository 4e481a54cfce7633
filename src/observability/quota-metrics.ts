import { Counter, type Registry } from 'prom-client';
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
  const registers = [registry];
  const hits = new Counter({
    name: 'gateway_report_cache_hits_total',
    help: 'Reports answered from a fresh kept copy, by copy: "own" (the caller\'s) or "tenant" (shared by the proof rule).',
    labelNames: ['copy'] as const,
    registers,
  });
  const misses = new Counter({ name: 'gateway_report_cache_misses_total', help: 'Reports with no fresh copy to answer: Graph was asked.', registers });
  const stale = new Counter({
    name: 'gateway_report_stale_answers_total',
    help: 'Reports Graph throttled that were answered from an older copy (with the stale warning) instead of THROTTLED, by copy.',
    labelNames: ['copy'] as const,
    registers,
  });
  const coalesced = new Counter({
    name: 'gateway_upstream_coalesced_total',
    help: 'GETs that joined an identical one of the same caller already in flight, by method: upstream requests saved.',
    labelNames: ['method'] as const,
    registers,
  });
  const throttled = new Counter({
    name: 'gateway_upstream_throttled_total',
    help: 'Upstream 429 answers (each attempt), by path with ids as {id}.',
    labelNames: ['path'] as const,
    registers,
  });
  return {
    reportCacheEvents: {
      onHit: (copy) => hits.inc({ copy }),
      onMiss: () => misses.inc(),
      onStale: (copy) => stale.inc({ copy }),
    },
    upstreamHooks: {
      onCoalesced: ({ method }) => coalesced.inc({ method }),
      onResponse: ({ status, path }) => {
        if (status === 429) throttled.inc({ path: upstreamPathLabel(path) });
      },
    },
  };
}
