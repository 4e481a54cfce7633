import { Counter, Gauge, type Registry } from 'prom-client';
import type { UpstreamAdmission } from '../msgraph/upstream-admission';

/** Gauges of the upstream admission (read at scrape time) and a counter of shed requests. */
export function registerAdmissionMetrics(registry: Registry, admission: UpstreamAdmission): { shed: Counter } {
  const registers = [registry];
  new Gauge({
    name: 'gateway_upstream_in_flight',
    help: 'Upstream requests in flight now (at most MAX_UPSTREAM_CONCURRENCY).',
    registers,
    collect() {
      this.set(admission.inFlight);
    },
  });
  new Gauge({
    name: 'gateway_upstream_queued',
    help: 'Upstream requests waiting for a slot of MAX_UPSTREAM_CONCURRENCY; at MAX_UPSTREAM_QUEUE new GraphQL requests are shed.',
    registers,
    collect() {
      this.set(admission.queued);
    },
  });
  const shed = new Counter({ name: 'gateway_graphql_requests_shed_total', help: 'GraphQL requests refused with 503 GATEWAY_BUSY because the upstream capacity was saturated.', registers });
  return { shed };
}
