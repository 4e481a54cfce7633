import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { combineReportCacheEvents } from '../../src/activation-counts/report/report-cache-service';
import { coalescingSpanEvents, reportCacheSpanEvents } from '../../src/tracing/decision-span-events';
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

  it('records the report cache\'s decisions and coalesced calls on the operation\'s span, beside the metrics', async () => {
    exporter.reset();
    const metricCalls: string[] = [];
    const events = combineReportCacheEvents({ onMiss: () => metricCalls.push('miss'), onHit: (copy) => metricCalls.push(`hit ${copy}`) }, reportCacheSpanEvents);
    await trace.getTracer('test').startActiveSpan('operation', async (span) => {
      events.onMiss!();
      events.onHit!('tenant');
      events.onStale!('own');
      coalescingSpanEvents.onCoalesced!({ method: 'GET', path: '/reports/getOffice365ActivationCounts' });
      span.end();
    });
    expect(metricCalls).toEqual(['miss', 'hit tenant']);
    const [span] = exporter.getFinishedSpans();
    expect(span!.events.map((e) => ({ name: e.name, attributes: e.attributes }))).toEqual([
      { name: 'gateway.report_cache', attributes: { 'gateway.report_cache.outcome': 'miss' } },
      { name: 'gateway.report_cache', attributes: { 'gateway.report_cache.outcome': 'shared' } },
      { name: 'gateway.report_cache', attributes: { 'gateway.report_cache.outcome': 'stale', 'gateway.report_cache.copy': 'own' } },
      { name: 'gateway.coalesce', attributes: { 'gateway.coalesce.role': 'follower', 'http.request.method': 'GET', 'url.path': '/reports/getOffice365ActivationCounts' } },
    ]);
  });
});
