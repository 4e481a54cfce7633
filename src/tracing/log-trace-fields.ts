import { trace } from '@opentelemetry/api';

/**
 * pino `mixin`: the active span's ids on every log line written inside a traced request, under
 * the names OpenTelemetry's log data model uses (`trace_id`, `span_id`, `trace_flags`).
 */
export function logTraceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}`.slice(-2) };
}
