import { getIntrospectionQuery } from 'graphql';
import { startHarness, type Harness } from '../support/harness';

describe('introspection is bounded (MAX_INTROSPECTION_FIELDS 3, MAX_INTROSPECTION_DEPTH 15)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("admits graphql's getIntrospectionQuery() with every option, without a token (GraphiQL, stitching)", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    const { status, body } = await h.gql(query, undefined, { token: null });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.some((t: { name: string }) => t.name === 'Office365ActivationCounts')).toBe(true);
  });

  it('refuses 50 aliased __schema with 400 naming the limit and the setting', async () => {
    const query = `{ ${Array.from({ length: 50 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    const { status, body } = await h.gql(query, undefined, { token: null });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toContain('Introspection limit of 3 __schema/__type fields per operation exceeded, found 50 (MAX_INTROSPECTION_FIELDS)');
    expect(typeof body.errors[0].extensions.requestId).toBe('string');
  });

  it('counts introspection fields hidden in fragments', async () => {
    const query = '{ ...A ...A2 } fragment A on Query { a: __type(name: "Query") { name } b: __type(name: "Query") { name } } fragment A2 on Query { ... on Query { c: __schema { queryType { name } } d: __typename e: __type(name: "X") { name } } }';
    const { status, body } = await h.gql(query, undefined, { token: null });
    expect(status).toBe(400);
    expect(body.errors[0].message).toContain('found 4');
  });

  it('refuses a self-referencing __Type selection deeper than the limit (it grows exponentially)', async () => {
    let selection = 'name';
    for (let i = 0; i < 6; i++) selection = `name fields { type { ofType { ${selection} } } }`;
    // Through __schema: armor exempts it from the depth rule (it counts __type like any field).
    const { status, body } = await h.gql(`{ __schema { types { ${selection} } } }`, undefined, { token: null });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/Introspection depth limit of 15 exceeded, found 21 \(MAX_INTROSPECTION_DEPTH\)/);
  });
});

describe('introspection limits are configurable', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MAX_INTROSPECTION_FIELDS: '1' } });
  });
  afterAll(() => h.close());

  it('refuses a second __type when the limit is 1', async () => {
    const { status, body } = await h.gql('{ a: __type(name: "Query") { name } b: __type(name: "Mutation") { name } }', undefined, { token: null });
    expect(status).toBe(400);
    expect(body.errors[0].message).toContain('limit of 1 __schema/__type fields per operation exceeded, found 2');
  });
});
