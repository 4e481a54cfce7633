import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadBenchSettings, rotate, type BenchSettings } from './bench-settings';
import { cpuMicrosOf, peakRssOf, probe, runLoad, type LoadResult } from './load';
import { REPO_ROOT, startBareProxy, startEmulatorProcess, startGateway, stopChild, type EmulatorProcess, type GatewayProcess } from './processes';
import { cpuVersusProxyGoal, floorGoal, notSlowerGoal, perEntityGoal, throughputStepGoal, type RowFigures } from './goals';
import { dashboardChecks, dashboardTable, freshnessRefreshes, runDashboardScenario, type DashboardRow } from './dashboard-scenario';
import { checksTable, resultsTable, type TargetCheck, type TargetSummary } from './report-table';
import { startOtlpSink, type OtlpSink } from './otlp-sink';
import { allTargets, targetLabel, TRACES_ON, TYPENAME_ONLY, type BenchTarget } from './scenarios';
import { median, medianRatio, upstreamPerOperation } from './stats';

const PROBE_OPERATIONS = 10;
const MB = 1024 * 1024;

interface Measured {
  target: BenchTarget;
  baseUrl: string;
  rounds: LoadResult[];
  /** CPU microseconds the serving process spent per completed request, per round. */
  cpuPerRequest: number[];
  peakRssBytes: number;
  upstreamPerOperation?: number;
  /** The checked probe answer; every answer under load must equal it. */
  expectedBody: string;
}

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

function summarize(m: Measured): TargetSummary {
  return {
    scenario: m.target.scenario,
    target: targetLabel(m.target),
    requestsPerSecond: median(m.rounds.map((r) => r.requestsPerSecond)),
    p50Ms: median(m.rounds.map((r) => r.p50Ms)),
    p99Ms: median(m.rounds.map((r) => r.p99Ms)),
    upstreamPerOperation: m.upstreamPerOperation,
    cpuMicrosPerRequest: m.cpuPerRequest.length > 0 ? median(m.cpuPerRequest) : undefined,
    peakRssBytes: m.target.target === 'gateway' ? m.peakRssBytes : undefined,
  };
}

/** The measured row of a scenario (by its letter) and target label, when it was run. */
function findRow(measured: Measured[], scenario: string, label: string): Measured | undefined {
  return measured.find((m) => m.target.scenario.startsWith(scenario) && targetLabel(m.target) === label);
}

const figures = (m: Measured): RowFigures => ({ cpuPerRequest: m.cpuPerRequest, requestsPerSecond: m.rounds.map((r) => r.requestsPerSecond) });

function checks(measured: Measured[], coldStarts: number[]): TargetCheck[] {
  const found = (scenario: string, label: string): Measured | undefined => findRow(measured, scenario, label);
  const list: TargetCheck[] = [];
  const gatewayA = found('A', 'gateway');
  const proxyA = found('A', 'bare proxy');
  if (gatewayA && proxyA) {
    const throughput = medianRatio(gatewayA.rounds.map((r) => r.requestsPerSecond), proxyA.rounds.map((r) => r.requestsPerSecond));
    const p99 = medianRatio(gatewayA.rounds.map((r) => r.p99Ms), proxyA.rounds.map((r) => r.p99Ms));
    list.push({ name: 'A throughput, gateway / bare proxy', measured: `${(throughput * 100).toFixed(0)} %`, goal: '≥ 50 %', met: throughput >= 0.5 });
    list.push({ name: 'A p99, gateway / bare proxy', measured: `${p99.toFixed(2)}×`, goal: '≤ 2×', met: p99 <= 2 });
    list.push({ name: 'gateway peak RSS under A load', measured: `${(gatewayA.peakRssBytes / MB).toFixed(0)} MB`, goal: '≤ 150 MB', met: gatewayA.peakRssBytes <= 150 * MB });
    list.push(throughputStepGoal(figures(gatewayA), figures(proxyA)), cpuVersusProxyGoal(figures(gatewayA), figures(proxyA)));
    const floor = found('A', `gateway, ${TYPENAME_ONLY}`);
    const baselineFloor = found('A', `gateway (baseline build), ${TYPENAME_ONLY}`);
    if (floor && baselineFloor) list.push(floorGoal(figures(floor), figures(baselineFloor), figures(proxyA)));
  }
  for (const letter of ['B', 'C'] as const) {
    const gateway = found(letter, 'gateway');
    const baseline = found(letter, 'gateway (baseline build)');
    if (gateway && baseline) list.push(perEntityGoal(letter, figures(gateway), figures(baseline)));
  }
  for (const baseline of measured.filter((m) => m.target.baseline && !m.target.variant)) {
    const current = found(baseline.target.scenario[0]!, 'gateway');
    if (current) list.push(notSlowerGoal(baseline.target.scenario, figures(current), figures(baseline)));
  }
  const gateways = measured.filter((m) => m.target.target === 'gateway');
  if (gateways.length > 0) {
    const peak = Math.max(...gateways.map((m) => m.peakRssBytes));
    list.push({ name: 'peak RSS of any gateway, any scenario', measured: `${(peak / MB).toFixed(0)} MB`, goal: '≤ 150 MB', met: peak <= 150 * MB });
  }
  for (const [letter, goal] of [['B', 1], ['C', 5]] as const) {
    const gateway = found(letter, 'gateway');
    if (gateway?.upstreamPerOperation !== undefined) {
      list.push({ name: `${letter} upstream requests per operation`, measured: gateway.upstreamPerOperation.toFixed(2), goal: `exactly ${goal}`, met: gateway.upstreamPerOperation === goal });
    }
  }
  if (coldStarts.length > 0) {
    const coldStart = median(coldStarts);
    list.push({ name: `cold start to /health 200 (median of ${coldStarts.length})`, measured: `${coldStart.toFixed(0)} ms`, goal: '< 1500 ms', met: coldStart < 1500 });
  }
  return list;
}

