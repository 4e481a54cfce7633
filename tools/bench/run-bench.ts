import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadBenchSettings, rotate, roundsByProcess, type BenchSettings } from './bench-settings';
import { cpuMicrosOf, peakRssOf, probe, runLoad } from './load';
import type { MeasuredRow } from './measured-row';
import { REPO_ROOT, startBareProxy, startEmulatorProcess, startGateway, stopChild, type EmulatorProcess, type GatewayProcess, type ProxyProcess } from './processes';
import { runDashboardScenario } from './dashboard-scenario';
import { startOtlpSink, type OtlpSink } from './otlp-sink';
import { resultsReport } from './results-report';
import { allTargets, targetLabel, type BenchTarget } from './scenarios';
import { upstreamPerOperation } from './stats';

const PROBE_OPERATIONS = 10;

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function measureColdStarts(graphBaseUrl: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const gateway = await startGateway(graphBaseUrl);
    times.push(gateway.coldStartMs);
    await stopChild(gateway.child);
  }
  return times;
}

async function probeTarget(emulator: EmulatorProcess, baseUrl: string, target: BenchTarget): Promise<{ perOperation: number; body: string }> {
  const before = await emulator.graphHttpCount();
  const body = await probe(baseUrl, target.request, PROBE_OPERATIONS);
  return { perOperation: upstreamPerOperation(before, await emulator.graphHttpCount(), PROBE_OPERATIONS), body };
}

/** One row as served by one of its processes: where to send load, whose CPU to read, what every answer must be. */
interface Serving {
  row: MeasuredRow;
  baseUrl: string;
  pid: number;
  gateway?: GatewayProcess;
  expectedBody: string;
}

interface Shared {
  settings: BenchSettings;
  emulator: EmulatorProcess;
  sink?: OtlpSink;
  skipped: string[];
}

/** Row `row`'s process `index`: its own gateway (others share the share's proxy or the emulator), probed. */
async function startServing(shared: Shared, row: MeasuredRow, index: number, proxy: ProxyProcess | undefined, started: (gateway: GatewayProcess) => void): Promise<Serving | undefined> {
  const { settings, emulator, sink, skipped } = shared;
  const { target } = row;
  try {
    let gateway: GatewayProcess | undefined;
    if (target.target === 'gateway') {
      const env = target.tracesToSink ? { ...target.gatewayEnv, ...sink!.gatewayEnv() } : target.gatewayEnv;
      gateway = await startGateway(`${emulator.origin}/beta`, { nodeArgs: settings.gatewayNodeArgs, env, distDir: target.baseline ? settings.baselineDist : undefined });
      started(gateway);
    }
    const server = gateway ?? (target.target === 'bare proxy' ? proxy! : { url: emulator.origin, child: emulator.child });
    const { perOperation, body } = await probeTarget(emulator, server.url, target);
    if (target.target !== 'emulator') row.upstreamPerOperation.push(perOperation);
    return { row, baseUrl: server.url, pid: server.child.pid!, gateway, expectedBody: body };
  } catch (error: unknown) {
    skipped.push(`${target.scenario} (${targetLabel(target)}), process ${index + 1}: ${(error as Error).message}`);
    say(`skipping ${target.scenario} ${targetLabel(target)} in process ${index + 1}: ${(error as Error).message}`);
    return undefined;
  }
}

/** One run of a row in a round, recorded as a sample of the process serving it. */
async function measureRun(settings: BenchSettings, s: Serving, index: number, round: number): Promise<void> {
  if (settings.roundWarmupSeconds > 0) await runLoad(s.baseUrl, s.row.target.request, settings.connections, settings.roundWarmupSeconds, s.expectedBody);
  const cpuBefore = cpuMicrosOf(s.pid);
  const result = await runLoad(s.baseUrl, s.row.target.request, settings.connections, settings.seconds, s.expectedBody);
  const cpuAfter = cpuMicrosOf(s.pid);
  const cpuPerRequest = cpuBefore !== undefined && cpuAfter !== undefined && result.completed > 0 ? (cpuAfter - cpuBefore) / result.completed : undefined;
  if (s.gateway) s.row.peakRssBytes = Math.max(s.row.peakRssBytes, peakRssOf(s.gateway.child.pid!) ?? 0);
  const { requestsPerSecond, p50Ms, p99Ms, failures } = result;
  // The emulator row is one process throughout: its runs are not several processes' to spread over.
  const processOfRow = s.row.target.target === 'emulator' ? 0 : index;
  s.row.samples.push({ process: processOfRow, round, requestsPerSecond, p50Ms, p99Ms, failures, cpuPerRequest });
  say(`round ${round + 1} (process ${index + 1}) ${s.row.target.scenario} / ${targetLabel(s.row.target)}: ${requestsPerSecond.toFixed(0)} req/s, p50 ${p50Ms} ms, p99 ${p99Ms} ms, ${cpuPerRequest?.toFixed(0)} µs CPU/req${failures ? `, ${failures} failed` : ''}`);
}

