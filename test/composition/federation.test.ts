import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { request } from 'undici';
import { batchItems } from '../support/emulator-log';
import { entityId, manyEntities } from '../support/sample-data';
import { startHarness, TOKEN, type Harness } from '../support/harness';

/** A second subgraph, as another team would write it: licences that point at our entity by id. */
const LICENCES_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { licences(count: Int!): [Licence!]! }
  type Licence @key(fields: "sku") { sku: ID!  seats: Int!  activationCounts: Office365ActivationCounts! }
  type Office365ActivationCounts @key(fields: "id", resolvable: false) { id: ID! }
`);

const licencesResolvers = {
  Query: {
    licences: (_: unknown, { count }: { count: number }) =>
      Array.from({ length: count }, (_unused, i) => ({ sku: `sku-${i + 1}`, seats: i + 1, activationCounts: { id: entityId(i + 1) } })),
  },
};

const silent = { debug() {}, info() {}, warn() {}, error() {} };

interface RouterContext { authorization?: string }

describe('composed into a federated graph with @apollo/gateway', () => {
  let h: Harness;
  let licences: ApolloServer;
  let router: ApolloServer<RouterContext>;
  let routerUrl: string;

  beforeAll(async () => {
    h = await startHarness({ emulator: { seed: manyEntities(50) } });
    licences = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs: LICENCES_SDL, resolvers: licencesResolvers }]), logger: silent });
    const { url: licencesUrl } = await startStandaloneServer(licences, { listen: { port: 0, host: '127.0.0.1' } });
    const gateway = new ApolloGateway({
      logger: silent,
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: [
          { name: 'activation-counts', url: `${h.url}/graphql` },
          { name: 'licences', url: licencesUrl },
        ],
      }),
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<RouterContext>({
          url,
          // The caller's token goes to the subgraph that reads Graph with it; composition's own
          // `_service` query has no caller and needs none.
          willSendRequest({ request: subgraphRequest, context }) {
            if (context.authorization) subgraphRequest.http?.headers.set('authorization', context.authorization);
          },
        }),
    });
    router = new ApolloServer<RouterContext>({ gateway, logger: silent });
    ({ url: routerUrl } = await startStandaloneServer(router, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => ({ authorization: req.headers.authorization }),
    }));
  });
  afterAll(async () => {
    await router?.stop();
    await licences?.stop();
    await h?.close();
  });
  beforeEach(() => h.emulator.clearLog());

  async function routerQuery(query: string, authorization?: string) {
    const response = await request(routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.body.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  it('resolves 50 references from another subgraph with the batching minimum of 3 upstream calls', async () => {
    const body = await routerQuery('{ licences(count: 50) { sku seats activationCounts { id productType windows ios } } }', TOKEN);
    expect(body.errors).toBeUndefined();
    expect(body.data.licences).toHaveLength(50);
    expect(body.data.licences[0]).toEqual({
      sku: 'sku-1', seats: 1,
      activationCounts: { id: 'e-01', productType: 'Product 1', windows: '1001', ios: String(9007199254740993n + 1n) },
    });
    expect(body.data.licences[49].activationCounts.windows).toBe('1050');
    const upstream = h.emulator.httpRequests();
    expect(upstream.map((r) => `${r.method} ${r.url}`)).toEqual(Array(Math.ceil(50 / 20)).fill('POST /v1.0/$batch'));
    expect(upstream.flatMap(batchItems)).toHaveLength(50);
    // The router forwarded the caller's token, and our subgraph used it upstream.
    expect(upstream.every((r) => r.headers.authorization === TOKEN)).toBe(true);
  });

  it('serves our own root fields through the router too, Int64 exact', async () => {
    const body = await routerQuery('{ office365ActivationCounts(id: "big-numbers") { windows mac android } }', TOKEN);
    expect(body.data.office365ActivationCounts).toEqual({ windows: '9007199254740993', mac: '9223372036854775807', android: '-9223372036854775808' });
  });

  it('answers UNAUTHENTICATED through the router when the caller sends no token, without an upstream call', async () => {
    const body = await routerQuery('{ licences(count: 2) { sku activationCounts { windows } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });
});
