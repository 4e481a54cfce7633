import { graphError } from '../../emulator/graph-error';
import { useHarness } from '../support/harness';

const RESOURCE = '/reports/office365ActivationCounts';
const READ = '{ office365ActivationCounts(id: "proplus") { id windows } }';
const MUTATION = 'mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 4242 }) { id windows } }';

const throttled = (retryAfter: string) => graphError(429, 'TooManyRequests', 'slow down', { 'retry-after': retryAfter });

describe('upstream retries over real HTTP', () => {
  const h = useHarness({ env: { GRAPH_MAX_RETRIES: '2', GRAPH_TIMEOUT_MS: '4000' } });
  beforeEach(() => {
    h.emulator.faults.clear();
    h.emulator.clearLog();
  });

  it('answers after a 429, having waited the Retry-After seconds and marked the retry with Retry-Attempt', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: throttled('1') } });
    const { body } = await h.gql(READ);
    expect(body).toEqual({ data: { office365ActivationCounts: { id: 'proplus', windows: '9157' } } });
    const [first, second] = h.emulator.httpRequests();
    expect(h.emulator.httpRequests()).toHaveLength(2);
    expect(first!.headers['retry-attempt']).toBeUndefined();
    expect(second!.headers['retry-attempt']).toBe('1');
    // A lower bound only: the retry cannot have been sent before the upstream allowed it.
    expect(second!.receivedAt! - first!.receivedAt!).toBeGreaterThanOrEqual(950);
    // Each attempt is a new request to Graph: a fresh client-request-id.
    expect(second!.headers['client-request-id']).not.toBe(first!.headers['client-request-id']);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: throttled(inTwoSeconds) } });
    const { body } = await h.gql(READ);
    expect(body.data.office365ActivationCounts.id).toBe('proplus');
    const [first, second] = h.emulator.httpRequests();
    // HTTP dates have whole-second precision: at least one second must have passed.
    expect(second!.receivedAt! - first!.receivedAt!).toBeGreaterThanOrEqual(950);
  });

  it('gives THROTTLED with the upstream details once GRAPH_MAX_RETRIES retries are used up', async () => {
    h.emulator.faults.add({ method: 'GET', action: { kind: 'respond', response: throttled('0') } });
    const { status, body } = await h.gql(READ);
    expect(status).toBe(200);
    expect(body.data.office365ActivationCounts).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', upstream: { status: 429, code: 'TooManyRequests', retryAfterSeconds: 0 } });
    // One attempt plus two retries, numbered.
    expect(h.emulator.httpRequests().map((r) => r.headers['retry-attempt'])).toEqual([undefined, '1', '2']);
  });

  it('does not wait for a Retry-After that would end past the operation budget', async () => {
    h.emulator.faults.add({ method: 'GET', action: { kind: 'respond', response: throttled('60') } });
    const { body } = await h.gql(READ);
    expect(body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', upstream: { retryAfterSeconds: 60 } });
    expect(h.emulator.httpRequests()).toHaveLength(1);
  });

  it('retries 503 and 504 without Retry-After using backoff, for reads and for PATCH', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: graphError(503, 'ServiceUnavailable', 'busy') } });
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'respond', response: graphError(504, 'GatewayTimeout', 'slow') } });
    const read = await h.gql(READ);
    expect(read.body.data.office365ActivationCounts.id).toBe('proplus');
    const write = await h.gql(MUTATION);
    expect(write.body).toEqual({ data: { updateOffice365ActivationCounts: { id: 'proplus', windows: '4242' } } });
    const patches = h.emulator.httpRequests().filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([504, 200]);
    // The PATCH body sets absolute values, so resending it cannot double-count; it was applied once.
    expect(patches[0]!.bodyText).toBe(patches[1]!.bodyText);
  });

  it('never retries 500 or 502 (not documented as transient)', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'respond', response: graphError(502, 'BadGateway', 'oops') } });
    const { body } = await h.gql(READ);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { status: 502 } });
    expect(h.emulator.httpRequests()).toHaveLength(1);
  });

  it('retries a read after a connection reset, but never a PATCH (it may have been applied)', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'reset' } });
    const read = await h.gql(READ);
    expect(read.body.data.office365ActivationCounts.id).toBe('proplus');
    expect(h.emulator.httpRequests().filter((r) => r.method === 'GET')).toHaveLength(2);

    h.emulator.clearLog();
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'reset' } });
    const write = await h.gql(MUTATION);
    expect(write.body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(h.emulator.httpRequests().filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('reports a body cut short and a 200 whose body is not JSON as UPSTREAM_ERROR, and keeps serving', async () => {
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'truncate' } });
    const truncated = await h.gql(MUTATION);
    expect(truncated.body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    h.emulator.faults.add({ method: 'GET', path: `${RESOURCE}/proplus`, times: 1, action: { kind: 'malformed' } });
    const malformed = await h.gql(READ);
    expect(malformed.body.errors[0].extensions.code).toBe('UPSTREAM_ERROR');
    expect(malformed.body.errors[0].message).toMatch(/not valid JSON/);
    const healthy = await h.gql(READ);
    expect(healthy.body.data.office365ActivationCounts.id).toBe('proplus');
  });

  it('retries only the throttled items of a $batch, after their Retry-After', async () => {
    h.emulator.faults.add({ transport: 'batch', path: `${RESOURCE}/business`, times: 1, action: { kind: 'respond', response: throttled('0') } });
    const { body } = await h.gql('{ a: office365ActivationCounts(id: "proplus") { id } b: office365ActivationCounts(id: "business") { id } }');
    expect(body).toEqual({ data: { a: { id: 'proplus' }, b: { id: 'business' } } });
    const items = h.emulator.log.filter((r) => r.transport === 'batch').map((r) => r.url.split('?')[0]);
    expect(items.sort()).toEqual([`${RESOURCE}/business`, `${RESOURCE}/business`, `${RESOURCE}/proplus`]);
  });
});
