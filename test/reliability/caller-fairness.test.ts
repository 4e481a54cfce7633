import type { LoggedRequest } from '../../emulator/emulator.types';
import { mostReceivedWithin } from '../support/emulator-log';
import { eventually } from '../support/polling';
import { useHarness } from '../support/harness';
import { metricSample } from '../support/prometheus';
import { entityId, manyEntities } from '../support/sample-data';
import { busyMessageOf } from '../support/busy-answer';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => entityId(from + i));

/**
 * Near the per-operation cap of 100 upstream requests, within every pre-execution limit: 1000 ids
 * in two byIds fields (50 $batch calls) and 45 first pages (45 GETs), 47 aliases in all. The pages
 * differ in size: identical GETs of one caller in flight would share one call (coalescing).
 */
const GREEDY = `query($a: [ID!]!, $b: [ID!]!) {
  a: office365ActivationCountsByIds(ids: $a) { id }
  b: office365ActivationCountsByIds(ids: $b) { id }
  ${Array.from({ length: 45 }, (_, i) => `p${i}: office365ActivationCountsList(first: ${i + 1}) { nodes { id } }`).join('\n  ')}
}`;

function sentWith(requests: readonly LoggedRequest[], token: string): LoggedRequest[] {
  return requests.filter((r) => r.headers.authorization === token);
}

describe('fairness between callers, at the default limits', () => {
  const h = useHarness({ emulator: { seed: manyEntities(1000), faults: { latencyMs: 100 } } });

  it('answers another caller\'s one-entity read within 1 s while six requests near the per-operation cap run', async () => {
    const greedyTokens = Array.from({ length: 6 }, (_, i) => `Bearer greedy-caller-${i}`);
    const greedy = greedyTokens.map((token) => h.gql(GREEDY, { a: ids(1, 500), b: ids(501, 500) }, { token }));
    await eventually('the six operations have their calls in flight', () => h.emulator.httpRequests().length >= 30);

    const started = Date.now();
    const quiet = await h.gql('{ office365ActivationCounts(id: "e-07") { id windows } }', undefined, { token: 'Bearer quiet-caller' });
    const tookMs = Date.now() - started;
    expect(quiet.body).toEqual({ data: { office365ActivationCounts: { id: 'e-07', windows: '1007' } } });
    expect(tookMs).toBeLessThan(1_000);

    const answers = await Promise.all(greedy);
    const log = h.emulator.httpRequests();
    for (const [i, answer] of answers.entries()) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.b[499]).toEqual({ id: entityId(1000) });
      const calls = sentWith(log, greedyTokens[i]!);
      expect(calls).toHaveLength(95);
      // Beyond its share of 8 a caller borrows only while one share of the 64 stays free (the
      // first to arrive may, while alone): never more than 56 at once.
      expect(mostReceivedWithin(calls, 50)).toBeLessThanOrEqual(56);
    }
    const allGreedy = log.filter((r) => greedyTokens.includes(r.headers.authorization as string));
    expect(mostReceivedWithin(allGreedy, 50)).toBeLessThanOrEqual(64);
  }, 30_000);
});

describe('a caller alone, beyond its share (MAX_UPSTREAM_CONCURRENCY 6, share 2)', () => {
  const read = (id: string) => `{ office365ActivationCounts(id: "${id}") { id } }`;
  const entities = ['e-01', 'e-02', 'e-03', 'e-04', 'e-05', 'e-06'];
  const callsOf = (token: string) => sentWith(h.emulator.httpRequests(), token);
  const h = useHarness({
    emulator: { seed: manyEntities(10), faults: { latencyMs: 300 } },
    env: { MAX_UPSTREAM_CONCURRENCY: '6', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '2' },
  });
  beforeEach(() => h.emulator.clearLog());

  it('borrows idle slots up to all of the pool but one share, and another caller still starts at once', async () => {
    const burst = entities.map((id) => h.gql(read(id), undefined, { token: 'Bearer lone-caller' }));
    await eventually('the burst has its calls in flight', () => callsOf('Bearer lone-caller').length >= 4);
    const started = Date.now();
    expect((await h.gql(read('e-07'), undefined, { token: 'Bearer late-caller' })).body).toEqual({ data: { office365ActivationCounts: { id: 'e-07' } } });
    // One latency: the share left free was there for it, not behind the borrower's queue.
    expect(Date.now() - started).toBeLessThan(550);

    for (const [i, answer] of (await Promise.all(burst)).entries()) expect(answer.body).toEqual({ data: { office365ActivationCounts: { id: entities[i] } } });
    const calls = callsOf('Bearer lone-caller');
    expect(calls).toHaveLength(6);
    // Four at once (6 - one share of 2), not two; the last two when those came back.
    expect(mostReceivedWithin(calls, 150)).toBe(4);
  });
});

