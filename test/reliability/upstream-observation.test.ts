import { request } from 'undici';
import { graphError } from '../../emulator/graph-error';
import type { UpstreamHooks, UpstreamResponseEvent, UpstreamRetryEvent } from '../../src/msgraph/upstream-hooks';
import { startHarness, TOKEN, type Harness } from '../support/harness';

const RESOURCE = '/reports/office365ActivationCounts';
const TWO_READS = '{ a: office365ActivationCounts(id: "proplus") { id } b: office365ActivationCounts(id: "business") { id windows } }';
const throttled = graphError(429, 'TooManyRequests', 'slow down', { 'retry-after': '0' });

function sample(metrics: string, line: string): number | undefined {
  const found = metrics.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

const upstreamLines = (h: Harness) => h.logs.map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l.msg === 'upstream call');

describe('every upstream attempt is observed: hooks, metrics and the debug line', () => {
  let h: Harness;
  const responses: UpstreamResponseEvent[] = [];
  const retries: UpstreamRetryEvent[] = [];
  const hooks: UpstreamHooks = { onResponse: (e) => responses.push(e), onRetry: (e) => retries.push(e) };
  beforeAll(async () => {
    h = await startHarness({ env: { LOG_LEVEL: 'debug', GRAPH_MAX_RETRIES: '2' }, deps: { hooks } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.faults.clear();
    h.emulator.clearLog();
    h.logs.length = 0;
    responses.length = 0;
    retries.length = 0;
  });

  it('counts a retried $batch item in /metrics like a retried call, and tells the retry hook', async () => {
    h.emulator.faults.add({ transport: 'batch', path: `${RESOURCE}/business`, times: 1, action: { kind: 'respond', response: throttled } });
    const { body } = await h.gql(TWO_READS);
    expect(body.data).toEqual({ a: { id: 'proplus' }, b: { id: 'business', windows: expect.any(String) } });
    expect(retries).toEqual([{ method: 'GET', path: `${RESOURCE}/business?$select`, status: 429, attempt: 1, delayMs: 0 }]);
    const metrics = await (await request(`${h.url}/metrics`)).body.text();
    expect(sample(metrics, 'gateway_upstream_retries_total{method="GET",reason="429"}')).toBe(1);
  });

  it('reports each attempt with the client-request-id it sent, the request-id Graph answered and the bytes received', async () => {
    await h.gql('{ office365ActivationCounts(id: "proplus") { id windows } }');
    const [sent] = h.emulator.httpRequests();
    expect(responses).toHaveLength(1);
    const [event] = responses;
    expect(event).toEqual({
      method: 'GET',
      path: `${RESOURCE}/proplus?$select`,
      status: 200,
      attempt: 1,
      durationMs: expect.any(Number),
      clientRequestId: sent!.headers['client-request-id'],
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      responseBytes: expect.any(Number),
    });
    expect(event!.responseBytes).toBeGreaterThan(10);
  });

  it('logs one debug line per upstream attempt with exactly method, path without query values, status, duration, attempt and request-id', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: graphError(503, 'ServiceUnavailable', 'busy', { 'retry-after': '0' }) } });
    await h.gql('{ office365ActivationCounts(id: "proplus") { id windows } }');
    const lines = upstreamLines(h);
    expect(lines.map((l) => l.upstream)).toEqual([
      { method: 'GET', path: `${RESOURCE}/proplus?$select`, status: 503, durationMs: expect.any(Number), attempt: 1, requestId: expect.any(String) },
      { method: 'GET', path: `${RESOURCE}/proplus?$select`, status: 200, durationMs: expect.any(Number), attempt: 2, requestId: expect.any(String) },
    ]);
    expect(lines.every((l) => l.level === 20)).toBe(true);
    // The requestIds are Graph's answers, not the ids we sent; no header value or token otherwise.
    const sentIds = h.emulator.httpRequests().map((r) => r.headers['client-request-id']);
    const text = JSON.stringify(lines);
    for (const id of sentIds) expect(text).not.toContain(id);
    expect(text).not.toContain(TOKEN.slice('Bearer '.length));
    expect(text).not.toContain('windows');
  });

  it('logs the $batch call itself and a paged read with query names but no values', async () => {
    await h.gql(TWO_READS);
    await h.gql('{ office365ActivationCountsList(first: 2) { nodes { id } } }');
    expect(upstreamLines(h).map((l) => `${l.upstream.method} ${l.upstream.path}`)).toEqual(['POST /$batch', `GET ${RESOURCE}?$top&$select`]);
  });
});

describe('at LOG_LEVEL=info', () => {
  it('writes no upstream call line', async () => {
    const h = await startHarness({ env: { LOG_LEVEL: 'info' } });
    try {
      const { body } = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
      expect(body.data.office365ActivationCounts.id).toBe('proplus');
      expect(h.emulator.httpRequests()).toHaveLength(1);
      expect(upstreamLines(h)).toEqual([]);
      expect(h.logs.length).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });
});
