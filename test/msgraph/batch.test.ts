import { Agent } from 'undici';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { graphError } from '../../emulator/graph-error';
import { executeBatch, matchBatchResponses, splitIntoChunks, type BatchSubRequest } from '../../src/msgraph/batch';
import { createUpstreamClients } from '../../src/msgraph/client';
import type { UpstreamHooks } from '../../src/msgraph/upstream-hooks';
import { batchItems } from '../support/emulator-log';
import { entityId, manyEntities } from '../support/sample-data';

const RESOURCE = '/reports/office365ActivationCounts';

describe('splitIntoChunks', () => {
  it.each([
    [0, []], // nothing to send: no batch at all
    [1, [1]],
    [20, [20]], // exactly Graph's limit
    [21, [20, 1]], // one past it
    [45, [20, 20, 5]],
  ])('splits %p items into chunks of %j', (count, sizes) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const chunks = splitIntoChunks(items);
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(items);
  });

  it.each([0, -1, 1.5])('refuses chunk size %p', (size) => {
    expect(() => splitIntoChunks([1], size)).toThrow(`chunk size must be a positive integer, got ${size}`);
  });
});

describe('matchBatchResponses', () => {
  it('matches answers in any order by id, lower-cases headers and reads bigint statuses', () => {
    const answer = {
      responses: [
        { id: '2', status: 404n, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'ResourceNotFound' } } },
        { id: '1', status: 200, body: { id: 'a' } },
      ],
    };
    const matched = matchBatchResponses(answer, ['1', '2']);
    expect(matched.get('1')).toEqual({ id: '1', status: 200, headers: {}, body: { id: 'a' } });
    expect(matched.get('2')).toMatchObject({ status: 404, headers: { 'content-type': 'application/json' } });
  });

  it('turns an id the answer leaves out into a 502 for that item, and ignores ids never sent', () => {
    const matched = matchBatchResponses({ responses: [{ id: '1', status: 200, body: {} }, { id: '9', status: 200, body: {} }] }, ['1', '2']);
    expect([...matched.keys()].sort()).toEqual(['1', '2']);
    expect(matched.get('2')).toMatchObject({ status: 502, body: { error: { code: 'MissingBatchResponse' } } });
  });

  it('turns a body without responses into a 502 for every item', () => {
    const matched = matchBatchResponses({ oops: true }, ['1', '2']);
    expect([...matched.values()].map((r) => r.status)).toEqual([502, 502]);
  });
});

describe('executeBatch against the emulator', () => {
  let emulator: Emulator;
  let dispatcher: Agent;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: manyEntities(45) });
    dispatcher = new Agent();
  });
  afterAll(async () => {
    await dispatcher.close();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.clearLog();
    emulator.faults.clear();
  });

  const client = (maxRetries = 3, hooks: UpstreamHooks = {}) =>
    createUpstreamClients({ baseUrl: emulator.baseUrl(), timeoutMs: 5000, maxRetries, dispatcher, hooks })({ authorization: 'Bearer unit' });
  const requests = (count: number): BatchSubRequest[] =>
    Array.from({ length: count }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `${RESOURCE}/${entityId(i + 1)}?$select=id` }));

  it('sends 45 requests as three concurrent $batch calls and matches every answer', async () => {
    const sizes: number[] = [];
    const answers = await executeBatch(client(3, { onBatch: ({ size }) => sizes.push(size) }), requests(45), 'test');
    expect(sizes).toEqual([20, 20, 5]);
    expect(emulator.httpRequests().map((r) => batchItems(r).length).sort()).toEqual([20, 20, 5]);
    for (let i = 1; i <= 45; i++) expect(answers.get(String(i))).toMatchObject({ status: 200, body: { id: entityId(i) } });
  });

  it('retries only the throttled item, after its Retry-After, until it succeeds', async () => {
    emulator.faults.add({ transport: 'batch', path: `${RESOURCE}/e-03`, times: 2, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'slow down', { 'retry-after': '0' }) } });
    const answers = await executeBatch(client(), requests(4), 'test');
    expect(answers.get('3')).toMatchObject({ status: 200, body: { id: 'e-03' } });
    expect(emulator.httpRequests().map((r) => batchItems(r).map((item) => item.id))).toEqual([['1', '2', '3', '4'], ['3'], ['3']]);
  });

  it('gives up after maxRetries rounds and answers the last throttled status', async () => {
    emulator.faults.add({ transport: 'batch', path: `${RESOURCE}/e-02`, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'slow down', { 'retry-after': '0' }) } });
    const answers = await executeBatch(client(2), requests(2), 'test');
    expect(answers.get('2')!.status).toBe(429);
    expect(emulator.httpRequests()).toHaveLength(3);
  });

  it('does not retry the items of a throttled $batch call again after the client has retried the call', async () => {
    emulator.faults.add({ transport: 'http', path: '/$batch', action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'slow down', { 'retry-after': '0' }) } });
    const answers = await executeBatch(client(2), requests(3), 'test');
    expect([...answers.values()].map((a) => a.status)).toEqual([429, 429, 429]);
    // 1 call + 2 client retries; retrying per item on top would make it 9.
    expect(emulator.httpRequests()).toHaveLength(3);
  });
});
