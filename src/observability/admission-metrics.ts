import { Counter, Gauge, type Registry } from 'prom-client';
import type { UpstreamAdmission } from '../msgraph/upstream-admission';

export interface AdmissionMetrics {
  shed: Counter;
  operationsRefused: Counter;
  /** Reads the operation admission's queue at scrape time (http/operation-admission.ts). */
  watchOperations(operations: { readonly waiting: number }): void;
}

/** Gauges of the upstream and operation admissions (read at scrape time) and counters of refused requests. */
export function registerAdmissionMetrics(registry: Registry, admission: UpstreamAdmission): AdmissionMetrics {
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
  new Gauge({
    name: 'gateway_upstream_waiting',
    help: 'Upstream requests waiting for a slot, their caller\'s (MAX_UPSTREAM_CONCURRENCY_PER_CALLER) or a global one; while above 0, MAX_OPERATIONS_IN_FLIGHT_PER_CALLER applies.',
    registers,
    collect() {
      this.set(admission.backlog);
    },
  });
  const shed = new Counter({ name: 'gateway_graphql_requests_shed_total', help: 'GraphQL requests refused with 503 GATEWAY_BUSY because the upstream capacity was saturated.', registers });
  const operationsRefused = new Counter({ name: 'gateway_operations_refused_total', help: 'GraphQL requests answered 503 GATEWAY_BUSY after waiting MAX_OPERATION_WAIT_MS behind MAX_OPERATIONS_IN_FLIGHT_PER_CALLER operations of their caller.', registers });
  let operations: { readonly waiting: number } | undefined;
  new Gauge({
    name: 'gateway_operations_waiting',
    help: 'GraphQL requests waiting for their turn because their caller has MAX_OPERATIONS_IN_FLIGHT_PER_CALLER operations executing.',
    registers,
    collect() {
      this.set(operations?.waiting ?? 0);
    },
  });
  return {
    shed,
    operationsRefused,
    watchOperations(watched) {
      operations = watched;
    },
  };
}
