import { trace, type Attributes } from '@opentelemetry/api';

/**
 * Event names for decisions other parts of the gateway record on the active span (README, "Traces").
 * Attribute keys are namespaced `gateway.*`; values are outcomes and counts, never keys that hold a
 * token hash, an id list or a header value.
 */
export const GatewaySpanEvents = {
  /** The report cache answered or not: `gateway.report_cache.outcome` = fresh | shared | miss | stale | throttled (decision-span-events.ts). */
  reportCache: 'gateway.report_cache',
  /** An upstream GET joined one already in flight (`gateway.coalesce.role` = follower). */
  coalesced: 'gateway.coalesce',
} as const;

/**
 * Adds an event to the span active where it is called (an upstream layer, a resolver, the report
 * service). With tracing off there is no active span and this is one lookup in the no-op API, so
 * callers need no check of their own.
 */
export function recordSpanEvent(name: string, attributes?: Attributes): void {
  trace.getActiveSpan()?.addEvent(name, attributes);
}
