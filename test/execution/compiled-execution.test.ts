import { execute, GraphQLError, parse, validate, buildSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compiledExecutionGateway } from '../../src/execution/compiled-execution';
import { BigIntScalar } from '../../src/scalars/bigint.scalar';
import { DateScalar } from '../../src/scalars/date.scalar';

/** A schema that exercises what the gateway relies on: errors in fields and list items, non-null, custom scalars, context. */
function testSchema(): GraphQLSchema {
  const schema = buildSchema(`
    scalar BigInt
    scalar Date
    type Item { id: ID!, count: BigInt, day: Date, required: String! }
    type Query {
      item(id: ID!): Item
      items(ids: [ID!]!): [Item]
      failing: Item
      caller: String
      count(value: BigInt!): BigInt
    }
  `);
  Object.assign(schema.getType('BigInt')!, { serialize: BigIntScalar.serialize, parseValue: BigIntScalar.parseValue, parseLiteral: BigIntScalar.parseLiteral });
  Object.assign(schema.getType('Date')!, { serialize: DateScalar.serialize, parseValue: DateScalar.parseValue, parseLiteral: DateScalar.parseLiteral });
  const item = (id: string) =>
    id === 'bad-field'
      ? { id, count: new GraphQLError('Upstream entity "bad-field": count: not a number', { extensions: { code: 'UPSTREAM_ERROR' } }), day: '2021-02-28', required: 'x' }
      : id === 'null-required'
        ? { id, count: 1n, day: null, required: null }
        : { id, count: 9223372036854775807n, day: '2024-02-29', required: 'x' };
  const fields = (schema.getQueryType()!.getFields());
  fields.item!.resolve = async (_: unknown, { id }: { id: string }) => (id === 'missing' ? null : item(id));
  fields.items!.resolve = async (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => (id === 'error' ? new GraphQLError('item failed', { extensions: { code: 'NOT_FOUND' } }) : id === 'missing' ? null : item(id)));
  fields.failing!.resolve = async () => {
    throw new GraphQLError('upstream down', { extensions: { code: 'UPSTREAM_ERROR', upstream: { status: 503 } } });
  };
  fields.caller!.resolve = (_: unknown, __: unknown, context: { caller: string }) => context.caller;
  fields.count!.resolve = (_: unknown, { value }: { value: bigint }) => value;
  return schema;
}

/** The executor's answer and graphql-js's for the same operation, both as the JSON a client receives. */
async function both(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}, maxSourceChars?: number): Promise<[string, string]> {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions[0] as never;
  const { executor } = await compiledExecutionGateway(schema, { maxSourceChars, runsBeforeCompiling: 0 }).load({ apollo: {} as never });
  const context = { caller: 'caller-1' };
  const request = { request: { query, variables }, document, source: query, queryHash: query, operationName: null, operation, context } as never;
  const compiled = await executor!(request);
  const reference = (await execute({ schema, document, contextValue: context, variableValues: variables })) as ExecutionResult;
  // Empty extensions ({} from graphql-js, absent from graphql-jit) read alike: Apollo adds the code to both.
  const extensionsOf = (e: GraphQLError) => (e.extensions && Object.keys(e.extensions).length > 0 ? e.extensions : undefined);
  const asJson = (result: ExecutionResult) => JSON.stringify({ data: result.data, errors: result.errors?.map((e) => ({ message: e.message, path: e.path, locations: e.locations, extensions: extensionsOf(e) })) });
  return [asJson(compiled as ExecutionResult), asJson(reference)];
}

describe('compiled execution answers exactly as graphql-js', () => {
  const schema = testSchema();

  it('answers an operation from its cache the second time, with the same result', async () => {
    const { executor } = await compiledExecutionGateway(schema, { runsBeforeCompiling: 0 }).load({ apollo: {} as never });
    const query = '{ item(id: "a") { id count } }';
    const document = parse(query);
    const request = { request: { query }, document, source: query, queryHash: 'h', operationName: null, operation: document.definitions[0], context: {} } as never;
    const first = JSON.stringify(await executor!(request));
    expect(JSON.stringify(await executor!(request))).toBe(first);
    expect(first).toBe('{"data":{"item":{"id":"a","count":"9223372036854775807"}}}');
  });

  it.each([
    ['{ item(id: "a") { id count day required } }', {}], // every scalar, Int64 beyond 2^53 kept exact
    ['{ item(id: "missing") { id } }', {}], // a nullable field resolving to null
    ['{ item(id: "bad-field") { id count day } }', {}], // an Error stored in a field: that field's error, with its extensions
    ['{ item(id: "null-required") { id required } }', {}], // null in a non-null field: the parent becomes null, with the path
    ['{ items(ids: ["a", "error", "missing", "bad-field"]) { id count } }', {}], // list items: an error and a null by index
    ['{ failing { id } ok: item(id: "a") { id } }', {}], // a resolver throwing: its error, the sibling stays data
    ['{ caller }', {}], // the context reaches resolvers
    ['{ __typename a: item(id: "a") { __typename id } }', {}], // __typename
    ['query ($v: BigInt!) { count(value: $v) }', { v: '9223372036854775807' }], // a variable through the scalar
    ['query ($v: BigInt!) { count(value: $v) }', { v: 1.5 }], // a bad variable: graphql-js's coercion message
    ['query ($v: BigInt!) { count(value: $v) }', {}], // a missing non-null variable
    ['{ __schema { queryType { name } } }', {}], // introspection (run on graphql-js)
  ])('%s', async (query, variables) => {
    const [compiled, reference] = await both(schema, query, variables);
    expect(compiled).toBe(reference);
  });

  it('answers alike when an operation is too long for the cache of compiled operations (graphql-js runs it)', async () => {
    const [compiled, reference] = await both(schema, '{ items(ids: ["a", "error"]) { id count } }', {}, 80);
    expect(compiled).toBe(reference);
  });
});
