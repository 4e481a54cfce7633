import type { GraphQLResolveInfo } from 'graphql';
import { Arg, buildSchema, Ctx, ID, Info, Mutation, Resolver } from 'type-graphql';
import { ActivationCountsReadsResolver } from '../../src/activation-counts/activation-counts-reads.resolver';
import { ActivationCountsResolver } from '../../src/activation-counts/activation-counts.resolver';
import { Office365ActivationCounts } from '../../src/activation-counts/activation-counts.type';
import { ActivationCountsReportResolver } from '../../src/activation-counts/report/report.resolver';
import { selectedProperties } from '../../src/activation-counts/selected-properties';
import { requireCaller } from '../../src/activation-counts/caller-services';
import type { GatewayContext } from '../../src/context';
import { graphError } from '../../emulator/graph-error';
import { useHarness, TOKEN } from '../support/harness';
import { batchItems } from '../support/emulator-log';
import { entityId, manyEntities } from '../support/sample-data';

/**
 * Test only: the Mutation type has no read field, yet "update then read in one operation" is what
 * the loader priming is for. This field reads through the very same per-request loader.
 */
@Resolver()
class ReadInsideMutationResolver {
  @Mutation(_returns => Office365ActivationCounts, { nullable: true })
  readOffice365ActivationCounts(
    @Arg('id', _type => ID) id: string,
    @Ctx() context: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Office365ActivationCounts | null> {
    return requireCaller(context).loader.load(id, selectedProperties(info));
  }
}

const RESOURCE = '/reports/office365ActivationCounts';

describe('reads by id: per-request DataLoader over Graph JSON batching', () => {
  const h = useHarness(async () => {
    const schema = await buildSchema({
      resolvers: [ActivationCountsResolver, ActivationCountsReadsResolver, ActivationCountsReportResolver, ReadInsideMutationResolver],
      validate: false,
    });
    // random 0 makes the emulator's Fisher-Yates shuffle a fixed, never-identity permutation.
    return { emulator: { seed: manyEntities(50), random: () => 0 }, env: { MAX_IDS_PER_QUERY: '40' }, deps: { schema } };
  });
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it('answers 45 aliased lookups with at most 3 upstream $batch calls of ≤ 20, right and in order', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => entityId(i + 1));
    const query = `{ ${ids.map((id, i) => `a${i}: office365ActivationCounts(id: "${id}") { id windows ios }`).join('\n')} }`;
    const { body } = await h.gql(query);
    expect(body.errors).toBeUndefined();
    ids.forEach((id, i) => {
      expect(body.data[`a${i}`]).toEqual({ id, windows: String(1001 + i), ios: String(9007199254740993n + BigInt(i + 1)) });
    });
    const upstream = h.emulator.httpRequests();
    expect(upstream.length).toBeLessThanOrEqual(3);
    expect(upstream.every((r) => r.method === 'POST' && r.url === '/v1.0/$batch')).toBe(true);
    const items = upstream.flatMap(batchItems);
    expect(upstream.every((r) => batchItems(r).length <= 20)).toBe(true);
    expect(items.map((item) => decodeURIComponent(item.url.split('?')[0]!.slice(RESOURCE.length + 1))).sort()).toEqual(ids);
    // $select pushdown: only what the operation selects, plus id.
    expect(items.every((item) => item.url.endsWith('?$select=id,ios,windows'))).toBe(true);
  });