/**
 * Process `index` of every row: fresh gateways and a fresh bare proxy, probed and warmed, then the
 * rounds this process serves; stopped afterwards, so only one process per row holds memory at a time.
 * Answers the traced gateways (their stderr tells whether spans were dropped).
 */
async function runProcessShare(shared: Shared, rows: readonly MeasuredRow[], index: number, rounds: readonly number[]): Promise<GatewayProcess[]> {
  const { settings, emulator } = shared;
  const children: ChildProcess[] = [];
  const traced: GatewayProcess[] = [];
  try {
    const proxy = rows.some((row) => row.target.target === 'bare proxy') ? await startBareProxy(emulator.origin) : undefined;
    if (proxy) children.push(proxy.child);
    const serving: Serving[] = [];
    for (const row of rows) {
      const started = (gateway: GatewayProcess): void => {
        children.push(gateway.child);
        if (row.target.tracesToSink) traced.push(gateway);
      };
      const s = await startServing(shared, row, index, proxy, started);
      if (s) serving.push(s);
    }
    for (const s of serving) {
      say(`process ${index + 1}: warm-up ${s.row.target.scenario} / ${targetLabel(s.row.target)}`);
      if (settings.warmupSeconds > 0) await runLoad(s.baseUrl, s.row.target.request, settings.connections, settings.warmupSeconds, s.expectedBody);
    }
    for (const round of rounds) {
      for (const s of rotate(serving, round)) await measureRun(settings, s, index, round);
    }
    return traced;
  } finally {
    for (const child of children.reverse()) await stopChild(child);
  }
}

async function main(): Promise<void> {
  const settings = loadBenchSettings(process.env);
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const emulator = await startEmulatorProcess();
  let sink: OtlpSink | undefined;
  try {
    say(`emulator at ${emulator.origin}; timing ${settings.coldStarts} gateway cold starts`);
    const coldStarts = await measureColdStarts(`${emulator.origin}/beta`, settings.coldStarts);
    const targets = allTargets({ baseline: settings.baselineDist !== undefined }).filter((t) => settings.scenarios.includes(t.scenario[0]!));
    sink = targets.some((t) => t.tracesToSink) ? await startOtlpSink() : undefined;
    const rows: MeasuredRow[] = targets.map((target) => ({ target, samples: [], peakRssBytes: 0, upstreamPerOperation: [] }));
    const shared: Shared = { settings, emulator, sink, skipped: [] };
    const traced: GatewayProcess[] = [];
    // Scenario E alone has no row here: no process to start.
    const shares = rows.length > 0 ? roundsByProcess(settings.rounds, settings.processes) : [];
    for (const [index, rounds] of shares.entries()) {
      traced.push(...(await runProcessShare(shared, rows, index, rounds)));
    }
    const traces = sink ? { ...sink.received(), dropped: traced.some((g) => g.stderr().includes('Dropped')) } : undefined;
    // Its own emulators and gateways (fresh quota windows per row), after A–D so it does not disturb their numbers.
    const dashboard = settings.scenarios.includes('E') ? await runDashboardScenario(settings.dashboard, say) : [];
    const measured = rows.filter((row) => row.samples.length > 0);
    const text = resultsReport({ settings, rows: measured, coldStarts, skipped: shared.skipped, startedAt, finishedAt: new Date(), loadAtStart, traces, dashboard });
    const dir = join(REPO_ROOT, 'tools', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.md'), text);
    writeFileSync(join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.md`), text);
    process.stdout.write(text);
  } finally {
    await stopChild(emulator.child);
    await sink?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
