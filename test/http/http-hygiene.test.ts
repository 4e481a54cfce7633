import { connect, type Socket } from 'node:net';
import { request } from 'undici';
import { startHarness, TOKEN, type Harness } from '../support/harness';

/** Opens a raw socket to the gateway; `closed` settles with whatever the server wrote before closing. */
function rawSocket(url: string): { socket: Socket; connected: Promise<void>; closed: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk) => void (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return { socket, connected, closed };
}

describe('HTTP timeouts and connection cap', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { GRAPH_TIMEOUT_MS: '1000', MAX_OPERATION_WAIT_MS: '400', HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_CONNECTION_TIMEOUT_MS: '1500', MAX_CONNECTIONS: '3' } });
  });
  afterAll(() => h.close());

  it('answers 408 and closes a POST whose body trickles in (slowloris)', async () => {
    const raw = rawSocket(h.url);
    await raw.connected;
    raw.socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ${TOKEN}\r\nContent-Length: 1000\r\n\r\n`);
    // One byte every 200 ms: never idle long enough for the connection timeout, only the request timeout ends it.
    const trickle = setInterval(() => raw.socket.write('{'), 200);
    const received = await raw.closed;
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection that sends nothing', async () => {
    const raw = rawSocket(h.url);
    await raw.connected;
    // Node answers 408 to a connection whose headers never come, or just closes it.
    expect(await raw.closed).toMatch(/^(HTTP\/1\.1 408 .*)?$/s);
  });

  it('closes connections beyond MAX_CONNECTIONS on arrival, and serves again once they are gone', async () => {
    const open = [rawSocket(h.url), rawSocket(h.url), rawSocket(h.url)];
    await Promise.all(open.map((s) => s.connected));
    // Each holds a request in progress, so none is idle-closed while the fourth arrives.
    for (const s of open) s.socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = rawSocket(h.url);
    extra.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await extra.closed).toBe('');
    for (const s of open) s.socket.destroy();
    await Promise.all(open.map((s) => s.closed));
    const health = await request(`${h.url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.text();
  });
});

describe('request ids and log lines', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { LOG_LEVEL: 'info' } });
  });
  afterAll(() => h.close());

  async function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: any }> {
    const response = await request(`${h.url}${path}`, { method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body });
    return { status: response.statusCode, body: JSON.parse(await response.body.text()) };
  }

  it.each<[string, string, { method?: string; headers?: Record<string, string>; body?: string }, number]>([
    ['a CSRF refusal (GET without a preflight header)', '/graphql?query=%7B__typename%7D', { method: 'GET' }, 400],
    ['a CSRF refusal (text/plain POST)', '/graphql', { headers: { 'content-type': 'text/plain' }, body: '{"query":"{__typename}"}' }, 400],
    ['a body without a query', '/graphql', { headers: { 'content-type': 'application/json' }, body: '{}' }, 400],
    ['variables that are not an object', '/graphql', { headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }","variables":5}' }, 400],
    ['a parse error', '/graphql', { headers: { 'content-type': 'application/json' }, body: '{"query":"{ x("}' }, 400],
    ['a validation error', '/graphql', { headers: { 'content-type': 'application/json' }, body: '{"query":"{ nope }"}' }, 400],
    ['a 413', '/graphql', { headers: { 'content-type': 'application/json' }, body: `{"query":"${'x'.repeat(300_000)}"}` }, 413],
    ['a 415', '/graphql', { headers: { 'content-type': 'application/xml', 'apollo-require-preflight': 'true' }, body: '<q/>' }, 415],
  ])('puts requestId on %s', async (_what, path, init, status) => {
    const answer = await send(path, init);
    expect(answer.status).toBe(status);
    expect(answer.body.errors.length).toBeGreaterThan(0);
    for (const error of answer.body.errors) expect(error.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts requestId on an unknown route', async () => {
    const answer = await send('/nowhere', { method: 'GET' });
    expect(answer.status).toBe(404);
    expect(answer.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a GET operation\'s variables and extensions out of the log lines', async () => {
    h.logs.splice(0);
    const query = encodeURIComponent('query($id: ID!) { office365ActivationCounts(id: $id) { id } }');
    const variables = encodeURIComponent(JSON.stringify({ id: 'personal-value-123' }));
    const extensions = encodeURIComponent(JSON.stringify({ note: 'extension-value-456' }));
    const response = await request(`${h.url}/graphql?query=${query}&variables=${variables}&%65xtensions=${extensions}`, { headers: { authorization: TOKEN, 'apollo-require-preflight': 'true' } });
    await response.body.text();
    const completed = h.logs.find((line) => line.includes('request completed'));
    expect(completed).toBeDefined();
    expect(completed).toContain('variables=[');
    expect(completed).toContain('chars omitted]');
    expect(h.logs.join('\n')).not.toContain('personal-value-123');
    expect(h.logs.join('\n')).not.toContain('extension-value-456');
  });
});
