import { statSync } from 'node:fs';
import { EMULATOR_SAMPLE_TOKEN } from '../../emulator/sample-token';
import { request } from 'undici';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { EXAMPLE_OPERATIONS } from '../../src/graphiql/example-operations';
import { resolveGraphiqlAssets } from '../../src/graphiql/graphiql-assets';
import { httpGet as get, postGraphQLBody } from '../support/graphql-http';
import { useHarness } from '../support/harness';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Every src= and href= in the page. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
}

describe('GraphiQL served offline by the gateway', () => {
  const h = useHarness({ deps: { graphiqlDefaultToken: EMULATOR_SAMPLE_TOKEN } });

  it('answers a browser GET /graphql and GET /graphiql with the same self-contained page', async () => {
    const landing = await get(`${h.url}/graphql`, { accept: BROWSER_ACCEPT });
    const page = await get(`${h.url}/graphiql`, { accept: BROWSER_ACCEPT });
    expect(landing.status).toBe(200);
    expect(page.status).toBe(200);
    expect(landing.headers['content-type']).toMatch(/^text\/html/);
    expect(landing.text).toBe(page.text);
    expect(page.text).not.toMatch(/apollo|cdn|unpkg|jsdelivr/i);
    expect(referencedUrls(page.text).sort()).toEqual([
      '/graphiql/assets/bootstrap.js',
      '/graphiql/assets/graphiql.min.css',
      '/graphiql/assets/graphiql.min.js',
      '/graphiql/assets/react-dom.production.min.js',
      '/graphiql/assets/react.production.min.js',
      'data:,', // an empty favicon, so the browser asks for none
    ]);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('prefills the headers editor with the given token and the editor with example operations', async () => {
    const { text } = await get(`${h.url}/graphiql`);
    const config = JSON.parse(/<script id="graphiql-config" type="application\/json">(.*?)<\/script>/s.exec(text)![1]!);
    expect(JSON.parse(config.headers)).toEqual({ Authorization: `Bearer ${EMULATOR_SAMPLE_TOKEN}` });
    expect(config.endpoint).toBe('/graphql');
    expect(config.defaultQuery).toMatch(/query BatchedLookups/);
    expect(config.defaultQuery).toMatch(/mutation UpdateWindows/);
  });

  it('serves React, GraphiQL and the styles byte for byte from node_modules', async () => {
    for (const asset of resolveGraphiqlAssets()) {
      const response = await request(`${h.url}/graphiql/assets/${asset.name}`);
      const body = Buffer.from(await response.body.arrayBuffer());
      expect([asset.name, response.statusCode, response.headers['content-type']]).toEqual([asset.name, 200, asset.contentType]);
      expect(body.length).toBe(statSync(asset.path).size);
    }
    const bootstrap = await get(`${h.url}/graphiql/assets/bootstrap.js`);
    expect(bootstrap.text).toContain("'content-type': 'application/json'");
  });

  it('keeps Apollo CSRF prevention: a simple-request POST and a plain GET operation are refused', async () => {
    const textPlain = await postGraphQLBody(h.url, '{"query":"{ __typename }"}', { 'content-type': 'text/plain' });
    expect(textPlain.status).toBe(400);
    expect(textPlain.text).toMatch(/CSRF/);
    const plainGet = await get(`${h.url}/graphql?query=%7B__typename%7D`);
    expect(plainGet.status).toBe(400);
    expect(plainGet.text).toMatch(/CSRF/);
    const json = await h.gql('{ __typename }');
    expect(json.body.data).toEqual({ __typename: 'Query' });
  });

  it('leads GET / to GraphiQL', async () => {
    const root = await get(`${h.url}/`, { accept: BROWSER_ACCEPT });
    expect([root.status, root.headers.location]).toEqual([302, '/graphiql']);
  });

  it('has an example for every query of the schema, and each example runs without errors', async () => {
    const operations = parse(EXAMPLE_OPERATIONS).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const usedRootFields = new Set(operations.flatMap((op) => op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))));
    const { body } = await h.gql('{ __schema { queryType { fields { name } } } }');
    const queries = body.data.__schema.queryType.fields.map((f: { name: string }) => f.name).filter((name: string) => !name.startsWith('_')); // federation's _service/_entities
    expect(queries.filter((name: string) => !usedRootFields.has(name))).toEqual([]);
    for (const operation of operations) {
      const result = await h.gql(print(operation));
      expect([operation.name?.value, result.status, result.body.errors]).toEqual([operation.name?.value, 200, undefined]);
    }
  });

  it('answers introspection by default', async () => {
    const { body } = await h.gql('{ __schema { queryType { name } } }', undefined, { token: null });
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('with INTROSPECTION=false', () => {
  const h = useHarness({ env: { INTROSPECTION: 'false' } });

  it('refuses introspection but still runs operations and serves GraphiQL with a token placeholder', async () => {
    const introspection = await h.gql('{ __schema { queryType { name } } }');
    expect(introspection.body.errors[0].message).toMatch(/introspection is not allowed/i);
    const lookup = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(lookup.body.data.office365ActivationCounts).toEqual({ id: 'proplus' });
    const page = await get(`${h.url}/graphiql`);
    expect(page.text).toContain('Bearer \\u003cyour Graph access token>');
  });
});
