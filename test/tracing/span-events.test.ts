import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { GatewaySpanEvents, recordSpanEvent } from '../../src/tracing/span-events';

// In-process, with the SDK's in-memory exporter: the OTLP exporter's lazy import() cannot run in
// jest's VM (the end-to-end tests in traces.test.ts export over real OTLP/HTTP from the gateway process).
describe('recordSpanEvent: the hook other parts of the gateway record their decisions with', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const contextManager = new AsyncLocalStorageContextManager();
  afterAll(async () => {
    await provider.shutdown();
    context.disable();
    trace.disable();
  });

  it('is a harmless no-op while no SDK is registered', () => {
    expect(() => recordSpanEvent(GatewaySpanEvents.coalesced, { 'gateway.coalesce.role': 'follower' })).not.toThrow();
  });

  it('adds the event to the span active where it is called, across awaits, and to no span outside one', async () => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(provider);
    recordSpanEvent(GatewaySpanEvents.reportCache, { 'gateway.report_cache.outcome': 'miss' });
    await trace.getTracer('test').startActiveSpan('report read', async (span) => {
      await new Promise((resolve) => setImmediate(resolve));
      recordSpanEvent(GatewaySpanEvents.reportCache, { 'gateway.report_cache.outcome': 'fresh' });
      span.end();
    });
    expect(exporter.getFinishedSpans().map((s) => ({ name: s.name, events: s.events.map((e) => ({ name: e.name, attributes: e.attributes })) }))).toEqual([
      { name: 'report read', events: [{ name: 'gateway.report_cache', attributes: { 'gateway.report_cache.outcome': 'fresh' } }] },
    ]);
  });
});
