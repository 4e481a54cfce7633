import { availableParallelism } from 'node:os';
import type { BenchSettings } from './bench-settings';
import { dashboardChecks, dashboardTable, freshnessRefreshes, type DashboardRow } from './dashboard-scenario';
import { goalChecks } from './goal-checks';
import { findRow, summarize, type MeasuredRow } from './measured-row';
import { checksTable, resultsTable } from './report-table';
import { medianOf, pairedMedianRatio } from './samples';
import { CALLER_HARD_CAP, targetLabel, TRACES_ON, TYPENAME_ONLY } from './scenarios';

const MB = 1024 * 1024;

/** What the traced row's gateways sent to the loopback sink. */
export interface TracesSent {
  requests: number;
  bytes: number;
  dropped: boolean;
}

/** Everything one run produced, for the results file. */
export interface BenchRun {
  settings: BenchSettings;
  rows: readonly MeasuredRow[];
  coldStarts: readonly number[];
  skipped: readonly string[];
  startedAt: Date;
  finishedAt: Date;
  loadAtStart: readonly number[];
  traces?: TracesSent;
  dashboard: readonly DashboardRow[];
}

const cpu = (row: MeasuredRow): number | undefined => medianOf(row.samples, 'cpuPerRequest');

/** What tracing costs: the traced row beside the default one (no OTLP endpoint: the SDK is not loaded). */
function tracingObservation(rows: readonly MeasuredRow[], traces: TracesSent | undefined): string[] {
  const off = findRow(rows, 'A', 'gateway');
  const on = findRow(rows, 'A', `gateway, ${TRACES_ON}`);
  if (!off || !on || cpu(off) === undefined || cpu(on) === undefined || !traces) return [];
  const extra = cpu(on)! - cpu(off)!;
  const throughput = pairedMedianRatio(on.samples, off.samples, 'requestsPerSecond');
  const sent = `${traces.requests} OTLP/HTTP export requests, ${(traces.bytes / MB).toFixed(1)} MB to the loopback sink`;
  const drops = traces.dropped ? 'the SDK reported dropped spans (see its stderr): the cost is understated' : 'no span dropped';
  return [`A with traces on (3 spans per request, every one exported, http/protobuf): ${extra >= 0 ? '+' : ''}${extra.toFixed(0)} µs CPU per request (${cpu(on)!.toFixed(0)} vs ${cpu(off)!.toFixed(0)} µs with tracing off), ${((throughput - 1) * 100).toFixed(0)} % throughput; ${sent}; ${drops}.`];
}

