import { startHarness, type Harness } from '../support/harness';
import { entityId, manyEntities } from '../support/sample-data';

const entitiesQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Office365ActivationCounts { id windows } } }';
const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Office365ActivationCounts', id: entityId(i + 1) }));

describe('ids per operation (MAX_IDS_PER_OPERATION, default 1000)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { seed: manyEntities(60) } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.emulator.clearLog());

  it('refuses the amplification request (50 aliases × 500 distinct ids via variables) with zero upstream calls', async () => {
    const variables: Record<string, string[]> = {};
    const definitions: string[] = [];
    const fields: string[] = [];
    for (let a = 0; a < 50; a++) {
      variables[`v${a}`] = Array.from({ length: 500 }, (_, i) => `a${a * 500 + i}`);
      definitions.push(`$v${a}: [ID!]!`);
      fields.push(`f${a}: office365ActivationCountsByIds(ids: $v${a}) { id }`);
    }
    const before = { ...h.emulator.counters };
    const { status, body } = await h.gql(`query(${definitions.join(', ')}) { ${fields.join(' ')} }`, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('asks for 25000 ids over 50');
    expect(body.errors[0].message).toContain('at most 1000 are accepted per operation (MAX_IDS_PER_OPERATION)');
    expect(typeof body.errors[0].extensions.requestId).toBe('string');
    expect(h.emulator.log).toEqual([]);
    expect(h.emulator.counters).toEqual(before);
  });

  it('counts literal lists, fragments and _entities together', async () => {
    const ids = (n: number, from = 0) => `[${Array.from({ length: n }, (_, i) => `"x${from + i}"`).join(', ')}]`;
    // 600 literal ids in a fragment + 450 representations = 1050 > 1000.
    const query = `query($r: [_Any!]!) { ...F _entities(representations: $r) { __typename } } fragment F on Query { a: office365ActivationCountsByIds(ids: ${ids(300)}) { id } ... on Query { b: office365ActivationCountsByIds(ids: ${ids(300, 300)}) { id } } }`;
    const { status, body } = await h.gql(query, { r: Array.from({ length: 450 }, (_, i) => ({ __typename: 'Office365ActivationCounts', id: `r${i}` })) });
    expect(status).toBe(400);
    expect(body.errors[0].message).toContain('asks for 1050 ids over 3');
    expect(h.emulator.log).toEqual([]);
  });

  it('caps one _entities field at MAX_IDS_PER_QUERY representations (before: unbounded)', async () => {
    const { status, body } = await h.gql(entitiesQuery, { r: Array.from({ length: 501 }, (_, i) => ({ __typename: 'Office365ActivationCounts', id: `r${i}` })) });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('_entities holds 501 representations; at most 500 are accepted per field (MAX_IDS_PER_QUERY)');
    expect(h.emulator.log).toEqual([]);
  });

  it('admits the batching use cases: 45 aliases, byIds of 100, 50 federation references', async () => {
    const aliases = await h.gql(`{ ${Array.from({ length: 45 }, (_, i) => `a${i}: office365ActivationCounts(id: "${entityId((i % 60) + 1)}") { id }`).join(' ')} }`);
    expect(aliases.status).toBe(200);
    expect(aliases.body.errors).toBeUndefined();
    const byIds = await h.gql('query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id } }', { ids: Array.from({ length: 100 }, (_, i) => entityId((i % 60) + 1)) });
    expect(byIds.body.data.office365ActivationCountsByIds).toHaveLength(100);
    const entities = await h.gql(entitiesQuery, { r: refs(50) });
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data._entities.map((e: { id: string }) => e.id)).toEqual(refs(50).map((r) => r.id));
  });

  it('admits an operation at the limit, at the cost of at most ceil(1000 / 20) = 50 $batch calls', async () => {
    const ids = (from: number) => Array.from({ length: 500 }, (_, i) => `lim-${from + i}`);
    const before = h.emulator.counters.graphHttp;
    const { status, body } = await h.gql('query($a: [ID!]!, $b: [ID!]!) { a: office365ActivationCountsByIds(ids: $a) { id } b: office365ActivationCountsByIds(ids: $b) { id } }', { a: ids(0), b: ids(500) });
    expect(status).toBe(200);
    expect(body.data.a).toHaveLength(500);
    expect(body.data.b).toHaveLength(500);
    const calls = h.emulator.counters.graphHttp - before;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(50);
  });
});

describe('MAX_IDS_PER_OPERATION is configurable', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MAX_IDS_PER_OPERATION: '10' } });
  });
  afterAll(() => h.close());

  it('names the configured limit', async () => {
    const { status, body } = await h.gql('query($ids: [ID!]!) { office365ActivationCountsByIds(ids: $ids) { id } }', { ids: Array.from({ length: 11 }, (_, i) => `i${i}`) });
    expect(status).toBe(400);
    expect(body.errors[0].message).toContain('asks for 11 ids over 1 office365ActivationCountsByIds/_entities fields; at most 10');
    expect(h.emulator.log).toEqual([]);
  });
});
