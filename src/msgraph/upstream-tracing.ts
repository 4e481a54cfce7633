import type { UpstreamLayer } from './upstream-call';

/** What one `$batch` read tells its span while it runs. */
export interface BatchTrace {
  /** `count` items are sent again (answered 429/503/504) in round `round` (2 for the first resend), after `delayMs`. */
  itemsRetried(count: number, round: number, delayMs: number): void;
}

/**
 * What the upstream client asks of tracing (tracing-layer.ts, batch-span.ts; built by src/tracing/start-tracing.ts). Absent when no OTLP
 * endpoint is configured: then no tracing layer is in the pipeline and a `$batch` runs bare.
 */
export interface UpstreamTracing {
  /** A span per attempt, sending `traceparent`: placed next to observe (upstream-pipeline.ts). */
  attemptLayer: UpstreamLayer;
  /** Runs one `$batch` read (every chunk and retry round) inside its span. */
  inBatchSpan<T>(itemCount: number, run: (trace: BatchTrace) => Promise<T>): Promise<T>;
}
