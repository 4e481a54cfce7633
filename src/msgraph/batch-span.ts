import { SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { UpstreamTracing } from './upstream-tracing';

/**
 * One INTERNAL span per `$batch` read, active while it runs, so its POST /$batch attempts are its
 * children: how many items it asked for, how many were sent again, in how many rounds (one event per
 * resend, with its delay). Loaded only by src/tracing/start-tracing.ts.
 */
export function batchSpans(tracer: Tracer): UpstreamTracing['inBatchSpan'] {
  return (itemCount, run) =>
    tracer.startActiveSpan('msgraph $batch', { attributes: { 'msgraph.batch.item_count': itemCount } }, async (span) => {
      let itemsRetried = 0;
      let rounds = 1;
      try {
        return await run({
          itemsRetried(count, round, delayMs) {
            itemsRetried += count;
            rounds = round;
            span.addEvent('msgraph.batch.retry', { 'msgraph.batch.round': round, 'msgraph.batch.item_count': count, 'msgraph.retry.delay_ms': delayMs });
          },
        });
      } catch (error: unknown) {
        // The GraphQL error's code (errors.ts), not its message.
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
        throw error;
      } finally {
        span.setAttributes({ 'msgraph.batch.items_retried': itemsRetried, 'msgraph.batch.rounds': rounds });
        span.end();
      }
    });
}
