import { graphError } from '../../emulator/graph-error';
import { ActivationCountsEntitiesDocument } from '../generated/client/graphql';
import { batchItems, mostReceivedWithin } from '../support/emulator-log';
import { useHarness } from '../support/harness';
import { entityId, manyEntities } from '../support/sample-data';

const RESOURCE = '/reports/office365ActivationCounts';
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => entityId(from + i));
const BY_IDS = 'query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id windows } }';

describe('the per-operation upstream budget, at its documented defaults', () => {
  const h = useHarness({ emulator: { seed: manyEntities(1000) } });
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it('admits the batching use cases at their documented cost: 45 aliases in 3 calls, byIds of 100 in 5, 50 references in 3', async () => {
    const aliases = ids(1, 45);
    const aliased = await h.gql(`{ ${aliases.map((id, i) => `a${i}: office365ActivationCounts(id: "${id}") { id }`).join(' ')} }`);
    expect(aliased.body.errors).toBeUndefined();
    expect(h.emulator.httpRequests().length).toBeLessThanOrEqual(3);

    h.emulator.clearLog();
    const byIds = await h.gql(BY_IDS, { ids: ids(1, 100) });
    expect(byIds.body.errors).toBeUndefined();
    expect(byIds.body.data.office365ActivationCountsByIds).toHaveLength(100);
    expect(h.emulator.httpRequests().length).toBeLessThanOrEqual(5);

    h.emulator.clearLog();
    const references = await h.op(ActivationCountsEntitiesDocument, { representations: ids(1, 50).map((id) => ({ __typename: 'Office365ActivationCounts', id })) });
    expect(references.body.errors).toBeUndefined();
    expect(h.emulator.httpRequests().length).toBeLessThanOrEqual(3);
  });

  it('admits 1000 ids (the most MAX_IDS_PER_OPERATION allows) in 50 $batch calls, within the 100 requests of MAX_UPSTREAM_REQUESTS_PER_OPERATION', async () => {
    const { body } = await h.gql('query($a: [ID!]!, $b: [ID!]!) { a: office365ActivationCountsByIds(ids: $a) { id } b: office365ActivationCountsByIds(ids: $b) { id } }', { a: ids(1, 500), b: ids(501, 500) });
    expect(body.errors).toBeUndefined();
    expect(body.data.b[499]).toEqual({ id: entityId(1000) });
    expect(h.emulator.httpRequests()).toHaveLength(50);
  });

  it('keeps at most 4 $batch calls of one operation in flight (MAX_BATCHES_IN_FLIGHT_PER_OPERATION)', async () => {
    h.emulator.faults.configure({ latencyMs: 150 });
    const { body } = await h.gql(BY_IDS, { ids: ids(1, 200) });
    expect(body.errors).toBeUndefined();
    const calls = h.emulator.httpRequests();
    expect(calls).toHaveLength(10);
    // Each call takes at least 150 ms: calls received within 100 ms of each other overlapped.
    expect(mostReceivedWithin(calls, 100)).toBe(4);
  });
});

describe('past the per-operation budget: OPERATION_BUDGET_EXCEEDED, and what was answered stays', () => {
  const h = useHarness({
    emulator: { seed: manyEntities(200) },
    env: { MAX_UPSTREAM_REQUESTS_PER_OPERATION: '3', MAX_BATCHES_IN_FLIGHT_PER_OPERATION: '1', GRAPH_MAX_RETRIES: '3' },
  });
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it('sends no more than the budget, answers the items of the calls it sent, and names the limit for the others', async () => {
    const asked = ids(1, 100);
    const { status, body } = await h.gql(BY_IDS, { ids: asked });
    expect(status).toBe(200);
    expect(h.emulator.httpRequests()).toHaveLength(3);
    const answered = body.data.office365ActivationCountsByIds;
    expect(answered.slice(0, 60)).toEqual(asked.slice(0, 60).map((id, i) => ({ id, windows: String(1001 + i) })));
    expect(answered.slice(60)).toEqual(Array(40).fill(null));
    expect(body.errors).toHaveLength(40);
    for (const error of body.errors) {
      expect(error.extensions.code).toBe('OPERATION_BUDGET_EXCEEDED');
      expect(error.message).toContain('budget of 3 upstream requests (MAX_UPSTREAM_REQUESTS_PER_OPERATION)');
    }
    expect(body.errors.map((e: { path: unknown[] }) => e.path[1]).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => 60 + i));
  });

  it('counts every retry as a request', async () => {
    h.emulator.faults.add({ transport: 'http', path: `${RESOURCE}/e-01`, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'slow down', { 'retry-after': '0' }) } });
    const { body } = await h.gql('{ office365ActivationCounts(id: "e-01") { id } }');
    expect(h.emulator.httpRequests()).toHaveLength(3);
    expect(body.errors[0].extensions.code).toBe('OPERATION_BUDGET_EXCEEDED');
  });

  it('gives the next operation a budget of its own', async () => {
    const { body } = await h.gql(BY_IDS, { ids: ids(1, 60) });
    expect(body.errors).toBeUndefined();
    expect(h.emulator.httpRequests()).toHaveLength(3);
  });
});

describe('past the per-operation byte budget', () => {
  const h = useHarness({
    emulator: { seed: manyEntities(60) },
    // One $batch answer of 20 full entities is ~6.5 KB: the first fits, the second passes 10 KB.
    env: { MAX_UPSTREAM_BYTES_PER_OPERATION: '10000', MAX_BATCHES_IN_FLIGHT_PER_OPERATION: '1' },
  });

  it('stops at the budget while reading, answers what arrived before it, and does not retry', async () => {
    const query = 'query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id reportRefreshDate productType windows mac android ios windows10Mobile } }';
    const { status, body } = await h.gql(query, { ids: ids(1, 60) });
    expect(status).toBe(200);
    const answered = body.data.office365ActivationCountsByIds;
    expect(answered.slice(0, 20).map((e: { id: string }) => e.id)).toEqual(ids(1, 20));
    expect(answered.slice(20)).toEqual(Array(40).fill(null));
    expect(new Set(body.errors.map((e: { extensions: { code: string } }) => e.extensions.code))).toEqual(new Set(['OPERATION_BUDGET_EXCEEDED']));
    expect(body.errors[0].message).toContain('budget of 10000 bytes (MAX_UPSTREAM_BYTES_PER_OPERATION)');
    expect(h.emulator.httpRequests().length).toBeLessThanOrEqual(3);
    expect(h.emulator.httpRequests().flatMap(batchItems)).toHaveLength(60);
  });
});