/** Side-by-side facts that have no goal but explain the ratios: CPU per request, and what logging costs. */
function observations(rows: readonly MeasuredRow[]): string[] {
  const a = (label: string): MeasuredRow | undefined => findRow(rows, 'A', label);
  const gateway = a('gateway');
  const proxy = a('bare proxy');
  const quiet = a('gateway, LOG_LEVEL=warn');
  const lines: string[] = [];
  if (gateway && proxy && cpu(gateway) !== undefined && cpu(proxy) !== undefined) {
    const ratio = pairedMedianRatio(gateway.samples, proxy.samples, 'cpuPerRequest');
    lines.push(`A CPU per request, gateway / bare proxy: ${ratio.toFixed(1)}× (${cpu(gateway)!.toFixed(0)} µs vs ${cpu(proxy)!.toFixed(0)} µs): the gateway process is the bottleneck; the machine's ${availableParallelism()} cores also run autocannon and the emulator.`);
  }
  const floor = a(`gateway, ${TYPENAME_ONLY}`);
  if (floor && proxy && cpu(floor) !== undefined && cpu(proxy) !== undefined) {
    lines.push(`A floor of this stack: \`{ __typename }\` (no resolver, no upstream call) costs the gateway ${cpu(floor)!.toFixed(0)} µs CPU per request, ${pairedMedianRatio(floor.samples, proxy.samples, 'cpuPerRequest').toFixed(1)}× the bare proxy's whole hop; the 50 % throughput goal needs the full read in about 2× the proxy's CPU.`);
  }
  // The same scenario served by the baseline build, in the same rounds: the before/after of this change.
  for (const m of rows.filter((x) => x.target.baseline)) {
    const current = rows.find((x) => x.target.scenario === m.target.scenario && !x.target.baseline && !x.target.tracesToSink && x.target.target === 'gateway' && !x.target.gatewayEnv && x.target.variant === m.target.variant);
    if (!current || cpu(current) === undefined || cpu(m) === undefined) continue;
    const ratio = pairedMedianRatio(current.samples, m.samples, 'cpuPerRequest');
    lines.push(`${m.target.scenario}${m.target.variant ? ` (${m.target.variant})` : ''}: CPU per request ${cpu(current)!.toFixed(0)} µs vs the baseline build's ${cpu(m)!.toFixed(0)} µs (${((ratio - 1) * 100).toFixed(0)} %, median of per-round ratios).`);
  }
  const hardCap = rows.find((x) => x.target.scenario.startsWith('D') && x.target.gatewayEnv?.MAX_UPSTREAM_BURST_PER_CALLER === CALLER_HARD_CAP.MAX_UPSTREAM_BURST_PER_CALLER);
  const writes = rows.find((x) => x.target.scenario.startsWith('D') && x.target.target === 'gateway' && !x.target.baseline && !x.target.gatewayEnv);
  if (hardCap && writes && cpu(hardCap) !== undefined && cpu(writes) !== undefined) {
    const ratio = pairedMedianRatio(hardCap.samples, writes.samples, 'cpuPerRequest');
    lines.push(`D with one caller held to its share of 8 upstream requests (MAX_UPSTREAM_BURST_PER_CALLER=8, a hard cap; the bench is one caller): CPU per request ${cpu(hardCap)!.toFixed(0)} µs vs ${cpu(writes)!.toFixed(0)} µs when it may borrow the idle pool (${((ratio - 1) * 100).toFixed(0)} %, median of per-round ratios).`);
  }
  if (gateway && quiet) {
    const ratio = pairedMedianRatio(quiet.samples, gateway.samples, 'requestsPerSecond');
    lines.push(`A without the info log line per request (LOG_LEVEL=warn): ${((ratio - 1) * 100).toFixed(0)} % throughput vs the default LOG_LEVEL=info.`);
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

function commandLine(settings: BenchSettings): string {
  const env = [`BENCH_SECONDS=${settings.seconds}`, `BENCH_WARMUP_SECONDS=${settings.warmupSeconds}`, `BENCH_ROUND_WARMUP_SECONDS=${settings.roundWarmupSeconds}`, `BENCH_ROUNDS=${settings.rounds}`, `BENCH_PROCESSES=${settings.processes}`, `BENCH_CONNECTIONS=${settings.connections}`, `BENCH_SCENARIOS=${settings.scenarios}`];
  if (settings.scenarios.includes('E')) env.push(`BENCH_DASHBOARD_USERS=${settings.dashboard.users}`, `BENCH_DASHBOARD_SECONDS=${settings.dashboard.seconds}`);
  // A profiled gateway is slower; the command line must say so, or the table reads as a plain run.
  if (settings.gatewayNodeArgs.length > 0) env.push(`BENCH_GATEWAY_NODE_ARGS="${settings.gatewayNodeArgs.join(' ')}"`);
  if (settings.baselineDist) env.push(`BENCH_BASELINE_DIST=${settings.baselineDist}`);
  return `${env.join(' ')} npm run bench`;
}

/** How the rows were measured, in the words the table needs to be read right. */
function method(settings: BenchSettings): string[] {
  const { processes, rounds, warmupSeconds, roundWarmupSeconds, seconds, connections } = settings;
  return [
    `Each row: ${processes} fresh process${processes > 1 ? 'es' : ''} (gateway rows and the bare proxy; one emulator throughout), each serving a consecutive share of the ${rounds} rounds after its own ${warmupSeconds} s warm-up; a round runs every row for ${seconds} s at ${connections} connections (autocannon), each measured run right after ${roundWarmupSeconds} s of unmeasured load on it (steady state, not the first seconds after the idle time between its rounds), rows rotated each round, so a row and its baseline-build row always share a round.`,
    'Table: medians over all (process, round) runs of a row; "CPU spread over processes" is the lowest–highest per-process median (one process\'s heap sizing can move it by up to 1.6×: a difference between rows inside the spread is not a ranking). Goals that compare rows use the median of per-round ratios of the two rows.',
    'Processes: the emulator, the gateways (`node dist/src/main.js`, default settings unless the row says otherwise; peak RSS is the kernel\'s VmHWM, the highest of the row\'s processes) and the bare proxy (undici, the gateway\'s pool settings) each in its own process; autocannon in the runner. Loopback only.',
    'Upstream requests per operation: exact, from the emulator\'s counters around sequential probe operations (of every process) whose answers are checked.',
  ];
}

export function resultsReport(run: BenchRun): string {
  const { settings, rows, coldStarts, skipped, startedAt, finishedAt, loadAtStart, traces, dashboard } = run;
  const failures = rows.map((m) => ({ row: m, failed: m.samples.reduce((n, s) => n + s.failures, 0) }));
  // Scenario E alone (and no cold starts) has nothing for the A–D tables.
  const tables = rows.length > 0 || coldStarts.length > 0 ? [...method(settings), '', resultsTable(rows.map(summarize)), '', checksTable(goalChecks(rows, coldStarts)), ''] : [];
  return [
    `# Benchmark: the gateway beside one bare HTTP hop`,
    '',
    `Run ${startedAt.toISOString()}, took ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s, Node ${process.version}, ${availableParallelism()} cores, load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}.`,
    `Command: \`${commandLine(settings)}\`.`,
    ...tables,
    ...observations(rows),
    ...tracingObservation(rows, traces),
    coldStarts.length > 0 ? `Cold starts (ms): ${coldStarts.map((t) => t.toFixed(0)).join(', ')}.` : 'Cold start not measured.',
    failures.some((f) => f.failed > 0) ? `Failed answers during load: ${failures.map((f) => `${f.row.target.scenario} ${targetLabel(f.row.target)}: ${f.failed}`).join('; ')}.` : 'No failed answers during load.',
    ...skipped.map((s) => `Skipped: ${s}`),
    '',
    ...dashboardSection(settings, dashboard),
  ].join('\n');
}
