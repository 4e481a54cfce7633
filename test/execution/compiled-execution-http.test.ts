import { ConfigError, loadConfig } from '../../src/config';
import { useHarness } from '../support/harness';

// GRAPHQL_EXECUTION=compiled (the default) runs operations through graphql-jit from their second run;
// the same answers as graphql-js are expected end to end, so each case is sent twice (the executor's
// own cases are in compiled-execution.test.ts).
describe.each(['graphql-js', 'compiled'])('GRAPHQL_EXECUTION=%s over HTTP', (execution) => {
  // The default compile rule (the harness compiles from the first run): graphql-js first, compiled second.
  const h = useHarness({ env: { GRAPHQL_EXECUTION: execution }, deps: { compiledExecution: {} } });
  /** The second answer (the compiled run), after checking the first (graphql-js's) is the same but for its request id. */
  const gqlTwice = async (query: string, variables?: Record<string, unknown>) => {
    const [first, second] = [await h.gql(query, variables), await h.gql(query, variables)];
    const withoutRequestIds = (answer: { status: number; body: unknown }) => JSON.stringify(answer.body, (key, value: unknown) => (key === 'requestId' ? undefined : value)) + ` ${answer.status}`;
    expect(withoutRequestIds(second)).toBe(withoutRequestIds(first));
    return second;
  };

  it('answers aliased reads in one $batch, exact Int64 strings, null for a missing entity', async () => {
    const { status, body } = await gqlTwice('{ a: office365ActivationCounts(id: "big-numbers") { id windows android } b: office365ActivationCounts(id: "missing-entity") { id } c: office365ActivationCounts(id: "proplus") { windows } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { a: { id: 'big-numbers', windows: '9007199254740993', android: '-9223372036854775808' }, b: null, c: { windows: '9157' } } });
  });

  it('keeps an error on its field, with its path and code, and the rest of the data', async () => {
    const { body } = await gqlTwice('{ ok: office365ActivationCounts(id: "proplus") { id } bad: office365ActivationCounts(id: "..") { id } }');
    expect(body.data).toEqual({ ok: { id: 'proplus' }, bad: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].path).toEqual(['bad']);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a bad variable before execution, as graphql-js does', async () => {
    h.emulator.clearLog();
    const { status, body } = await gqlTwice('mutation ($w: BigInt!) { updateOffice365ActivationCounts(id: "proplus", input: { windows: $w }) { id } }', { w: 1.5 });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(h.emulator.httpRequests()).toEqual([]);
  });
});

it('refuses an unknown GRAPHQL_EXECUTION, naming the choices', () => {
  expect(() => loadConfig({ GRAPHQL_EXECUTION: 'jit' })).toThrow(ConfigError);
  expect(() => loadConfig({ GRAPHQL_EXECUTION: 'jit' })).toThrow('GRAPHQL_EXECUTION="jit": expected one of compiled, graphql-js');
});
