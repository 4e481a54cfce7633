import { buildSchema, parse } from 'graphql';
import { createPlanCache } from '../../src/execution/compiled-plans';

const schema = buildSchema('type Item { id: ID! } type Query { item(id: ID!): Item, _entities: [Item] }');
const requestFor = (source: string, queryHash = source) => ({ source, queryHash, document: parse(source), operationName: null });

describe('the plans of compiled execution', () => {
  it('runs an operation once on graphql-js, then compiles it and keeps the compiled plan', () => {
    const planFor = createPlanCache(schema);
    const request = requestFor('{ item(id: "a") { id } }');
    expect(planFor(request).compiled).toBeUndefined(); // first run: a one-off document never compiles
    const compiled = planFor(request).compiled;
    expect(compiled).toBeDefined();
    expect(planFor(request).compiled).toBe(compiled); // compiled once, then taken from the cache
  });

  it.each([
    ['{ __schema { queryType { name } } }'], // introspection stays graphql-js's
    ['{ _entities { id } }'], // federation's entities, whose bad items graphql-jit answers differently
  ])('never compiles %s', (source) => {
    const planFor = createPlanCache(schema, { runsBeforeCompiling: 0 });
    expect(planFor(requestFor(source)).compiled).toBeUndefined();
    expect(planFor(requestFor(source)).compiled).toBeUndefined();
  });

  it('never compiles an operation longer than an eighth of the cache', () => {
    const planFor = createPlanCache(schema, { maxSourceChars: 320, runsBeforeCompiling: 0 });
    expect(planFor(requestFor('{ item(id: "a") { id } }')).compiled).toBeDefined(); // 24 characters, within 320/8
    expect(planFor(requestFor('{ a: item(id: "a") { id } b: item(id: "b") { id } }')).compiled).toBeUndefined(); // 51 > 320/8
  });

  it('keys plans by document hash and operation name', () => {
    const planFor = createPlanCache(schema, { runsBeforeCompiling: 0 });
    const source = 'query A { item(id: "a") { id } } query B { item(id: "b") { id } }';
    const a = planFor({ ...requestFor(source), operationName: 'A' }).compiled;
    const b = planFor({ ...requestFor(source), operationName: 'B' }).compiled;
    expect(a).toBeDefined();
    expect(b).not.toBe(a);
    expect(planFor({ ...requestFor(source), operationName: 'A' }).compiled).toBe(a);
  });
});
