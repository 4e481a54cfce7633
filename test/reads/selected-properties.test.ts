import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { selectedProperties } from '../../src/activation-counts/selected-properties';

/** Runs one document several times, with different variables, and records what `$select` each run would ask for. */
function selectsOf(query: string, runs: Record<string, unknown>[]): string[][] {
  const schema = buildSchema('type E { id: ID!, windows: String, mac: String } type Query { e: E }');
  const seen: string[][] = [];
  schema.getQueryType()!.getFields().e!.resolve = (_s: unknown, _a: unknown, _c: unknown, info: GraphQLResolveInfo) => {
    seen.push([...selectedProperties(info)]);
    return { id: '1' };
  };
  const document = parse(query); // one document, as Apollo's cache hands out
  for (const variableValues of runs) execute({ schema, document, variableValues });
  return seen;
}

describe('$select bookkeeping per field of a cached document', () => {
  it('answers the same properties for every run of the same document', () => {
    expect(selectsOf('{ e { id windows } }', [{}, {}])).toEqual([['id', 'windows'], ['id', 'windows']]);
  });

  it('recomputes when @skip changes which nodes make up the field (never answers too few)', () => {
    const query = 'query ($s: Boolean!) { e { id } e @skip(if: $s) { mac } }';
    expect(selectsOf(query, [{ s: true }, { s: false }, { s: true }])).toEqual([['id'], ['id', 'mac'], ['id']]);
  });
});