/** What tracing costs: the traced row beside the default one (no OTLP endpoint: the SDK is not loaded). */
function tracingObservation(measured: Measured[], traces: { requests: number; bytes: number; dropped: boolean } | undefined): string[] {
  const off = findRow(measured, 'A', 'gateway');
  const on = findRow(measured, 'A', `gateway, ${TRACES_ON}`);
  if (!off || !on || off.cpuPerRequest.length === 0 || on.cpuPerRequest.length === 0 || !traces) return [];
  const extra = median(on.cpuPerRequest) - median(off.cpuPerRequest);
  const sent = `${traces.requests} OTLP/HTTP export requests, ${(traces.bytes / MB).toFixed(1)} MB to the loopback sink`;
  const drops = traces.dropped ? 'the SDK reported dropped spans (see its stderr): the cost is understated' : 'no span dropped';
  return [`A with traces on (3 spans per request, every one exported, http/protobuf): ${extra >= 0 ? '+' : ''}${extra.toFixed(0)} µs CPU per request (${median(on.cpuPerRequest).toFixed(0)} vs ${median(off.cpuPerRequest).toFixed(0)} µs with tracing off), ${((medianRatio(on.rounds.map((r) => r.requestsPerSecond), off.rounds.map((r) => r.requestsPerSecond)) - 1) * 100).toFixed(0)} % throughput; ${sent}; ${drops}.`];
}

/** Side-by-side facts that have no goal but explain the ratios: CPU per request, and what logging costs. */
function observations(measured: Measured[]): string[] {
  const a = (label: string): Measured | undefined => findRow(measured, 'A', label);
  const gateway = a('gateway');
  const proxy = a('bare proxy');
  const quiet = a('gateway, LOG_LEVEL=warn');
  const lines: string[] = [];
  if (gateway && proxy && gateway.cpuPerRequest.length > 0 && proxy.cpuPerRequest.length > 0) {
    const ratio = medianRatio(gateway.cpuPerRequest, proxy.cpuPerRequest);
    lines.push(`A CPU per request, gateway / bare proxy: ${ratio.toFixed(1)}× (${median(gateway.cpuPerRequest).toFixed(0)} µs vs ${median(proxy.cpuPerRequest).toFixed(0)} µs): the gateway process is the bottleneck; the machine's ${availableParallelism()} cores also run autocannon and the emulator.`);
  }
  const floor = a(`gateway, ${TYPENAME_ONLY}`);
  if (floor && proxy && floor.cpuPerRequest.length > 0 && proxy.cpuPerRequest.length > 0) {
    lines.push(`A floor of this stack: \`{ __typename }\` (no resolver, no upstream call) costs the gateway ${median(floor.cpuPerRequest).toFixed(0)} µs CPU per request, ${medianRatio(floor.cpuPerRequest, proxy.cpuPerRequest).toFixed(1)}× the bare proxy's whole hop; the 50 % throughput goal needs the full read in about 2× the proxy's CPU.`);
  }
  // The same scenario served by the baseline build, in the same rounds: the before/after of this change.
  for (const m of measured.filter((x) => x.target.baseline)) {
    const current = measured.find((x) => x.target.scenario === m.target.scenario && !x.target.baseline && !x.target.tracesToSink && x.target.target === 'gateway' && !x.target.gatewayEnv && x.target.variant === m.target.variant);
    if (!current || current.cpuPerRequest.length === 0 || m.cpuPerRequest.length === 0) continue;
    const ratio = medianRatio(current.cpuPerRequest, m.cpuPerRequest);
    lines.push(`${m.target.scenario}${m.target.variant ? ` (${m.target.variant})` : ''}: CPU per request ${median(current.cpuPerRequest).toFixed(0)} µs vs the baseline build's ${median(m.cpuPerRequest).toFixed(0)} µs (${((ratio - 1) * 100).toFixed(0)} %, median of per-round ratios).`);
  }
  if (gateway && quiet) {
    const ratio = medianRatio(quiet.rounds.map((r) => r.requestsPerSecond), gateway.rounds.map((r) => r.requestsPerSecond));
    lines.push(`A without the two info log lines per request (LOG_LEVEL=warn): ${((ratio - 1) * 100).toFixed(0)} % throughput vs the default LOG_LEVEL=info.`);
  }
  return lines;
}

