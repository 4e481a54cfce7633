import { graphError } from '../../emulator/graph-error';
import { tokenHash } from '../../src/security/token-hash';
import { findSecretLeaks } from '../support/log-scan';
import { postGraphQLBody } from '../support/graphql-http';
import { useHarness } from '../support/harness';

const SWEEP_TOKEN = 'Bearer sweep-secret-9f8e7d6c5b4a';
const READ = '{ office365ActivationCounts(id: "proplus") { id windows } }';
const MUTATION = 'mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 5 }) { id } }';

describe('the secret scan itself', () => {
  it('finds a planted token, its SHA-256, a planted bearer value, and nothing in clean or redacted lines', () => {
    const hash = tokenHash('sweep-secret-9f8e7d6c5b4a');
    const lines = ['{"msg":"ok"}', '{"authorization":"[redacted]"}', '{"msg":"token sweep-secret-9f8e7d6c5b4a"}', '{"h":"Bearer eyJhbGciOi"}', `{"key":"caller:${hash}"}`];
    expect(findSecretLeaks(lines, [SWEEP_TOKEN]).map((l) => l.match)).toEqual(['sweep-secret-9f8e7d6c5b4a', 'Bearer eyJhbGciOi', hash]);
  });
});

describe('no log line ever shows the Authorization header, at trace level, across every kind of scenario', () => {
  const h = useHarness({ env: { LOG_LEVEL: 'trace', GRAPH_MAX_RETRIES: '1', GRAPH_TIMEOUT_MS: '300' } });

  const as = (query: string) => h.gql(query, undefined, { token: SWEEP_TOKEN });
  const respond = (method: string, status: number, code: string, headers: Record<string, string> = {}) =>
    h.emulator.faults.add({ method, times: 1, action: { kind: 'respond', response: graphError(status, code, `simulated ${status}`, headers) } });

  it('logs requests and failures with the token censored', async () => {
    await as(READ); // success
    await as(MUTATION); // success, write
    await as('{ a: office365ActivationCounts(id: "proplus") { id } b: office365ActivationCounts(id: "visio") { id } }'); // $batch
    for (const [status, code] of [[400, 'BadRequest'], [401, 'InvalidAuthenticationToken'], [403, 'Forbidden'], [404, 'ResourceNotFound'], [409, 'Conflict'], [412, 'PreconditionFailed'], [500, 'InternalServerError'], [502, 'BadGateway']] as const) {
      respond('PATCH', status, code);
      await as(MUTATION); // every upstream error code
    }
    respond('GET', 429, 'TooManyRequests', { 'retry-after': '0' });
    respond('GET', 429, 'TooManyRequests', { 'retry-after': '0' });
    await as(READ); // retried, then THROTTLED
    respond('GET', 503, 'ServiceUnavailable');
    await as(READ); // retried, then success
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'hang' } });
    await as(MUTATION); // UPSTREAM_TIMEOUT
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'reset' } });
    await as(MUTATION); // network failure
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'malformed' } });
    await as(READ); // malformed body
    await as('{ office365ActivationCounts(id: "..") { id } }'); // bad id
    await as('mutation { updateOffice365ActivationCounts(id: "x", input: { windows: 1.5 }) { id } }'); // bad scalar
    await as('{ office365ActivationCounts(id: "x") { id '); // syntax error
    await as(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ')} }`); // limits
    await h.gql(READ, undefined, { token: 'Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M=' }); // not a bearer token
    await as('{ office365ActivationCountsReport { productType } }'); // redirect to the download origin
    await postGraphQLBody(h.url, 'x'.repeat(300_000), { 'content-type': 'application/json', authorization: SWEEP_TOKEN }); // 413
    await postGraphQLBody(h.url, '{', { 'content-type': 'application/json', authorization: SWEEP_TOKEN }); // 400

    // A future log call that includes the request, its headers, an error carrying them or a header
    // nested under another name is censored (security/log-redaction.ts), and the logged objects stay as they were.
    const logged = { req: { headers: { authorization: SWEEP_TOKEN } }, headers: { authorization: SWEEP_TOKEN }, authorization: SWEEP_TOKEN, nested: { headers: { Cookie: SWEEP_TOKEN } } };
    h.gateway.app.log.info(logged, 'redaction probe');
    expect(logged.nested.headers.Cookie).toBe(SWEEP_TOKEN);
    h.gateway.app.log.error({ err: Object.assign(new Error('upstream refused'), { headers: { authorization: SWEEP_TOKEN } }) }, 'error probe');
    h.gateway.app.log.info({ upstream: { 'Proxy-Authorization': SWEEP_TOKEN } }, 'proxy probe');

    expect(h.logs.length).toBeGreaterThan(50);
    const probe = h.logs.find((l) => l.includes('redaction probe'))!;
    // (`req` goes through Fastify's request serializer, which keeps no headers at all.)
    expect(JSON.parse(probe)).toMatchObject({ headers: { authorization: '[redacted]' }, authorization: '[redacted]', nested: { headers: { Cookie: '[redacted]' } } });
    expect(JSON.parse(h.logs.find((l) => l.includes('error probe'))!)).toMatchObject({ err: { message: 'upstream refused', type: 'Error', headers: { authorization: '[redacted]' } } });
    expect(JSON.parse(h.logs.find((l) => l.includes('proxy probe'))!)).toMatchObject({ upstream: { 'Proxy-Authorization': '[redacted]' } });
    expect(findSecretLeaks(h.logs, [SWEEP_TOKEN, 'Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M=', 'c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M='])).toEqual([]);
  });
});
