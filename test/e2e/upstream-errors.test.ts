import { graphError } from '../../emulator/graph-error';
import { useHarness, TOKEN } from '../support/harness';

const MUTATION = 'mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 1 }) { id } }';
const QUERY = '{ office365ActivationCounts(id: "proplus") { id } }';

describe('upstream errors map to GraphQL error codes', () => {
  // No retries here: a 429 or 503 must surface as it is (retries are tested elsewhere).
  const h = useHarness({ env: { GRAPH_MAX_RETRIES: '0', GRAPH_TIMEOUT_MS: '400' } });
  beforeEach(() => {
    h.emulator.faults.clear();
    h.emulator.clearLog();
  });

  it.each<[number, string, string]>([
    [400, 'BadRequest', 'BAD_USER_INPUT'],
    [401, 'InvalidAuthenticationToken', 'UNAUTHENTICATED'],
    [403, 'Authorization_RequestDenied', 'FORBIDDEN'],
    [404, 'ResourceNotFound', 'NOT_FOUND'],
    [409, 'Conflict', 'CONFLICT'],
    [412, 'PreconditionFailed', 'CONFLICT'],
    [429, 'TooManyRequests', 'THROTTLED'],
    [500, 'InternalServerError', 'UPSTREAM_ERROR'],
    [502, 'BadGateway', 'UPSTREAM_ERROR'],
    [503, 'ServiceUnavailable', 'UPSTREAM_ERROR'],
    [504, 'GatewayTimeout', 'UPSTREAM_ERROR'],
  ])('PATCH answered %i %s → %s with status, Graph code and request-id', async (status, graphCode, code) => {
    const answer = graphError(status, graphCode, `simulated ${status}`, status === 429 ? { 'retry-after': '7' } : {});
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'respond', response: answer } });
    const { status: httpStatus, body } = await h.gql(MUTATION);
    expect(httpStatus).toBe(200);
    expect(body.data).toBeNull();
    const [error] = body.errors;
    expect(error.extensions.code).toBe(code);
    expect(error.extensions.upstream).toEqual({
      status,
      code: graphCode,
      requestId: answer.headers['request-id'],
      ...(status === 429 ? { retryAfterSeconds: 7 } : {}),
    });
    expect(error.message).toContain(`${status} ${graphCode}: simulated ${status}`);
    expect(error.extensions.requestId).toEqual(expect.any(String));
    // Never the token, never request headers, never a stack trace outside development.
    expect(JSON.stringify(body)).not.toContain(TOKEN.slice('Bearer '.length));
    expect(error.extensions.stacktrace).toBeUndefined();
    expect(error.extensions.headers).toBeUndefined();
  });

  it('a read answered 404 is null, not an error; other read failures are field errors with codes', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: graphError(403, 'Forbidden', 'nope') } });
    const denied = await h.gql(QUERY);
    expect(denied.body.data).toEqual({ office365ActivationCounts: null });
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(denied.body.errors[0].path).toEqual(['office365ActivationCounts']);
  });

  it('an upstream that never answers gives UPSTREAM_TIMEOUT within the budget', async () => {
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'hang' } });
    const started = Date.now();
    const { body } = await h.gql(MUTATION);
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_TIMEOUT');
    expect(body.errors[0].message).toMatch(/within the operation's budget of 400 ms \(GRAPH_TIMEOUT_MS\)/);
    // Generous bound: this proves the deadline cut the wait, not how fast the machine is.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an error answer with a body that is not JSON still maps by status', async () => {
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'respond', response: { status: 502, headers: { 'content-type': 'text/html' }, rawBody: '<html>Bad gateway</html>' } } });
    const { body } = await h.gql(MUTATION);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 502 } });
    expect(body.errors[0].message).toContain('502 HTTP 502');
  });

  it('a success answer with a malformed body is UPSTREAM_ERROR naming the problem', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: { status: 200, headers: { 'content-type': 'application/json' }, rawBody: '{"id":"proplus","windows":12' } } });
    const { body } = await h.gql(QUERY);
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toMatch(/not valid JSON/);
  });

  it('a connection reset is UPSTREAM_ERROR, and the gateway keeps serving', async () => {
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'reset' } });
    const { body } = await h.gql(MUTATION);
    expect(body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(body.errors[0].message).toMatch(/Could not reach the upstream/);
    const after = await h.gql(QUERY);
    expect(after.body.data.office365ActivationCounts).toEqual({ id: 'proplus' });
  });
});
