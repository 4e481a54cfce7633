import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { httpGet } from '../../test/support/graphql-http';
import { pollUntil } from '../../test/support/polling';
import type { EmulatorChildMessage } from './emulator-process';

/** Repository root, from dist-bench/tools/bench/ where this file runs compiled. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** A free loopback port (there is a tiny race before the child binds it; loopback only, fine here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` every 5 ms until `accept(status)`; answers the milliseconds since `startedAt`. */
export async function waitForHttp(url: string, accept: (status: number) => boolean, startedAt: number, timeoutMs = 30_000): Promise<number> {
  const answered = () => httpGet(url).then((answer) => accept(answer.status), () => false); // refused: not listening yet
  const remainingMs = timeoutMs - (performance.now() - startedAt);
  if (!(await pollUntil(answered, { intervalMs: 5, timeoutMs: remainingMs }))) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
  return performance.now() - startedAt;
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Keeps the last few KB of a child's stderr, to explain a failure. */
function tailStderr(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4096);
  });
  return () => tail;
}

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first /health 200. */
  coldStartMs: number;
  stderr(): string;
}

/**
 * `node dist/src/main.js` as `npm start` runs it, pointed at the emulator. Logs go to /dev/null: a log
 * shipper is someone else's CPU, but formatting the lines is the gateway's and stays measured.
 */
export async function startGateway(graphBaseUrl: string, options: { nodeArgs?: string[]; env?: Record<string, string>; distDir?: string } = {}): Promise<GatewayProcess> {
  const distDir = options.distDir ?? join(REPO_ROOT, 'dist');
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(distDir, 'src', 'main.js')], {
    cwd: dirname(distDir),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GRAPH_BASE_URL: graphBaseUrl, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = tailStderr(child);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`gateway exited (${code}) before /health answered:\n${stderr()}`))));
  const coldStartMs = await Promise.race([waitForHttp(`${url}/health`, (s) => s === 200, startedAt), exited]);
  exited.catch(() => undefined);
  return { child, url, coldStartMs, stderr };
}

export interface ProxyProcess {
  child: ChildProcess;
  url: string;
}

export async function startBareProxy(upstreamOrigin: string): Promise<ProxyProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'proxy-process.js')], {
    env: { ...process.env, PORT: String(port), PROXY_UPSTREAM: upstreamOrigin },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // Any answer (the emulator's 404 for "/") means the proxy is listening.
  await waitForHttp(`${url}/`, () => true, performance.now());
  return { child, url };
}

export type EmulatorCounts = Omit<Extract<EmulatorChildMessage, { type: 'counters' }>, 'type'>;

export interface EmulatorProcess {
  child: ChildProcess;
  origin: string;
  /** Upstream HTTP requests served so far (a $batch counts once). */
  graphHttpCount(): Promise<number>;
  /** Every counter the emulator keeps (report requests and 429s included). */
  counts(): Promise<EmulatorCounts>;
}

/** The emulator in its own process; `env` adds variables such as EMULATOR_REPORT_QUOTA_SCALE. */
export function startEmulatorProcess(env: Record<string, string> = {}): Promise<EmulatorProcess> {
  const child = fork(join(__dirname, 'emulator-process.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  const counts = (): Promise<EmulatorCounts> =>
    new Promise((resolve) => {
      const onMessage = (message: EmulatorChildMessage): void => {
        if (message.type !== 'counters') return;
        child.off('message', onMessage);
        const { type: _type, ...values } = message;
        resolve(values);
      };
      child.on('message', onMessage);
      child.send({ type: 'counters' });
    });
  const graphHttpCount = async (): Promise<number> => (await counts()).graphHttp;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before it was ready`)));
    child.on('message', (message: EmulatorChildMessage) => {
      if (message.type === 'ready') resolve({ child, origin: message.origin, graphHttpCount, counts });
    });
  });
}
