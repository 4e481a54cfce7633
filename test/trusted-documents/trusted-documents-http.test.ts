import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { request } from 'undici';
import { ActivationCountsByIdDocument } from '../generated/client/graphql';
import { startHarness, type Harness } from '../support/harness';
import { BY_ID, COMMITTED_MANIFEST, documentsCounted, getWith, postJson, UNKNOWN_ID, UPDATE_WINDOWS } from './trusted-documents-support';

const manifest = JSON.parse(readFileSync(COMMITTED_MANIFEST, 'utf8')) as Record<string, string>;
const apq = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id.slice('sha256:'.length) } });

describe('trusted documents, TRUSTED_DOCUMENTS_MODE=allow (the default) with the manifest npm run codegen wrote', () => {
  let h: Harness;
  let expected: unknown;
  beforeAll(async () => {
    h = await startHarness({ env: { TRUSTED_DOCUMENTS: COMMITTED_MANIFEST } });
    // What the same operation answers when its text is sent.
    expected = (await h.op(ActivationCountsByIdDocument, { id: 'proplus' })).body.data;
  });
  afterAll(() => h.close());

  it('runs a known documentId sent by POST', async () => {
    expect(Object.keys(manifest)).toContain(BY_ID);
    const answer = await postJson(h.url, { documentId: BY_ID, variables: { id: 'proplus' } });
    expect(answer).toEqual({ status: 200, body: { data: expected } });
    expect((expected as { office365ActivationCounts: { id: string } }).office365ActivationCounts.id).toBe('proplus');
  });

  it('runs a known documentId sent by GET, with variables in the query string', async () => {
    const answer = await getWith(h.url, { documentId: BY_ID, variables: JSON.stringify({ id: 'proplus' }) });
    expect(answer).toEqual({ status: 200, body: { data: expected } });
  });

  it('keeps Apollo CSRF prevention for GET: without a preflight header the document does not run', async () => {
    const answer = await getWith(h.url, { documentId: BY_ID, variables: JSON.stringify({ id: 'proplus' }) }, { preflight: false });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/CSRF/);
  });

  it('answers 405 to a mutation named by documentId over GET, as the spec requires', async () => {
    const before = h.emulator.store.get('proplus')!.windows;
    const answer = await getWith(h.url, { documentId: UPDATE_WINDOWS, variables: JSON.stringify({ id: 'proplus', windows: '1' }) });
    expect(answer.status).toBe(405);
    expect(h.emulator.store.get('proplus')!.windows).toBe(before);
  });

  it('runs a known mutation by documentId over POST', async () => {
    const answer = await postJson(h.url, { documentId: UPDATE_WINDOWS, variables: { id: 'business', windows: '9223372036854775807' } });
    expect(answer).toEqual({ status: 200, body: { data: { updateOffice365ActivationCounts: { id: 'business', windows: '9223372036854775807' } } } });
  });

  it('answers an unknown id with PERSISTED_DOCUMENT_NOT_FOUND naming it, POST and GET', async () => {
    for (const answer of [await postJson(h.url, { documentId: UNKNOWN_ID }), await getWith(h.url, { documentId: UNKNOWN_ID })]) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toHaveLength(1);
      expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
      expect(answer.body.errors[0].message).toContain(`documentId ${UNKNOWN_ID} is not one of the 7 trusted documents`);
      expect(answer.body.errors[0].extensions.requestId).toEqual(expect.any(String));
    }
  });

  it.each<[string, unknown, RegExp]>([
    ['an id of another scheme', { documentId: 'md5:abc' }, /documentId "md5:abc" is not a document id this gateway knows: expected "sha256:" followed by 64 lower-case hex digits/],
    ['upper-case hex', { documentId: BY_ID.toUpperCase().replace('SHA256', 'sha256') }, /expected "sha256:" followed by 64 lower-case hex digits/],
    ['a number', { documentId: 42 }, /documentId must be a string/],
    ['documentId and query', { documentId: BY_ID, query: '{ __typename }' }, /both "documentId" and "query": send only one of them/],
    ['documentId and an APQ hash', { documentId: BY_ID, extensions: apq(BY_ID) }, /both "documentId" and "extensions.persistedQuery"/],
  ])('refuses %s with a message saying what is expected', async (_edge, body, message) => {
    const answer = await postJson(h.url, body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(message);
  });

  it('still runs ad-hoc documents', async () => {
    const answer = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(answer).toEqual({ status: 200, body: { data: { office365ActivationCounts: { id: 'proplus' } } } });
  });

  it("accepts Apollo's APQ form for a manifest hash (POST and GET)", async () => {
    const variables = { id: 'proplus' };
    expect(await postJson(h.url, { variables, extensions: apq(BY_ID) })).toEqual({ status: 200, body: { data: expected } });
    const get = await getWith(h.url, { variables: JSON.stringify(variables), extensions: JSON.stringify(apq(BY_ID)) });
    expect(get).toEqual({ status: 200, body: { data: expected } });
  });

  it("hands an APQ hash the manifest lacks to Apollo's APQ, so an APQ client falls back to sending the text", async () => {
    const query = '{ office365ActivationCounts(id: "proplus") { id windows } }';
    const hash = require('node:crypto').createHash('sha256').update(query).digest('hex') as string;
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const miss = await postJson(h.url, { extensions });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await postJson(h.url, { query, extensions })).status).toBe(200);
    const hit = await postJson(h.url, { extensions });
    expect(hit).toEqual({ status: 200, body: { data: { office365ActivationCounts: { id: 'proplus', windows: expect.any(String) } } } });
  });

  it('counts trusted, ad-hoc and refused documents in /metrics', async () => {
    const before = { trusted: await documentsCounted(h.url, 'trusted'), ad_hoc: await documentsCounted(h.url, 'ad_hoc'), refused: await documentsCounted(h.url, 'refused') };
    await postJson(h.url, { documentId: BY_ID, variables: { id: 'proplus' } });
    await postJson(h.url, { documentId: BY_ID, variables: { id: 'business' } });
    await h.gql('{ __typename }');
    await postJson(h.url, { documentId: UNKNOWN_ID });
    expect(await documentsCounted(h.url, 'trusted')).toBe(before.trusted + 2);
    expect(await documentsCounted(h.url, 'ad_hoc')).toBe(before.ad_hoc + 1);
    expect(await documentsCounted(h.url, 'refused')).toBe(before.refused + 1);
  });
});

