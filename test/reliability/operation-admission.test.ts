import { mostReceivedWithin } from '../support/emulator-log';
import { request } from 'node:http';
import { eventually } from '../support/polling';
import { useHarness, type Harness } from '../support/harness';
import { metricSample } from '../support/prometheus';
import { busyMessageOf } from '../support/busy-answer';

const read = (id: string) => `{ office365ActivationCounts(id: "${id}") { id } }`;
const BUSY = 'Bearer busy-caller';
const metric = async (h: Harness, series: string) => metricSample(await (await fetch(`${h.url}/metrics`)).text(), series);
const callsFor = (h: Harness, token: string) => h.emulator.httpRequests().filter((r) => r.headers.authorization === token);
const readsOf = (h: Harness, id: string) => h.emulator.httpRequests().filter((r) => r.url.includes(`/${id}`));
const answered = (id: string) => ({ data: { office365ActivationCounts: { id } } });

/** Sends an operation on a socket of its own, and answers the way to disconnect it before the answer comes. */
function sendOnOwnSocket(url: string, query: string, authorization: string): { disconnect(): void } {
  const sent = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization } });
  sent.on('error', () => undefined); // the disconnect itself
  sent.end(JSON.stringify({ query }));
  return { disconnect: () => sent.destroy() };
}

/** One operation of BUSY upstream and a second one waiting there for BUSY's only upstream slot: the upstream is backlogged. */
async function backlog(h: Harness): Promise<Promise<{ body: unknown }>[]> {
  const upstream = h.gql(read('proplus'), undefined, { token: BUSY });
  await eventually('the first operation is upstream', () => callsFor(h, BUSY).length >= 1);
  const waitingUpstream = h.gql(read('visio'), undefined, { token: BUSY });
  await eventually('the second one waits for the upstream slot', async () => (await metric(h, 'gateway_upstream_waiting')) === 1);
  return [upstream, waitingUpstream];
}

describe('operations of one caller while the upstream is backlogged', () => {
  const h = useHarness({
    emulator: { faults: { latencyMs: 300 } },
    env: { MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: '2', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '1', MAX_UPSTREAM_BURST_PER_CALLER: '1', MAX_OPERATION_WAIT_MS: '5000' },
  });
  beforeEach(() => h.emulator.clearLog());

  it('wait their turn before they start, beyond MAX_OPERATIONS_IN_FLIGHT_PER_CALLER, while another caller\'s operation runs beside them', async () => {
    const started = await backlog(h);
    const queued = ['project', 'business'].map((id) => h.gql(read(id), undefined, { token: BUSY }));
    await eventually('two operations wait for their turn', async () => (await metric(h, 'gateway_operations_waiting')) === 2);
    // Waiting before execution: nothing of theirs reached the upstream or its queue.
    expect(await metric(h, 'gateway_upstream_waiting')).toBe(1);

    const quietStarted = Date.now();
    expect((await h.gql(read('proplus'), undefined, { token: 'Bearer quiet-caller' })).body).toEqual(answered('proplus'));
    expect(Date.now() - quietStarted).toBeLessThan(800); // one emulator latency, not the busy caller's queue

    const bodies = (await Promise.all([...started, ...queued])).map((a) => a.body);
    expect(bodies).toEqual([answered('proplus'), answered('visio'), answered('project'), answered('business')]);
    expect(callsFor(h, BUSY).map((r) => r.url.split('/').pop()!.split('?')[0])).toEqual(['proplus', 'visio', 'project', 'business']);
    expect(await metric(h, 'gateway_operations_waiting')).toBe(0);
  });

  it('leave the line when their client disconnects: that operation never reaches the upstream, the next one runs', async () => {
    const started = await backlog(h);
    const leaving = sendOnOwnSocket(h.url, read('project'), BUSY);
    const next = h.gql(read('business'), undefined, { token: BUSY });
    await eventually('two operations wait', async () => (await metric(h, 'gateway_operations_waiting')) === 2);
    leaving.disconnect();
    await eventually('the departed waiter left the line', async () => (await metric(h, 'gateway_operations_waiting')) === 1);

    expect((await Promise.all([...started, next])).map((a) => a.body)).toEqual([answered('proplus'), answered('visio'), answered('business')]);
    expect(readsOf(h, 'project')).toHaveLength(0);
  });
});

describe('operations of one caller without an upstream backlog', () => {
  const h = useHarness({ emulator: { faults: { latencyMs: 300 } }, env: { MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: '1' } });

  it('all start at once, beyond MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: queueing them would only add latency', async () => {
    const answers = await Promise.all(['proplus', 'visio', 'project'].map((id) => h.gql(read(id), undefined, { token: BUSY })));
    expect(answers.map((a) => a.body)).toEqual([answered('proplus'), answered('visio'), answered('project')]);
    // Each call takes 300 ms upstream: all three arrived within 250 ms of one another.
    expect(mostReceivedWithin(callsFor(h, BUSY), 250)).toBe(3);
  });
});

describe('an operation that waits longer than MAX_OPERATION_WAIT_MS', () => {
  const h = useHarness({
    emulator: { faults: { latencyMs: 1_500 } },
    env: { MAX_OPERATIONS_IN_FLIGHT_PER_CALLER: '2', MAX_UPSTREAM_CONCURRENCY_PER_CALLER: '1', MAX_UPSTREAM_BURST_PER_CALLER: '1', MAX_OPERATION_WAIT_MS: '200' },
  });

  it('is answered 503 GATEWAY_BUSY with Retry-After, before anything is sent upstream for it', async () => {
    const started = await backlog(h);
    const waitStarted = Date.now();
    const response = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BUSY },
      body: JSON.stringify({ query: read('project') }),
    });
    const waitedMs = Date.now() - waitStarted;
    const message = await busyMessageOf(response);
    expect(message).toContain('2 of them (MAX_OPERATIONS_IN_FLIGHT_PER_CALLER)');
    expect(message).toContain('200 ms (MAX_OPERATION_WAIT_MS)');
    // Refused at its deadline (checked every 20 ms), long before the running operations end (1.5 s each).
    expect(waitedMs).toBeGreaterThanOrEqual(190);
    expect(waitedMs).toBeLessThan(1_200);
    expect(await metric(h, 'gateway_operations_refused_total')).toBe(1);

    expect((await Promise.all(started)).map((a) => a.body)).toEqual([answered('proplus'), answered('visio')]);
    expect(readsOf(h, 'project')).toHaveLength(0);
    // The line is free again: the caller's next operation runs.
    expect((await h.gql(read('project'), undefined, { token: BUSY })).body).toEqual(answered('project'));
  }, 15_000);
});
