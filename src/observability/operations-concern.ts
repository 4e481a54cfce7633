import type { FastifyBaseLogger } from 'fastify';
import type { RequestConcern } from '../execution/request-concerns-plugin';
import type { GatewayMetrics } from './metrics';

/** Distinct operation names kept as metric labels; names are chosen by callers, so they are capped. */
const MAX_OPERATION_NAMES = 100;
const OTHER = '__other';

/** Bounds label cardinality: a hostile caller sending a fresh name each time cannot grow the registry without end. */
export function operationNameLabeller(limit: number = MAX_OPERATION_NAMES): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return '__anonymous';
    const label = name.slice(0, 64);
    if (seen.has(label)) return label;
    if (seen.size >= limit) return OTHER;
    seen.add(label);
    return label;
  };
}

/**
 * Counts and times every GraphQL operation by name and outcome, tracks requests in flight, and
 * writes one log line per failed operation carrying the request id (`reqId`, as Fastify's own
 * request lines do) and the error codes: never the variables, never headers.
 */
export function operationsConcern(metrics: GatewayMetrics, logger: FastifyBaseLogger): RequestConcern<{ requestId: string }> {
  const labelOf = operationNameLabeller();
  return () => {
    const started = process.hrtime.bigint();
    metrics.inFlight.inc();
    let done = false;
    return {
      didEncounterErrors({ errors, operationName, contextValue }) {
        const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        logger.warn({ reqId: contextValue.requestId, operationName: operationName ?? null, codes }, 'GraphQL operation answered with errors');
      },
      willSendResponse({ response, operationName, operation, errors }) {
        if (done) return;
        done = true;
        metrics.inFlight.dec();
        const type = operation?.operation ?? 'unknown';
        const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const firstError = (single?.errors ?? errors ?? [])[0];
        const outcome = firstError ? String(firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'success';
        metrics.operations.inc({ operation: labelOf(operationName), type, outcome });
        metrics.operationDuration.observe({ type }, Number(process.hrtime.bigint() - started) / 1e9);
      },
    };
  };
}
