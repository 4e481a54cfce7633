import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface GatewayProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT, from the start banner. */
  url: Promise<string>;
  /** Exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
}

/**
 * Starts the real entry point (src/main.ts) as its own process, compiled in memory by swc
 * (scripts/swc-register.js), so tests and the soak need no `npm run build` first.
 */
export function spawnGateway(env: Record<string, string>, options: { keepOutput?: boolean } = {}): GatewayProcess {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'swc-register.js'), join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = options.keepOutput ?? true;
  let text = '';
  let ready = false;
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      // A long run may not keep every line; the banner is always kept.
      if (keep || !ready) text += chunk.toString('utf8');
      const banner = ready ? null : /ready at (http:\/\/\S+)\/graphql/.exec(text);
      if (banner) {
        ready = true;
        resolve(banner[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}) before it was ready:\n${text}`)));
  });
  url.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => text };
}
