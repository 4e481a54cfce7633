import { useHarness } from '../support/harness';
import { entityId, manyEntities } from '../support/sample-data';

const RESOURCE = '/reports/office365ActivationCounts';
const JSON_TYPE = { 'content-type': 'application/json', 'request-id': 'hostile-1' };
const entity = (n: number) => ({ id: entityId(n), windows: 1000 + n });
const BY_IDS = 'query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id windows } }';

describe('the upstream must answer the entity that was asked for', () => {
  const h = useHarness({ emulator: { seed: manyEntities(10) } });
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it('fails only the items of a $batch answer that carry another entity (swapped or duplicated), with extensions.upstream', async () => {
    // e-02 answers e-01's entity (a duplicate); e-03 and e-04 answer each other's (swapped).
    for (const [asked, answered] of [[2, 1], [3, 4], [4, 3]] as const) {
      h.emulator.faults.add({ transport: 'batch', path: `${RESOURCE}/${entityId(asked)}`, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, body: entity(answered) } } });
    }
    const { body } = await h.gql(BY_IDS, { ids: [1, 2, 3, 4, 5].map(entityId) });
    expect(body.data.office365ActivationCountsByIds).toEqual([{ id: 'e-01', windows: '1001' }, null, null, null, { id: 'e-05', windows: '1005' }]);
    expect(body.errors.map((e: { path: unknown[] }) => e.path).sort()).toEqual([['office365ActivationCountsByIds', 1], ['office365ActivationCountsByIds', 2], ['office365ActivationCountsByIds', 3]]);
    for (const error of body.errors) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 200, requestId: 'hostile-1' } });
      expect(error.message).toMatch(/with entity "e-0\d" instead of the one asked for/);
    }
  });

  it('fails a GET answering another id', async () => {
    h.emulator.faults.add({ transport: 'http', path: `${RESOURCE}/e-05`, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, body: entity(6) } } });
    const { body } = await h.gql('{ office365ActivationCounts(id: "e-05") { id windows } }');
    expect(body.data.office365ActivationCounts).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 200, requestId: 'hostile-1' } });
    expect(body.errors[0].message).toContain('read of entity "e-05"');
  });

  it('fails an update whose answer carries another entity', async () => {
    h.emulator.faults.add({ method: 'PATCH', transport: 'http', path: `${RESOURCE}/e-07`, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, body: entity(8) } } });
    const { body } = await h.gql('mutation { updateOffice365ActivationCounts(id: "e-07", input: { windows: 5 }) { id windows } }');
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 200 } });
  });

  it('fails the item a $batch answer answers twice, keeping the others', async () => {
    const envelope = {
      responses: [
        { id: '1', status: 200, headers: { 'content-type': 'application/json' }, body: entity(1) },
        { id: '1', status: 200, headers: { 'content-type': 'application/json' }, body: entity(2) },
        { id: '2', status: 200, headers: { 'content-type': 'application/json' }, body: entity(2) },
      ],
    };
    h.emulator.faults.add({ transport: 'http', path: '/$batch', times: 1, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, body: envelope } } });
    const { body } = await h.gql(BY_IDS, { ids: [entityId(1), entityId(2)] });
    expect(body.data.office365ActivationCountsByIds).toEqual([null, { id: 'e-02', windows: '1002' }]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].path).toEqual(['office365ActivationCountsByIds', 0]);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 502, code: 'DuplicateBatchResponse' } });
  });

  it('answers a body over the 16 MiB cap as UPSTREAM_ERROR without retrying it', async () => {
    const huge = `{"id":"e-09","productType":"${'x'.repeat(17 * 1024 * 1024)}"}`;
    h.emulator.faults.add({ transport: 'http', path: `${RESOURCE}/e-09`, action: { kind: 'respond', response: { status: 200, headers: JSON_TYPE, rawBody: huge } } });
    const { body } = await h.gql('{ office365ActivationCounts(id: "e-09") { id } }');
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toContain('a body larger than 16777216 bytes');
    expect(h.emulator.httpRequests().filter((r) => r.url.startsWith(`/v1.0${RESOURCE}/e-09`))).toHaveLength(1);
  });
});
