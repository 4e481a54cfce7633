import { ActivationCountsEntitiesDocument, SubgraphServiceSdlDocument } from '../generated/client/graphql';
import { batchItems } from '../support/emulator-log';
import { entityId, manyEntities } from '../support/sample-data';
import { useHarness } from '../support/harness';

const reference = (id: string) => ({ __typename: 'Office365ActivationCounts', id });

describe('the served schema is also an Apollo Federation 2 subgraph', () => {
  const h = useHarness({ emulator: { seed: manyEntities(50) } });
  beforeEach(() => h.emulator.clearLog());

  it('answers _service { sdl } with the Federation 2 link and the @key on Office365ActivationCounts, without a token', async () => {
    const { body } = await h.op(SubgraphServiceSdlDocument, {}, { token: null });
    const sdl = body.data!._service.sdl!;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    expect(sdl).toMatch(/type Office365ActivationCounts\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('office365ActivationCountsByIds(ids: [ID!]!)');
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('resolves 50 _entities through the per-request loader: 3 $batch calls, only the selected properties', async () => {
    const representations = Array.from({ length: 50 }, (_, i) => reference(entityId(i + 1)));
    const { body } = await h.op(ActivationCountsEntitiesDocument, { representations });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(50);
    expect(body.data!._entities[49]).toEqual({ id: 'e-50', windows: '1050', ios: String(9007199254740993n + 50n) });
    const upstream = h.emulator.httpRequests();
    expect(upstream.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('POST /v1.0/$batch'));
    const items = upstream.flatMap(batchItems);
    expect(items).toHaveLength(50);
    expect(items.every((item) => item.url.endsWith('?$select=id,ios,windows'))).toBe(true);
  });

  it('answers null for an unknown reference and UNAUTHENTICATED without a token', async () => {
    const unknown = await h.op(ActivationCountsEntitiesDocument, { representations: [reference('no-such-id')] });
    expect(unknown.body.data!._entities).toEqual([null]);
    h.emulator.clearLog();
    const anonymous = await h.op(ActivationCountsEntitiesDocument, { representations: [reference('proplus')] }, { token: null });
    expect(anonymous.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('keeps the custom scalars after the SDL rebuild: Int64 literals exact, bad literals refused', async () => {
    const ok = await h.gql('mutation { updateOffice365ActivationCounts(id: "big-numbers", input: { windows: 9223372036854775807, reportRefreshDate: "2024-02-29" }) { windows reportRefreshDate } }');
    expect(ok.body.data.updateOffice365ActivationCounts).toEqual({ windows: '9223372036854775807', reportRefreshDate: '2024-02-29' });
    const tooBig = await h.gql('mutation { updateOffice365ActivationCounts(id: "big-numbers", input: { windows: 9223372036854775808 }) { windows } }');
    expect(tooBig.body.errors[0].message).toMatch(/BigInt cannot represent "9223372036854775808": outside the Int64 range/);
    const badDate = await h.gql('mutation { updateOffice365ActivationCounts(id: "big-numbers", input: { reportRefreshDate: "2021-02-29" }) { id } }');
    expect(badDate.body.errors[0].message).toMatch(/Date cannot represent "2021-02-29"/);
  });
});
