import { ENTITY_SELECTION } from '../../src/activation-counts/activation-counts.properties';
import { MAX_BODY_BYTES } from '../../src/server';
import { httpGet, postGraphQLBody } from '../support/graphql-http';
import { useHarness, TOKEN } from '../support/harness';

const FIELDS = ENTITY_SELECTION;
const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: office365ActivationCounts(id: "id-${i}") { ${FIELDS} }`).join(' ')} }`;

const post = (url: string, body: string, headers: Record<string, string> = {}) => postGraphQLBody(url, body, { authorization: TOKEN, ...headers });

describe('query limits and request hygiene (defaults)', () => {
  const h = useHarness();
  beforeEach(() => h.emulator.clearLog());

  it('allows the batching use cases: 45 aliases with every field, and byIds of 100', async () => {
    const aliases = await h.gql(aliased(45));
    expect(aliases.status).toBe(200);
    expect(Object.keys(aliases.body.data)).toHaveLength(45);
    const ids = Array.from({ length: 100 }, (_, i) => `"id-${i}"`).join(', ');
    const byIds = await h.gql(`{ office365ActivationCountsByIds(ids: [${ids}]) { ${FIELDS} } }`);
    expect(byIds.status).toBe(200);
    expect(byIds.body.data.office365ActivationCountsByIds).toHaveLength(100);
  });

  it('allows a full page of 999 with every field', async () => {
    const { status, body } = await h.gql(`{ office365ActivationCountsList(first: 999) { edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses an alias bomb with 400 GRAPHQL_VALIDATION_FAILED naming the limit, before any upstream call', async () => {
    const { status, body } = await h.gql(aliased(200));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toBe('Aliases limit of 50 exceeded, found 200: an operation may use at most 50 aliases (set by MAX_ALIASES)');
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('refuses a document nested deeper than the limit, but not a deep introspection query', async () => {
    const introspection = await h.gql('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }');
    // GraphiQL's introspection query is deeper than any data query: introspection is exempt.
    expect(introspection.status).toBe(200);
    // Inline fragments nest a selection as deep as the caller likes; the depth rule counts through them.
    const nested = '{ office365ActivationCountsList { edges { node { ...F } } } } fragment F on Office365ActivationCounts { id ... on Office365ActivationCounts { ... on Office365ActivationCounts { ... on Office365ActivationCounts { ... on Office365ActivationCounts { ... on Office365ActivationCounts { ... on Office365ActivationCounts { id } } } } } } }';
    const { status, body } = await h.gql(nested);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(/^Query depth limit of 8 exceeded, found \d+: selections may nest at most 8 levels deep \(set by MAX_QUERY_DEPTH\)$/);
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('refuses too many directives', async () => {
    const { status, body } = await h.gql(`{ office365ActivationCounts(id: "x") { id ${'@include(if: true) '.repeat(60)} } }`);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe('Directives limit of 50 exceeded, found 60: an operation may use at most 50 directives (set by MAX_DIRECTIVES)');
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('refuses an over-long document as a 400 parse error (not a 500)', async () => {
    const { status, body } = await h.gql(`{ office365ActivationCounts(id: "x") { ${'__typename '.repeat(6_000)} } }`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/Document contains more tha[nt] 5000 tokens/);
  });

  it('keeps syntax errors 400 GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await h.gql('{ office365ActivationCounts(id: "x") { id ');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a body over the size limit with 413, reading nothing upstream', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES + 1);
    const { status, text } = await post(h.url, JSON.stringify({ query: '{ __typename }', variables: { padding } }), { 'content-type': 'application/json' });
    expect(status).toBe(413);
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: `The request body is larger than ${MAX_BODY_BYTES} bytes, the most this gateway reads: send a smaller operation or fewer variables`,
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('refuses batched HTTP operations (a JSON array)', async () => {
    const one = { query: '{ office365ActivationCounts(id: "proplus") { id } }' };
    const { status, text } = await post(h.url, JSON.stringify([one, one]), { 'content-type': 'application/json' });
    expect(status).toBe(400);
    expect(text).toMatch(/batching is not enabled|Operation batching disabled/i);
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it.each<[string, number, string, Record<string, string>, RegExp]>([
    ['invalid JSON', 400, '{"query": "{ __typename }"', { 'content-type': 'application/json' }, /^The request body is not valid JSON: expected \{"query"/],
    ['an empty JSON body', 400, '', { 'content-type': 'application/json' }, /^The request body is empty: expected \{"query"/],
    ['JSON that is not an object', 400, '"{ __typename }"', { 'content-type': 'application/json' }, /POST body/],
    ['a query that is not a string', 400, '{"query": 42}', { 'content-type': 'application/json' }, /^GraphQL queries must be strings/],
    ['text/plain (a CSRF "simple request")', 400, '{"query":"{ __typename }"}', { 'content-type': 'text/plain' }, /Cross-Site Request Forgery/],
    ['an unsupported content type', 415, '<query/>', { 'content-type': 'application/xml' }, /^Content-Type "application\/xml" is not supported: send the operation as JSON with "Content-Type: application\/json"/],
    ['no content type at all', 415, '{"query":"{ __typename }"}', {}, /^The request has no Content-Type: send the operation as JSON/],
  ])('answers %s with a clear %i and no upstream call', async (_name, expected, body, headers, message) => {
    const { status, text } = await post(h.url, body, headers);
    expect(status).toBe(expected);
    expect((JSON.parse(text) as { errors: { message: string }[] }).errors[0]!.message).toMatch(message);
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('answers a refused body with a GraphQL-shaped error carrying a code and the request id', async () => {
    const { status, text } = await post(h.url, '<query/>', { 'content-type': 'application/xml' });
    expect(status).toBe(415);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.stringContaining('application/xml'), extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }],
    });
  });

  it('refuses a GET operation without a CSRF preflight header, and runs it with one', async () => {
    const query = encodeURIComponent('{ office365ActivationCounts(id: "proplus") { id } }');
    const blocked = await httpGet(`${h.url}/graphql?query=${query}`, { authorization: TOKEN });
    expect(blocked.status).toBe(400);
    expect(blocked.text).toMatch(/Cross-Site Request Forgery/);
    expect(h.emulator.httpRequests()).toEqual([]);
    const allowed = await httpGet(`${h.url}/graphql?query=${query}`, { authorization: TOKEN, 'apollo-require-preflight': 'true' });
    expect(allowed.status).toBe(200);
    expect(JSON.parse(allowed.text)).toEqual({ data: { office365ActivationCounts: { id: 'proplus' } } });
  });

  it('never includes stack traces outside development', async () => {
    const { body } = await h.gql('{ office365ActivationCounts(id: ".") { id } }');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });
});

describe('query limits and introspection from the environment', () => {
  const h = useHarness({ env: { MAX_ALIASES: '3', MAX_QUERY_DEPTH: '2', MAX_TOKENS: '60', MAX_QUERY_COST: '30', INTROSPECTION: 'false' } });

  it('applies MAX_ALIASES, MAX_QUERY_DEPTH and MAX_TOKENS', async () => {
    expect((await h.gql(aliased(3).replaceAll(FIELDS, 'id'))).status).toBe(200);
    const aliases = await h.gql(aliased(4).replaceAll(FIELDS, 'id'));
    expect(aliases.body.errors[0].message).toMatch(/^Aliases limit of 3 exceeded, found 4: .*\(set by MAX_ALIASES\)$/);
    const depth = await h.gql('{ office365ActivationCountsList { edges { node { id } } } }');
    expect(depth.body.errors[0].message).toMatch(/depth limit of 2 exceeded/i);
    const tokens = await h.gql(`{ ${'__typename '.repeat(70)} }`);
    expect(tokens.body.errors[0].message).toMatch(/more tha[nt] 60 tokens/);
  });

  it('names MAX_QUERY_COST when an operation costs too much, without calling it a syntax error', async () => {
    h.emulator.clearLog();
    const { status, body } = await h.gql(aliased(3)); // 3 aliases with every field: within MAX_ALIASES, over the cost
    expect(status).toBe(400);
    // armor weighs each field by a depth factor of 1.5, so the cost found is fractional for an odd number of entity fields.
    expect(body.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/^Query Cost limit of 30 exceeded, found \d+(?:\.\d+)?: an operation may cost at most 30 .*\(set by MAX_QUERY_COST\)$/)]);
    expect(h.emulator.httpRequests()).toEqual([]);
  });

  it('refuses introspection when INTROSPECTION=false, and hides field suggestions', async () => {
    const { status, body } = await h.gql('{ __schema { types { name } } }');
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/introspection is not allowed/i);
    const typo = await h.gql('{ office365ActivationCount(id: "x") { id } }');
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });
});