describe('trusted documents, TRUSTED_DOCUMENTS_MODE=require', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { TRUSTED_DOCUMENTS: COMMITTED_MANIFEST, TRUSTED_DOCUMENTS_MODE: 'require' } });
  });
  afterAll(() => h.close());

  it('runs known ids (POST and GET)', async () => {
    const post = await postJson(h.url, { documentId: BY_ID, variables: { id: 'proplus' } });
    expect(post.status).toBe(200);
    expect(post.body.data.office365ActivationCounts.id).toBe('proplus');
    const get = await getWith(h.url, { documentId: BY_ID, variables: JSON.stringify({ id: 'business' }) });
    expect(get.status).toBe(200);
    expect(get.body.data.office365ActivationCounts.id).toBe('business');
  });

  it('refuses an ad-hoc document with PERSISTED_DOCUMENT_REQUIRED, saying how to send a trusted one', async () => {
    const upstreamCalls = h.emulator.httpRequests().length;
    const answer = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(answer.status).toBe(400);
    expect(h.emulator.httpRequests().length).toBe(upstreamCalls);
    expect(answer.body.errors).toEqual([
      {
        message: expect.stringMatching(/^This gateway accepts only trusted documents \(TRUSTED_DOCUMENTS_MODE=require\).*send \{"documentId": "sha256:<hex>"/),
        extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', requestId: expect.any(String) },
      },
    ]);
  });

  it('refuses before parsing: text that is not even GraphQL gets the same refusal, not a syntax error', async () => {
    const answer = await h.gql('{ this is not graphql (((');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('refuses ad-hoc GET queries too', async () => {
    const answer = await getWith(h.url, { query: '{ __typename }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it("runs the exact text of a manifest entry (an APQ client's fallback sends it)", async () => {
    const answer = await h.gql(manifest[BY_ID]!, { id: 'proplus' });
    expect(answer.status).toBe(200);
    expect(answer.body.data.office365ActivationCounts.id).toBe('proplus');
  });

  it('answers an APQ hash the manifest lacks with PERSISTED_DOCUMENT_NOT_FOUND: Apollo cannot register new documents', async () => {
    const answer = await postJson(h.url, { extensions: apq(UNKNOWN_ID) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    expect(answer.body.errors[0].message).toContain(`extensions.persistedQuery.sha256Hash "${'0'.repeat(64)}"`);
  });

  it('serves GraphiQL, whose requests get the clear refusal instead of a broken schema', async () => {
    const page = await request(`${h.url}/graphiql`);
    expect(page.statusCode).toBe(200);
    await page.body.dump();
    // The first thing GraphiQL sends: the introspection query, as JSON with its preflight-safe content type.
    const introspection = await h.gql(getIntrospectionQuery());
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    expect(introspection.body.errors[0].message).toMatch(/ad-hoc operations \(GraphiQL, a hand-written query\) are refused/);
  });

  it('counts refusals', async () => {
    const before = await documentsCounted(h.url, 'refused');
    await h.gql('{ __typename }');
    expect(await documentsCounted(h.url, 'refused')).toBe(before + 1);
    expect(await documentsCounted(h.url, 'ad_hoc')).toBe(0);
  });
});

describe('documentId without TRUSTED_DOCUMENTS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('says trusted documents are not configured', async () => {
    const answer = await postJson(h.url, { documentId: BY_ID });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENTS_NOT_CONFIGURED');
    expect(answer.body.errors[0].message).toMatch(/trusted documents are not configured on this gateway .*send the operation text as "query" instead/);
  });

  it("leaves Apollo's APQ as it was", async () => {
    const miss = await postJson(h.url, { extensions: apq(BY_ID) });
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