/** Scenario E's section: its table, what it was run with, and its checks. */
function dashboardSection(settings: BenchSettings, rows: readonly DashboardRow[]): string[] {
  if (rows.length === 0) return [];
  const { users, seconds, timeScale } = settings.dashboard;
  return [
    `## E: a dashboard of ${users} users of one tenant`,
    '',
    `Each user (its own JWT-shaped token, same \`tid\` and app) loads the report and 3 entities every ${60 * timeScale} s (once a minute, scaled ×${timeScale}) for ${seconds} s per row, against a fresh emulator on a v1.0 base URL (the CSV report: 14 calls per window) with \`EMULATOR_REPORT_QUOTA_SCALE=${timeScale}\` (window ${600 * timeScale} s) and the gateway's REPORT_CACHE_SECONDS/REPORT_STALE_SECONDS/REPORT_PROOF_MAX_SECONDS scaled alike (${600 * timeScale}/${3600 * timeScale}/${3600 * timeScale} s). Freshness refreshes a row can need: ${freshnessRefreshes(settings.dashboard)}. Latency is per report request (its entity request runs beside it).`,
    '',
    dashboardTable(rows),
    '',
    checksTable(dashboardChecks(rows, settings.dashboard)),
    '',
  ];
}

function report(settings: BenchSettings, measured: Measured[], coldStarts: number[], skipped: string[], startedAt: Date, loadAtStart: number[], traces?: { requests: number; bytes: number; dropped: boolean }, dashboard: readonly DashboardRow[] = []): string {
  const env = [`BENCH_SECONDS=${settings.seconds}`, `BENCH_WARMUP_SECONDS=${settings.warmupSeconds}`, `BENCH_ROUNDS=${settings.rounds}`, `BENCH_CONNECTIONS=${settings.connections}`, `BENCH_SCENARIOS=${settings.scenarios}`];
  if (settings.scenarios.includes('E')) env.push(`BENCH_DASHBOARD_USERS=${settings.dashboard.users}`, `BENCH_DASHBOARD_SECONDS=${settings.dashboard.seconds}`);
  // A profiled gateway is slower; the command line must say so, or the table reads as a plain run.
  if (settings.gatewayNodeArgs.length > 0) env.push(`BENCH_GATEWAY_NODE_ARGS="${settings.gatewayNodeArgs.join(' ')}"`);
  if (settings.baselineDist) env.push(`BENCH_BASELINE_DIST=${settings.baselineDist}`);
  return [
    `# Benchmark: the gateway beside one bare HTTP hop`,
    '',
    `Run ${startedAt.toISOString()}, Node ${process.version}, ${availableParallelism()} cores, load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}.`,
    `Command: \`${env.join(' ')} npm run bench\`. Each target: ${settings.warmupSeconds} s warm-up, then ${settings.rounds} rounds of ${settings.seconds} s at ${settings.connections} connections (autocannon), targets rotated each round; medians over rounds.`,
    'Processes: the emulator, one gateway per scenario and variant (`node dist/src/main.js`, default settings unless the row says otherwise; peak RSS is the kernel\'s VmHWM of that scenario\'s gateway) and the bare proxy (undici, the gateway\'s pool settings) each in its own process; autocannon in the runner. Loopback only.',
    'Upstream requests per operation: exact, from the emulator\'s counters around sequential probe operations whose answers are checked.',
    '',
    resultsTable(measured.map(summarize)),
    '',
    checksTable(checks(measured, coldStarts)),
    '',
    ...observations(measured),
    ...tracingObservation(measured, traces),
    coldStarts.length > 0 ? `Cold starts (ms): ${coldStarts.map((t) => t.toFixed(0)).join(', ')}.` : 'Cold start not measured.',
    measured.some((m) => m.rounds.some((r) => r.failures > 0)) ? `Failed answers during load: ${measured.map((m) => `${m.target.scenario} ${targetLabel(m.target)}: ${m.rounds.reduce((n, r) => n + r.failures, 0)}`).join('; ')}.` : 'No failed answers during load.',
    ...skipped.map((s) => `Skipped: ${s}`),
    '',
    ...dashboardSection(settings, dashboard),
  ].join('\n');
}

