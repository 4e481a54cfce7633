import { graphError } from '../../emulator/graph-error';
import { httpGet as get } from '../support/graphql-http';
import { startHarness, useHarness } from '../support/harness';
import { firstLabelValues, metricSample as sample } from '../support/prometheus';

describe("the operator's view: health, readiness, metrics, request ids", () => {
  const h = useHarness({ env: { GRAPH_MAX_RETRIES: '1', READY_TIMEOUT_MS: '1000' } });

  it('/health answers 200 without touching the upstream', async () => {
    h.emulator.clearLog();
    expect(await get(`${h.url}/health`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('/ready answers 200 when the upstream answers, probing without any token', async () => {
    h.emulator.clearLog();
    const ready = await get(`${h.url}/ready`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready' });
    const probes = h.emulator.httpRequests();
    expect(probes).toHaveLength(1);
    expect(probes[0]!.headers.authorization).toBeUndefined();
  });

  it('counts operations by name and outcome, upstream requests by status, retries, batch sizes and latency', async () => {
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'respond', response: graphError(503, 'ServiceUnavailable', 'busy', { 'retry-after': '0' }) } });
    await h.gql('mutation Bump { updateOffice365ActivationCounts(id: "proplus", input: { windows: 7 }) { id } }');
    await h.gql('query Two { a: office365ActivationCounts(id: "proplus") { id } b: office365ActivationCounts(id: "visio") { id } }');
    await h.gql('query Broken { office365ActivationCounts(id: "..") { id } }');
    await h.gql('{ office365ActivationCounts(id: "proplus") { id } }', undefined, { token: null });
    const { status, type, text } = await get(`${h.url}/metrics`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'gateway_graphql_operations_total{operation="Bump",type="mutation",outcome="success"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_operations_total{operation="Two",type="query",outcome="success"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_operations_total{operation="Broken",type="query",outcome="BAD_USER_INPUT"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_operations_total{operation="__anonymous",type="query",outcome="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_requests_total{method="PATCH",status="503"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_requests_total{method="PATCH",status="200"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_requests_total{method="POST",status="200"}')).toBe(1); // the $batch
    expect(sample(text, 'gateway_upstream_retries_total{method="PATCH",reason="503"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_batch_size_bucket{le="2"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_request_duration_seconds_count{method="PATCH"}')).toBe(2);
    expect(sample(text, 'gateway_graphql_requests_in_flight')).toBe(0);
    // Process metrics come from the same (per-gateway) registry.
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('keeps metric labels bounded when callers invent operation names', async () => {
    for (let i = 0; i < 110; i++) await h.gql(`query Name${i} { __typename }`);
    const { text } = await get(`${h.url}/metrics`);
    const names = firstLabelValues(text, 'gateway_graphql_operations_total', 'operation');
    // 100 names, then "__other" (plus "__anonymous", which is not a caller-chosen name).
    expect(names.size).toBeLessThanOrEqual(102);
    expect(names.has('__other')).toBe(true);
  });

  it('puts one request id in the error extensions and in every log line of that request', async () => {
    h.logs.length = 0;
    const { body } = await h.gql('query Failing { office365ActivationCounts(id: ".") { id } }');
    const requestId = body.errors[0].extensions.requestId as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const ofRequest = lines.filter((l) => l.reqId === requestId);
    // The request's "request completed" line, plus our line for the failed operation.
    expect(ofRequest.map((l) => l.msg)).toEqual(expect.arrayContaining(['request completed', 'GraphQL operation answered with errors']));
    expect(ofRequest.find((l) => l.msg === 'GraphQL operation answered with errors')).toMatchObject({ operationName: 'Failing', codes: ['BAD_USER_INPUT'] });
    // Every line is structured JSON with a level and a time.
    expect(lines.every((l) => typeof l.level === 'number' && typeof l.time === 'number')).toBe(true);
  });

  it('two gateways in one process keep separate metrics', async () => {
    const other = await startHarness();
    try {
      await other.gql('query OnlyHere { __typename }');
      const mine = await get(`${h.url}/metrics`);
      const theirs = await get(`${other.url}/metrics`);
      expect(theirs.text).toContain('operation="OnlyHere"');
      expect(mine.text).not.toContain('operation="OnlyHere"');
    } finally {
      await other.close();
    }
  });

  it('/ready answers 503 naming the upstream when it cannot be reached, while /health stays 200', async () => {
    await h.emulator.close();
    const ready = await get(`${h.url}/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'not ready', detail: expect.stringContaining(h.emulator.origin) });
    expect((await get(`${h.url}/health`)).status).toBe(200);
  });
});