  it('answers byIds with 30 ids, missing ones as null, in order, with at most 2 upstream calls', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => (i % 6 === 5 ? `missing-${i}` : entityId(i + 1)));
    const { body } = await h.gql('query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id mac } }', { ids });
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsByIds).toEqual(ids.map((id, i) => (id.startsWith('missing') ? null : { id, mac: String(2001 + i) })));
    const upstream = h.emulator.httpRequests();
    expect(upstream.length).toBeLessThanOrEqual(2);
    expect(upstream.flatMap(batchItems)).toHaveLength(30);
    expect(upstream.flatMap(batchItems).every((item) => item.url.endsWith('?$select=id,mac'))).toBe(true);
  });

  it('reads duplicate ids once, across byIds and aliased lookups', async () => {
    const { body } = await h.gql(`{
      byIds: office365ActivationCountsByIds(ids: ["e-01", "e-02", "e-01", "e-02", "e-03"]) { id }
      again: office365ActivationCounts(id: "e-01") { id }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.byIds.map((e: { id: string }) => e.id)).toEqual(['e-01', 'e-02', 'e-01', 'e-02', 'e-03']);
    expect(body.data.again).toEqual({ id: 'e-01' });
    const upstream = h.emulator.httpRequests();
    expect(upstream).toHaveLength(1);
    expect(batchItems(upstream[0]!)).toHaveLength(3);
  });

  it('sends one plain GET, not a $batch, when the operation needs one entity, selecting the union of its fields', async () => {
    const { body } = await h.gql('{ a: office365ActivationCounts(id: "proplus") { id windows } b: office365ActivationCounts(id: "proplus") { ...macOnly } } fragment macOnly on Office365ActivationCounts { mac }');
    expect(body.data).toEqual({ a: { id: 'proplus', windows: '9157' }, b: { mac: '2457' } });
    expect(h.emulator.httpRequests().map((r) => `${r.method} ${r.url}`)).toEqual([`GET /v1.0${RESOURCE}/proplus?$select=id,mac,windows`]);
  });

  it('maps a 404 item to null and retries a throttled item alone after its Retry-After', async () => {
    h.emulator.faults.add({
      transport: 'batch',
      path: `${RESOURCE}/e-07`,
      times: 1,
      action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'Too many requests', { 'retry-after': '0' }) },
    });
    const { body } = await h.gql('{ office365ActivationCountsByIds(ids: ["e-05", "e-06", "e-07", "no-such-id", "e-08"]) { id } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsByIds).toEqual([{ id: 'e-05' }, { id: 'e-06' }, { id: 'e-07' }, null, { id: 'e-08' }]);
    const upstream = h.emulator.httpRequests();
    expect(upstream).toHaveLength(2);
    expect(batchItems(upstream[0]!)).toHaveLength(5);
    // The resent batch holds only the throttled item, marked as a retry by nothing but its own id.
    expect(batchItems(upstream[1]!).map((item) => item.url)).toEqual([`${RESOURCE}/e-07?$select=id`]);
  });

  it('gives a still-failing item its own error and leaves the others intact', async () => {
    h.emulator.faults.add({
      transport: 'batch',
      path: `${RESOURCE}/e-09`,
      action: { kind: 'respond', response: graphError(503, 'ServiceUnavailable', 'Try later', { 'retry-after': '0' }) },
    });
    h.emulator.faults.add({
      transport: 'batch',
      path: `${RESOURCE}/e-10`,
      action: { kind: 'respond', response: graphError(403, 'Forbidden', 'Not allowed') },
    });
    const { body } = await h.gql('{ office365ActivationCountsByIds(ids: ["e-09", "e-10", "e-11"]) { id } }');
    expect(body.data.office365ActivationCountsByIds).toEqual([null, null, { id: 'e-11' }]);
    const byPath = Object.fromEntries(body.errors.map((e: { path: unknown[]; extensions: { code: string } }) => [e.path.join('.'), e.extensions.code]));
    expect(byPath).toEqual({ 'office365ActivationCountsByIds.0': 'UPSTREAM_ERROR', 'office365ActivationCountsByIds.1': 'FORBIDDEN' });
    // GRAPH_MAX_RETRIES (3) rounds for the 503 item alone after the first batch.
    const sizes = h.emulator.httpRequests().map((r) => batchItems(r).length);
    expect(sizes).toEqual([3, 1, 1, 1]);
  });

  it('answers an empty list for no ids, without an upstream call', async () => {
    const { body } = await h.gql('{ office365ActivationCountsByIds(ids: []) { id } }');
    expect(body).toEqual({ data: { office365ActivationCountsByIds: [] } });
    expect(h.emulator.log).toHaveLength(0);
  });

  it('refuses more ids than MAX_IDS_PER_QUERY before any upstream call', async () => {
    const ids = Array.from({ length: 41 }, (_, i) => `x-${i}`);
    const { body } = await h.gql('query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id } }', { ids });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('41 ids; at most 40');
    expect(h.emulator.log).toHaveLength(0);
  });

  it('lets a read after an update in the same operation see the update, with no extra GET', async () => {
    const { body } = await h.gql(`mutation {
      updated: updateOffice365ActivationCounts(id: "e-20", input: { windows: 777 }) { id windows }
      read: readOffice365ActivationCounts(id: "e-20") { id windows mac }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ updated: { id: 'e-20', windows: '777' }, read: { id: 'e-20', windows: '777', mac: '2020' } });
    expect(h.emulator.httpRequests().map((r) => r.method)).toEqual(['PATCH']);
  });

  it('never shares a loader or a result between concurrent operations of different callers', async () => {
    const other = 'Bearer test-token-beta';
    const query = '{ a: office365ActivationCounts(id: "e-31") { id } b: office365ActivationCounts(id: "e-32") { id } }';
    h.emulator.faults.add({ transport: 'http', path: '/$batch', action: { kind: 'delay', ms: 50 } });
    const [first, second] = await Promise.all([h.gql(query, undefined, { token: TOKEN }), h.gql(query, undefined, { token: other })]);
    expect(first.body.data).toEqual({ a: { id: 'e-31' }, b: { id: 'e-32' } });
    expect(second.body.data).toEqual({ a: { id: 'e-31' }, b: { id: 'e-32' } });
    const upstream = h.emulator.httpRequests();
    // One batch per caller, each carrying that caller's own token: no cache or batch crossed over.
    expect(upstream).toHaveLength(2);
    expect(upstream.map((r) => r.headers.authorization).sort()).toEqual([TOKEN, other].sort());
    expect(upstream.every((r) => batchItems(r).length === 2)).toBe(true);
  });
});
