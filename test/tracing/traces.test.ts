import { randomBytes } from 'node:crypto';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { graphError } from '../../emulator/graph-error';
import { batchItems } from '../support/emulator-log';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process';
import { httpGet, postGraphQL } from '../support/graphql-http';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { eventually } from '../support/polling';
import { manyEntities } from '../support/sample-data';

const RESOURCE = '/reports/office365ActivationCounts';
const TOKEN = 'Bearer traced-token-7f3a9c';
const SERVER = 2;
const CLIENT = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** The real entry point (src/main.ts) exporting to `receiver` over OTLP/HTTP JSON. */
function tracedGateway(emulator: Emulator, receiver: OtlpReceiver, extra: Record<string, string> = {}): GatewayProcess {
  const { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: _t, OTEL_SERVICE_NAME: _s, ...inherited } = process.env;
  return spawnGateway({
    ...(inherited as Record<string, string>),
    PORT: '0',
    GRAPH_BASE_URL: emulator.baseUrl('v1.0'),
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '50',
    ...extra,
  });
}

function ofTrace(receiver: OtlpReceiver, traceId: string): ReceivedSpan[] {
  return receiver.spans.filter((s) => s.traceId === traceId);
}

function only(spans: ReceivedSpan[], predicate: (s: ReceivedSpan) => boolean, what: string): ReceivedSpan {
  const found = spans.filter(predicate);
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}: ${spans.map((s) => s.name).join(', ')}`);
  return found[0]!;
}

describe('OpenTelemetry traces over OTLP/HTTP', () => {
  let emulator: Emulator;
  let receiver: OtlpReceiver;
  let gateway: GatewayProcess;
  let url: string;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: manyEntities(10), random: () => 0 });
    receiver = await startOtlpReceiver();
    gateway = tracedGateway(emulator, receiver);
    url = await gateway.url;
  });
  afterAll(async () => {
    gateway?.child.kill('SIGTERM');
    await gateway?.exited;
    await receiver?.close();
    await emulator?.close();
  });
  beforeEach(() => {
    emulator.clearLog();
    emulator.faults.clear();
  });

  it('traces a batched query with one retried $batch item: span tree, upstream attributes, traceparent sent, incoming trace continued', async () => {
    emulator.faults.add({
      transport: 'batch',
      path: `${RESOURCE}/e-03`,
      times: 1,
      action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'Too many requests', { 'retry-after': '0' }) },
    });
    const traceId = hex(16);
    const callerSpanId = hex(8);
    const query = 'query FiveById { office365ActivationCountsByIds(ids: ["e-01", "e-02", "e-03", "no-such-id", "e-04"]) { id windows } }';
    const answer = await postGraphQL(url, { query }, { authorization: TOKEN, traceparent: `00-${traceId}-${callerSpanId}-01`, baggage: 'caller.secret=42' });
    const body = JSON.parse(answer.text);
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsByIds.map((e: { id: string } | null) => e?.id ?? null)).toEqual(['e-01', 'e-02', 'e-03', null, 'e-04']);

    await eventually('the five spans of the trace are exported', () => ofTrace(receiver, traceId).length >= 5);
    const spans = ofTrace(receiver, traceId);
    expect(spans).toHaveLength(5);

    // The HTTP request continues the caller's trace: same trace id, the caller's span as parent.
    const server = only(spans, (s) => s.kind === SERVER, 'server span');
    expect(server.name).toBe('POST /graphql');
    expect(server.parentSpanId).toBe(callerSpanId);
    expect(server.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'url.path': '/graphql', 'http.response.status_code': 200 });
    expect(server.resource['service.name']).toBe('office365-activation-counts-gateway');

    const operation = only(spans, (s) => s.parentSpanId === server.spanId, 'operation span');
    expect(operation.name).toBe('query FiveById');
    expect(operation.attributes).toEqual({ 'graphql.operation.name': 'FiveById', 'graphql.operation.type': 'query' });

    const batch = only(spans, (s) => s.parentSpanId === operation.spanId, '$batch span');
    expect(batch.name).toBe('msgraph $batch');
    expect(batch.attributes).toEqual({ 'msgraph.batch.item_count': 5, 'msgraph.batch.items_retried': 1, 'msgraph.batch.rounds': 2 });
    expect(batch.events).toEqual([{ name: 'msgraph.batch.retry', attributes: { 'msgraph.batch.round': 2, 'msgraph.batch.item_count': 1, 'msgraph.retry.delay_ms': 0 } }]);

    // Two POST /$batch calls, children of the $batch span: all five items, then the throttled one alone.
    const calls = spans.filter((s) => s.parentSpanId === batch.spanId);
    expect(calls).toHaveLength(2);
    const upstream = emulator.httpRequests();
    expect(upstream.map((r) => batchItems(r).length)).toEqual([5, 1]);
    for (const call of calls) {
      expect(call.kind).toBe(CLIENT);
      expect(call.name).toBe('POST /$batch');
      expect(call.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/v1.0/$batch', 'server.address': '127.0.0.1', 'http.response.status_code': 200, 'msgraph.attempt': 1 });
      expect(call.attributes['msgraph.request_id']).toMatch(UUID);
      expect(call.attributes['http.response.body.size']).toEqual(expect.any(Number));
      expect(call.attributes['http.response.body.size']).toBeGreaterThan(20);
      // The emulator saw this very call: its client-request-id, and a traceparent naming this span.
      const received = upstream.find((r) => r.headers['client-request-id'] === call.attributes['msgraph.client_request_id']);
      expect(received).toBeDefined();
      expect(received!.headers.traceparent).toBe(`00-${traceId}-${call.spanId}-01`);
      // W3C trace context only: the caller's baggage is not passed on to Graph.
      expect(received!.headers.baggage).toBeUndefined();
    }

    // Nothing secret or textual in any attribute or event: not the token, not the query's field list.
    const everyValue = JSON.stringify(spans.map((s) => [s.attributes, s.events, s.resource, s.status]));
    expect(everyValue).not.toContain('traced-token');
    expect(everyValue).not.toContain('office365ActivationCountsByIds');
    expect(receiver.bodies.join('\n')).not.toContain('traced-token');
    expect(receiver.paths.every((p) => p === '/v1/traces')).toBe(true);
  });

  it('numbers the attempts of a retried plain GET, each its own span with its status, and puts its trace ids in the log lines', async () => {
    emulator.faults.add({
      transport: 'http',
      path: `${RESOURCE}/e-05`,
      times: 1,
      action: { kind: 'respond', response: graphError(503, 'ServiceUnavailable', 'Try later', { 'retry-after': '0' }) },
    });
    const logsBefore = gateway.output().length;
    const answer = await postGraphQL(url, { query: '{ office365ActivationCounts(id: "e-05") { id } }' }, { authorization: TOKEN });
    expect(JSON.parse(answer.text).data.office365ActivationCounts).toEqual({ id: 'e-05' });
    const upstream = emulator.httpRequests();
    expect(upstream).toHaveLength(2);
    // No incoming traceparent: a new trace, found through what the upstream received.
    const traceId = upstream[0]!.headers.traceparent!.split('-')[1]!;
    expect(upstream[1]!.headers.traceparent!.split('-')[1]).toBe(traceId);

    await eventually('the four spans of the trace are exported', () => ofTrace(receiver, traceId).length >= 4);
    const spans = ofTrace(receiver, traceId);
    const server = only(spans, (s) => s.kind === SERVER, 'server span');
    expect(server.parentSpanId || undefined).toBeUndefined();
    const operation = only(spans, (s) => s.parentSpanId === server.spanId, 'operation span');
    expect(operation.name).toBe('query');
    expect(operation.attributes).toEqual({ 'graphql.operation.type': 'query' });
    const attempts = spans.filter((s) => s.kind === CLIENT).sort((a, b) => Number(a.attributes['msgraph.attempt']) - Number(b.attributes['msgraph.attempt']));
    expect(attempts.map((s) => s.parentSpanId)).toEqual([operation.spanId, operation.spanId]);
    expect(attempts.map((s) => [s.name, s.attributes['msgraph.attempt'], s.attributes['http.response.status_code'], s.attributes['http.request.resend_count']])).toEqual([
      ['GET', 1, 503, undefined],
      ['GET', 2, 200, 1],
    ]);
    expect(attempts[0]!.attributes).toMatchObject({ 'url.path': `/v1.0${RESOURCE}/e-05`, 'url.query': '$select', 'error.type': '503' });
    expect(attempts[0]!.status?.code).toBe(2);
    expect(upstream.map((r) => r.headers['client-request-id'])).toEqual(attempts.map((s) => s.attributes['msgraph.client_request_id']));
    expect(upstream.map((r) => r.headers.traceparent)).toEqual(attempts.map((s) => `00-${traceId}-${s.spanId}-01`));

    // The request's log line carries its trace id, and the span id of the span it was written in.
    await eventually('the request-completed line is written', () => gateway.output().slice(logsBefore).includes('request completed'));
    const lines = gateway.output().slice(logsBefore).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const completed = lines.find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ trace_id: traceId, trace_flags: '01' });
    // Written as the answer is sent, which Apollo does inside the operation's span.
    expect(completed.span_id).toBe(operation.spanId);
  });

  it('marks a failed operation and its upstream attempt as errors, with the codes and not the messages', async () => {
    emulator.faults.add({ transport: 'http', method: 'PATCH', path: `${RESOURCE}/e-07`, times: 1, action: { kind: 'respond', response: graphError(403, 'Forbidden', 'Caller lacks Reports.ReadWrite.All') } });
    const answer = await postGraphQL(url, { query: 'mutation Denied { updateOffice365ActivationCounts(id: "e-07", input: { windows: 1 }) { id } }' }, { authorization: TOKEN });
    expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('FORBIDDEN');
    const traceId = emulator.httpRequests()[0]!.headers.traceparent!.split('-')[1]!;
    await eventually('the failed operation\'s spans are exported', () => ofTrace(receiver, traceId).length >= 3);
    const spans = ofTrace(receiver, traceId);
    const operation = only(spans, (s) => s.name === 'mutation Denied', 'operation span');
    expect(operation.attributes).toMatchObject({ 'graphql.operation.type': 'mutation', 'graphql.error.codes': ['FORBIDDEN'] });
    expect(operation.status).toMatchObject({ code: 2, message: 'FORBIDDEN' });
    const patch = only(spans, (s) => s.kind === CLIENT, 'upstream span');
    expect(patch.attributes).toMatchObject({ 'http.request.method': 'PATCH', 'http.response.status_code': 403, 'error.type': '403', 'msgraph.attempt': 1 });
    expect(JSON.stringify(spans)).not.toContain('Reports.ReadWrite.All');
  });

  it('keeps a GET query\'s text out of the spans, and does not trace the probe routes', async () => {
    const query = '{ office365ActivationCounts(id: "e-06") { id } }';
    const answer = await httpGet(`${url}/graphql?query=${encodeURIComponent(query)}`, { authorization: TOKEN, 'apollo-require-preflight': 'true' });
    expect(JSON.parse(answer.text).data.office365ActivationCounts).toEqual({ id: 'e-06' });
    expect((await httpGet(`${url}/health`)).status).toBe(200);
    const traceId = emulator.httpRequests()[0]!.headers.traceparent!.split('-')[1]!;
    await eventually('the GET\'s spans are exported', () => ofTrace(receiver, traceId).length >= 3);
    const server = only(ofTrace(receiver, traceId), (s) => s.kind === SERVER, 'server span');
    expect(server.name).toBe('GET /graphql');
    expect(server.attributes['url.path']).toBe('/graphql');
    expect(JSON.stringify(ofTrace(receiver, traceId).map((s) => s.attributes))).not.toMatch(/query=|office365ActivationCounts(\(|%28)/);
    // Exported later than the GET's spans if at all: wait one more export period before judging.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.spans.filter((s) => s.attributes['http.route'] === '/health')).toEqual([]);
  });
});

describe('the trace exporter at shutdown', () => {
  it('exports the spans still buffered when the gateway is stopped (SIGTERM flushes the SDK)', async () => {
    const emulator = await startEmulator();
    const receiver = await startOtlpReceiver();
    try {
      // A schedule far longer than the test: only the shutdown can export these spans.
      const gateway = tracedGateway(emulator, receiver, { OTEL_BSP_SCHEDULE_DELAY: '600000', OTEL_SERVICE_NAME: 'gateway-under-test' });
      const answer = await postGraphQL(await gateway.url, { query: 'query One { office365ActivationCounts(id: "proplus") { id } }' }, { authorization: TOKEN });
      expect(JSON.parse(answer.text).data.office365ActivationCounts).toEqual({ id: 'proplus' });
      expect(receiver.spans).toHaveLength(0);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      expect(receiver.spans.map((s) => s.name).sort()).toEqual(['GET', 'POST /graphql', 'query One']);
      expect(receiver.spans[0]!.resource['service.name']).toBe('gateway-under-test');
    } finally {
      await receiver.close();
      await emulator.close();
    }
  }, 30000);
});

describe('a collector that is down', () => {
  it('changes nothing for callers, and the gateway still stops cleanly, saying which spans were lost', async () => {
    const emulator = await startEmulator();
    // A receiver started and closed again: its port refuses connections.
    const gone = await startOtlpReceiver();
    await gone.close();
    try {
      // Every span stays buffered until the stop (no scheduled export), whose export is then refused;
      // the exporter retries a refused export until its timeout: 1 s here instead of 10.
      const gateway = tracedGateway(emulator, gone, { OTEL_BSP_SCHEDULE_DELAY: '600000', OTEL_EXPORTER_OTLP_TIMEOUT: '1000' });
      const url = await gateway.url;
      for (let i = 0; i < 3; i++) {
        const answer = await postGraphQL(url, { query: '{ office365ActivationCounts(id: "proplus") { id } }' }, { authorization: TOKEN });
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text).data.office365ActivationCounts).toEqual({ id: 'proplus' });
      }
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      expect(gateway.output()).toContain(`Traces: spans still buffered at shutdown were not exported to ${gone.url}/v1/traces (ECONNREFUSED)`);
      expect(gateway.output()).not.toContain('traced-token');
    } finally {
      await emulator.close();
    }
  }, 30000);
});