async function main(): Promise<void> {
  const settings = loadBenchSettings(process.env);
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const emulator = await startEmulatorProcess();
  const graphBaseUrl = `${emulator.origin}/beta`;
  const children = [emulator.child];
  let sink: OtlpSink | undefined;
  try {
    say(`emulator at ${emulator.origin}; timing ${settings.coldStarts} gateway cold starts`);
    const coldStarts = await measureColdStarts(graphBaseUrl, settings.coldStarts);
    // One gateway per scenario and variant: each peak RSS is its own, not the heap a heavier scenario left behind.
    const targets = allTargets({ baseline: settings.baselineDist !== undefined }).filter((t) => settings.scenarios.includes(t.scenario[0]!));
    const gateways = new Map<string, GatewayProcess>();
    const gatewayKey = (t: BenchTarget): string => `${t.scenario[0]}|${targetLabel(t)}`;
    sink = targets.some((t) => t.tracesToSink) ? await startOtlpSink() : undefined;
    for (const target of targets.filter((t) => t.target === 'gateway')) {
      const env = target.tracesToSink ? { ...target.gatewayEnv, ...sink!.gatewayEnv() } : target.gatewayEnv;
      const distDir = target.baseline ? settings.baselineDist : undefined;
      const gateway = await startGateway(graphBaseUrl, { nodeArgs: settings.gatewayNodeArgs, env, distDir });
      children.push(gateway.child);
      gateways.set(gatewayKey(target), gateway);
    }
    const gatewayOf = (t: BenchTarget): GatewayProcess => gateways.get(gatewayKey(t))!;
    const proxy = await startBareProxy(emulator.origin);
    children.push(proxy.child);
    const servingPid = (t: BenchTarget): number => (t.target === 'gateway' ? gatewayOf(t).child.pid! : t.target === 'bare proxy' ? proxy.child.pid! : emulator.child.pid!);
    const baseUrlOf = (t: BenchTarget): string => (t.target === 'gateway' ? gatewayOf(t).url : t.target === 'bare proxy' ? proxy.url : emulator.origin);

    const measured: Measured[] = [];
    const skipped: string[] = [];
    for (const target of targets) {
      try {
        const { perOperation, body } = await probeTarget(emulator, baseUrlOf(target), target);
        measured.push({ target, baseUrl: baseUrlOf(target), rounds: [], cpuPerRequest: [], peakRssBytes: 0, upstreamPerOperation: target.target === 'emulator' ? undefined : perOperation, expectedBody: body });
      } catch (error: unknown) {
        skipped.push(`${target.scenario} (${targetLabel(target)}): ${(error as Error).message}`);
        say(`skipping ${target.scenario} ${targetLabel(target)}: ${(error as Error).message}`);
      }
    }
    for (const m of measured) {
      say(`warm-up ${m.target.scenario} / ${targetLabel(m.target)}`);
      if (settings.warmupSeconds > 0) await runLoad(m.baseUrl, m.target.request, settings.connections, settings.warmupSeconds, m.expectedBody);
    }
    for (let round = 0; round < settings.rounds; round++) {
      for (const m of rotate(measured, round)) {
        const pid = servingPid(m.target);
        const cpuBefore = cpuMicrosOf(pid);
        const result = await runLoad(m.baseUrl, m.target.request, settings.connections, settings.seconds, m.expectedBody);
        const cpuAfter = cpuMicrosOf(pid);
        if (cpuBefore !== undefined && cpuAfter !== undefined && result.completed > 0) m.cpuPerRequest.push((cpuAfter - cpuBefore) / result.completed);
        if (m.target.target === 'gateway') m.peakRssBytes = peakRssOf(gatewayOf(m.target).child.pid!) ?? 0;
        m.rounds.push(result);
        say(`round ${round + 1} ${m.target.scenario} / ${targetLabel(m.target)}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${m.cpuPerRequest.at(-1)?.toFixed(0)} µs CPU/req${result.failures ? `, ${result.failures} failed` : ''}`);
      }
    }
    const tracedGateways = targets.filter((t) => t.tracesToSink && gateways.has(gatewayKey(t))).map(gatewayOf);
    const traces = sink ? { ...sink.received(), dropped: tracedGateways.some((g) => g.stderr().includes('Dropped')) } : undefined;
    // Its own emulators and gateways (fresh quota windows per row), after A–D so it does not disturb their numbers.
    const dashboard = settings.scenarios.includes('E') ? await runDashboardScenario(settings.dashboard, say) : [];
    const text = report(settings, measured, coldStarts, skipped, startedAt, loadAtStart, traces, dashboard);
    const dir = join(REPO_ROOT, 'tools', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.md'), text);
    writeFileSync(join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.md`), text);
    process.stdout.write(text);
  } finally {
    for (const child of children.reverse()) await stopChild(child);
    await sink?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
