import { connect } from 'node:net';
import { Agent } from 'undici';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { spawnGateway, type GatewayProcess } from '../support/gateway-process';
import { httpGet, postGraphQL } from '../support/graphql-http';
import { findSecretLeaks } from '../support/log-scan';
import { pollUntil } from '../support/polling';

const TOKEN = 'Bearer shutdown-test-token-1234';

describe('graceful shutdown of the real process', () => {
  let emulator: Emulator;
  let gateway: GatewayProcess | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    if (gateway && gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    await emulator.close();
  });

  it('on SIGTERM stops accepting, lets the in-flight mutation complete, then exits 0', async () => {
    emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'delay', ms: 1_500 } });
    gateway = spawnGateway({ PORT: '0', GRAPH_BASE_URL: emulator.baseUrl('v1.0'), SHUTDOWN_TIMEOUT_MS: '10000' });
    const url = await gateway.url;

    const mutation = postGraphQL(url, { query: 'mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 31337 }) { id windows } }' }, { authorization: TOKEN })
      .then((r) => ({ status: r.status, connection: r.headers.connection, body: JSON.parse(r.text) as any }));
    await pollUntil(() => emulator.httpRequests().some((r) => r.method === 'PATCH'), { attempts: 500, intervalMs: 10 });
    expect(emulator.httpRequests().some((r) => r.method === 'PATCH')).toBe(true);

    gateway.child.kill('SIGTERM');
    // Give the signal a moment to land, then a new connection must be refused (or answered 503).
    await new Promise((r) => setTimeout(r, 200));
    const fresh = new Agent();
    const late = await httpGet(`${url}/health`, {}, { dispatcher: fresh }).then((r) => r.status, (e: unknown) => (e as { code?: string }).code);
    await fresh.close();
    expect([503, 'ECONNREFUSED']).toContain(late);

    const answer = await mutation;
    // `Connection: close` lets the client's keep-alive socket go at once, so the process need not wait for it.
    expect(answer).toEqual({ status: 200, connection: 'close', body: { data: { updateOffice365ActivationCounts: { id: 'proplus', windows: '31337' } } } });
    expect(emulator.store.get('proplus')!.windows).toBe(31337n);
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).toContain('SIGTERM received: finishing in-flight requests, then exiting');
    // The real process's logs (JSON on stdout) never show the token either.
    expect(findSecretLeaks(gateway.output().split('\n'), [TOKEN])).toEqual([]);
  }, 30_000);

  it('on SIGTERM exits promptly when a client holds a connection it never sent a byte on', async () => {
    // close() used to wait 10 s for such a socket (node's check of requests whose headers never came).
    gateway = spawnGateway({ PORT: '0', GRAPH_BASE_URL: emulator.baseUrl('v1.0'), SHUTDOWN_TIMEOUT_MS: '15000' });
    const { port } = new URL(await gateway.url);
    const silent = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve, reject) => silent.once('connect', resolve).once('error', reject));
    const closedByServer = new Promise<void>((resolve) => silent.once('close', () => resolve()));
    silent.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    await closedByServer;
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('on SIGINT with nothing in flight exits 0 promptly', async () => {
    gateway = spawnGateway({ PORT: '0', GRAPH_BASE_URL: emulator.baseUrl('v1.0') });
    const url = await gateway.url;
    const health = await httpGet(`${url}/health`);
    expect(health.status).toBe(200);
    gateway.child.kill('SIGINT');
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).toContain('SIGINT received');
  }, 30_000);
});
