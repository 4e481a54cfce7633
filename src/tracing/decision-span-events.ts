import type { ReportCacheEvents } from '../activation-counts/report/report-cache-service';
import type { UpstreamHooks } from '../msgraph/upstream-hooks';
import { GatewaySpanEvents, recordSpanEvent } from './span-events';

/** A coalesced GET, as an event on the span of the operation that joined the call in flight. */
export const coalescingSpanEvents: UpstreamHooks = {
  onCoalesced: ({ method, path }) => recordSpanEvent(GatewaySpanEvents.coalesced, { 'gateway.coalesce.role': 'follower', 'http.request.method': method, 'url.path': path }),
};

/** The report cache's decision, as an event on the span of the operation it answered. */
export const reportCacheSpanEvents: Required<ReportCacheEvents> = {
  onHit: (copy) => recordSpanEvent(GatewaySpanEvents.reportCache, { 'gateway.report_cache.outcome': copy === 'tenant' ? 'shared' : 'fresh' }),
  onMiss: () => recordSpanEvent(GatewaySpanEvents.reportCache, { 'gateway.report_cache.outcome': 'miss' }),
  onStale: (copy) => recordSpanEvent(GatewaySpanEvents.reportCache, { 'gateway.report_cache.outcome': 'stale', 'gateway.report_cache.copy': copy }),
  onThrottleRemembered: (answer) => recordSpanEvent(GatewaySpanEvents.reportCache, { 'gateway.report_cache.outcome': answer === 'stale' ? 'stale' : 'throttled', 'gateway.report_cache.throttle_remembered': true }),
};
