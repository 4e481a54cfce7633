import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { request } from 'undici';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { spawnGateway } from '../support/gateway-process';
import { startOtlpReceiver } from '../support/otlp-receiver';

const ROOT = join(__dirname, '..', '..');
const EMULATOR_DIR = join(ROOT, 'emulator') + sep;
const OPENTELEMETRY_DIR = join(ROOT, 'node_modules', '@opentelemetry') + sep;
const HOOK = join(__dirname, '..', 'support', 'record-loaded-modules.js');

/** Runs the real entry (src/main.ts) with `env`, sends one query, stops it, and answers every file it loaded. */
async function modulesLoadedBy(env: Record<string, string>, dir: string): Promise<string[]> {
  const file = join(dir, `loaded-${Object.keys(env).join('-') || 'none'}.txt`);
  const { GRAPH_BASE_URL: _inherited, ...rest } = process.env;
  const gateway = spawnGateway({ ...(rest as Record<string, string>), PORT: '0', LOG_LEVEL: 'silent', NODE_OPTIONS: `--require ${HOOK}`, LOADED_MODULES_FILE: file, ...env });
  try {
    const url = await gateway.url;
    const response = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer import-graph-token' },
      body: JSON.stringify({ query: '{ office365ActivationCounts(id: "proplus") { id windows } }' }),
    });
    expect(JSON.parse(await response.body.text()).data.office365ActivationCounts.id).toBe('proplus');
  } finally {
    gateway.child.kill('SIGTERM');
  }
  expect(await gateway.exited).toBe(0);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

describe('the production import graph', () => {
  let emulator: Emulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a gateway with GRAPH_BASE_URL set serves a query without loading any emulator module', async () => {
    const loaded = await modulesLoadedBy({ GRAPH_BASE_URL: emulator.baseUrl('v1.0') }, dir);
    // The recorder saw the gateway's own modules, so an empty list below means something.
    expect(loaded).toContain(join(ROOT, 'src', 'server.ts'));
    expect(loaded.filter((file) => file.startsWith(EMULATOR_DIR))).toEqual([]);
  });

  it('a gateway without GRAPH_BASE_URL loads the embedded emulator (the recorder sees it)', async () => {
    const loaded = await modulesLoadedBy({}, dir);
    expect(loaded).toContain(join(ROOT, 'emulator', 'embedded.ts'));
    expect(loaded).toContain(join(ROOT, 'emulator', 'faults.ts'));
  }, 30000);

  it('a gateway without an OTLP endpoint loads no OpenTelemetry SDK module; with one, it loads the SDK', async () => {
    const untraced = await modulesLoadedBy({ GRAPH_BASE_URL: emulator.baseUrl('v1.0') }, dir);
    // The API package alone may be loaded (prom-client does, for exemplars): a no-op without an SDK.
    const api = join(OPENTELEMETRY_DIR, 'api') + sep;
    expect(untraced.filter((file) => file.startsWith(OPENTELEMETRY_DIR) && !file.startsWith(api))).toEqual([]);
    const tracingModules = (file: string): boolean => (file.includes(`${sep}src${sep}tracing${sep}`) && !file.endsWith('tracing-config.ts')) || /msgraph[/\\](tracing-layer|batch-span)\.ts$/.test(file);
    expect(untraced.filter(tracingModules)).toEqual([]);
    const receiver = await startOtlpReceiver();
    try {
      const traced = await modulesLoadedBy({ GRAPH_BASE_URL: emulator.baseUrl('v1.0'), OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, dir);
      expect(traced).toContain(join(ROOT, 'src', 'tracing', 'start-tracing.ts'));
      expect(traced).toContain(join(ROOT, 'src', 'msgraph', 'tracing-layer.ts'));
      expect(traced.some((file) => file.startsWith(join(OPENTELEMETRY_DIR, 'sdk-node') + sep))).toBe(true);
    } finally {
      await receiver.close();
    }
  }, 30000);
});