describe('a caller alone, with MAX_UPSTREAM_BURST_PER_CALLER at its share (a hard cap)', () => {
  const h = useHarness({
    emulator: { seed: manyEntities(10), faults: { latencyMs: 300 } },
    env: { MAX_UPSTREAM_CONCURRENCY: '6', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '2', MAX_UPSTREAM_BURST_PER_CALLER: '2' },
  });

  it('never has more than its share in flight, however idle the pool', async () => {
    const ids = ['e-01', 'e-02', 'e-03', 'e-04'];
    const answers = await Promise.all(ids.map((id) => h.gql(`{ office365ActivationCounts(id: "${id}") { id } }`, undefined, { token: 'Bearer capped-caller' })));
    for (const [i, answer] of answers.entries()) expect(answer.body).toEqual({ data: { office365ActivationCounts: { id: ids[i] } } });
    expect(mostReceivedWithin(sentWith(h.emulator.httpRequests(), 'Bearer capped-caller'), 150)).toBe(2);
  });
});

describe('when the gateway as a whole is saturated', () => {
  const h = useHarness({
    emulator: { faults: { latencyMs: 1_000 } },
    env: { MAX_UPSTREAM_CONCURRENCY: '2', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '1', MAX_UPSTREAM_QUEUE: '2' },
  });
  const queued = async () => metricSample(await (await fetch(`${h.url}/metrics`)).text(), 'gateway_upstream_queued') ?? -1;

  it('sheds new GraphQL requests with 503, Retry-After and GATEWAY_BUSY, and answers the admitted ones', async () => {
    const admitted = Array.from({ length: 4 }, (_, i) => h.gql('{ office365ActivationCounts(id: "proplus") { id } }', undefined, { token: `Bearer admitted-${i}` }));
    await eventually('two requests are in flight and two are queued', async () => (await queued()) === 2);

    const response = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer one-too-many' },
      body: JSON.stringify({ query: '{ office365ActivationCounts(id: "proplus") { id } }' }),
    });
    expect(await busyMessageOf(response)).toContain('MAX_UPSTREAM_CONCURRENCY');
    // Liveness and metrics are never shed.
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
    expect(metricSample(await (await fetch(`${h.url}/metrics`)).text(), 'gateway_graphql_requests_shed_total')).toBe(1);

    for (const answer of await Promise.all(admitted)) expect(answer.body).toEqual({ data: { office365ActivationCounts: { id: 'proplus' } } });
    expect(h.emulator.httpRequests().filter((r) => r.headers.authorization === 'Bearer one-too-many')).toHaveLength(0);
    const after = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(after.status).toBe(200);
    expect(after.body.data.office365ActivationCounts).toEqual({ id: 'proplus' });
  }, 20_000);
});

describe('a call waiting for a slot', () => {
  const h = useHarness({ env: { MAX_UPSTREAM_CONCURRENCY: '1', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '1', GRAPH_TIMEOUT_MS: '1500' } });
  const gauge = async (name: string) => metricSample(await (await fetch(`${h.url}/metrics`)).text(), name);

  it('leaves the queue as soon as its caller disconnects, and is never sent', async () => {
    h.emulator.faults.add({ transport: 'http', path: '/reports/office365ActivationCounts/proplus', times: 1, action: { kind: 'hang' } });
    const holder = h.gql('{ office365ActivationCounts(id: "proplus") { id } }', undefined, { token: 'Bearer holder' });
    await eventually('the first call is in flight', () => h.emulator.httpRequests().length === 1);
    const leaving = new AbortController();
    const waiter = fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer waiter' },
      body: JSON.stringify({ query: '{ office365ActivationCounts(id: "proplus") { id } }' }),
      signal: leaving.signal,
    }).catch((e: unknown) => e);
    await eventually('the second call waits for the slot', async () => (await gauge('gateway_upstream_queued')) === 1);
    leaving.abort();
    await waiter;
    await eventually('the queue is empty while the first call still holds the slot', async () => (await gauge('gateway_upstream_queued')) === 0);
    expect(await gauge('gateway_upstream_in_flight')).toBe(1);
    expect((await holder).body.errors[0].extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(h.emulator.httpRequests().filter((r) => r.headers.authorization === 'Bearer waiter')).toHaveLength(0);
    // The slot came back: the next call goes through.
    expect((await h.gql('{ office365ActivationCounts(id: "proplus") { id } }')).body.data.office365ActivationCounts).toEqual({ id: 'proplus' });
  });
});
