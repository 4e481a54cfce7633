import { ApolloServer } from '@apollo/server';
import { buildSchema, printSchema } from 'graphql';
import { passApolloRequestContextTo } from '../../src/execution/apollo-request-passthrough';

const schema = buildSchema('type Query { hello: String }');

/** An Apollo Server whose gateway executor records the keys of the request object it receives. */
async function serverWithRecordingExecutor(passthrough: boolean): Promise<{ server: ApolloServer; seen: string[][] }> {
  const seen: string[][] = [];
  const executor = async (request: object) => {
    seen.push(Object.keys(request));
    return { data: { hello: 'world' } };
  };
  if (passthrough) expect(passApolloRequestContextTo(executor)).toBe(true); // false: Apollo's layout changed, see the module
  const gateway = {
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate: (callback: (s: { apiSchema: typeof schema; coreSupergraphSdl: string }) => void) => {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: async () => undefined,
  };
  const server = new ApolloServer({ gateway });
  await server.start();
  return { server, seen };
}

describe("Apollo's request context for our gateway executor", () => {
  it('hands a registered executor Apollo\'s own request context, not the per-request gateway copy', async () => {
    const { server, seen } = await serverWithRecordingExecutor(true);
    const response = await server.executeOperation({ query: '{ hello }' }, { contextValue: { caller: 'c' } });
    expect(response.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'world' } } });
    expect(seen[0]).toEqual(expect.arrayContaining(['contextValue', 'document', 'operation', 'queryHash', 'source']));
    expect(seen[0]).not.toContain('context'); // the copy's name for the context
    await server.stop();
  });

  it('leaves any other gateway executor with the copy Apollo makes for it', async () => {
    const { server, seen } = await serverWithRecordingExecutor(false);
    await server.executeOperation({ query: '{ hello }' }, { contextValue: { caller: 'c' } });
    expect(seen[0]).toContain('context');
    expect(seen[0]).not.toContain('contextValue');
    await server.stop();
  });
});
