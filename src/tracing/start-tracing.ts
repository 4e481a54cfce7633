import { trace } from '@opentelemetry/api';
import { core, NodeSDK } from '@opentelemetry/sdk-node';
import { batchSpans } from '../msgraph/batch-span';
import { tracingLayer } from '../msgraph/tracing-layer';
import { coalescingSpanEvents, reportCacheSpanEvents } from './decision-span-events';
import type { GatewayTracing } from './gateway-tracing';
import { registerHttpSpans } from './http-spans';
import { logTraceFields } from './log-trace-fields';
import { operationSpanPlugin } from './operation-span-plugin';
import type { TracingSettings } from './tracing-config';

const TRACER_NAME = 'office365-activation-counts-gateway';

export interface TracingDependencies {
  /** Where a problem the caller cannot see goes (spans lost at shutdown); the process's stderr. */
  warn(message: string): void;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return (error as { code?: string }).code ?? error.message;
  return String(error);
}

/**
 * Starts the OpenTelemetry Node SDK for traces only and answers the gateway's tracing parts. The
 * SDK reads the standard variables itself: exporter endpoint, protocol (http/protobuf by default,
 * http/json), headers and timeout, OTEL_TRACES_SAMPLER(_ARG), OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES.
 * Metrics and logs stay with Prometheus and pino: no reader, no log processor. Propagation is W3C
 * trace context only unless OTEL_PROPAGATORS says otherwise: the SDK's default also forwards a
 * caller's `baggage` header to the upstream, which is the caller's data, not ours to pass on.
 * Loaded only when tracing is configured (gateway-process.ts), like the emulator.
 */
export function startTracing(settings: TracingSettings, deps: TracingDependencies): GatewayTracing {
  const sdk = new NodeSDK({
    serviceName: settings.defaultServiceName,
    // The SDK reads the process environment itself; this one choice is read from the same place.
    textMapPropagator: process.env.OTEL_PROPAGATORS?.trim() ? undefined : new core.W3CTraceContextPropagator(),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  const tracer = trace.getTracer(TRACER_NAME);
  return {
    registerHttpSpans: (app, options) => registerHttpSpans(app, tracer, options),
    operationPlugin: operationSpanPlugin(),
    upstream: { attemptLayer: tracingLayer(tracer), inBatchSpan: batchSpans(tracer) },
    decisionEvents: { upstream: coalescingSpanEvents, reportCache: reportCacheSpanEvents },
    logFields: logTraceFields,
    // A collector that is down must not turn a clean stop into a crash: the spans are lost, said once.
    shutdown: () =>
      sdk.shutdown().catch((error: unknown) => {
        deps.warn(`Traces: spans still buffered at shutdown were not exported to ${settings.tracesEndpoint} (${reasonOf(error)})`);
      }),
  };
}
