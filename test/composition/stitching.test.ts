import { makeExecutableSchema } from '@graphql-tools/schema';
import { stitchSchemas } from '@graphql-tools/stitch';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { createActivationCountsSubschema } from '../../src/composition/stitching';
import { ActivationCountsMacByIdsDocument } from '../generated/client/graphql';
import { batchItems } from '../support/emulator-log';
import { entityId, manyEntities } from '../support/sample-data';
import { useHarness, TOKEN } from '../support/harness';

/** Another team's schema: devices that know their activation counts' id only. */
const devicesSchema = makeExecutableSchema({
  typeDefs: `
    type Query { devices(count: Int!): [Device!]! }
    type Device { serial: ID!  activationCounts: Office365ActivationCounts! }
    type Office365ActivationCounts { id: ID! }
  `,
  resolvers: {
    Query: {
      devices: (_: unknown, { count }: { count: number }) =>
        Array.from({ length: count }, (_unused, i) => ({ serial: `dev-${i + 1}`, activationCounts: { id: entityId(i + 1) } })),
    },
  },
});

interface StitchContext { authorization?: string }

describe('stitched with @graphql-tools/stitch', () => {
  const h = useHarness({ emulator: { seed: manyEntities(30) } });
  let stitched: GraphQLSchema;

  beforeAll(async () => {
    const activationCounts = await createActivationCountsSubschema<StitchContext>({ endpoint: `${h.url}/graphql` });
    stitched = stitchSchemas({ subschemas: [activationCounts, { schema: devicesSchema }] });
  });
  beforeEach(() => h.emulator.clearLog());

  function run(query: string, context: StitchContext) {
    return execute({ schema: stitched, document: parse(query), contextValue: context }) as Promise<{ data?: any; errors?: readonly { message: string; extensions?: { code?: string } }[] }>;
  }

  it('merges 30 entities through one office365ActivationCountsByIds call: 2 upstream $batch calls', async () => {
    const result = await run('{ devices(count: 30) { serial activationCounts { id productType windows ios } } }', { authorization: TOKEN });
    expect(result.errors).toBeUndefined();
    expect(result.data.devices).toHaveLength(30);
    expect(result.data.devices[29]).toEqual({
      serial: 'dev-30',
      activationCounts: { id: 'e-30', productType: 'Product 30', windows: '1030', ios: String(9007199254740993n + 30n) },
    });
    const upstream = h.emulator.httpRequests();
    expect(upstream.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);
    expect(upstream.flatMap(batchItems)).toHaveLength(30);
    expect(upstream.every((r) => r.headers.authorization === TOKEN)).toBe(true);
  });

  it('passes the stitched schema our root fields, exact Int64 included', async () => {
    // A typed document generated from schema.graphql runs unchanged against the stitched schema.
    const result = await execute({
      schema: stitched,
      document: ActivationCountsMacByIdsDocument,
      variableValues: { ids: ['big-numbers', 'missing'] },
      contextValue: { authorization: TOKEN },
    });
    expect(result.data?.office365ActivationCountsByIds).toEqual([{ id: 'big-numbers', mac: '9223372036854775807' }, null]);
  });

  it('leaves federation internals out of the stitched schema', () => {
    expect(Object.keys(stitched.getQueryType()!.getFields()).filter((name) => name.startsWith('_'))).toEqual([]);
    expect(stitched.getType('_Entity')).toBeUndefined();
  });

  it('forwards no token when the stitching gateway has none: UNAUTHENTICATED, no upstream call', async () => {
    const result = await run('{ devices(count: 3) { serial activationCounts { windows } } }', {});
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });
});
