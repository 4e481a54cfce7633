import type { RequestOutcome } from './soak-workload';

export interface WriteAccounting {
  mutationsAnswered: number;
  succeeded: number;
  failed: number;
  /** Successes whose PATCH the emulator applied exactly once. */
  successAppliedOnce: number;
  /** Successes the emulator never applied: lost writes (target 0). */
  successNotApplied: number;
  /** Successes applied more than once (a PATCH resent after it was applied; harmless with absolute values, but counted). */
  successAppliedTwiceOrMore: number;
  /** Failures (each with a code) the emulator did not apply. */
  failedNotApplied: number;
  /** Failures the emulator did apply (e.g. the answer was lost after the write): reported, not hidden. */
  failedButApplied: number;
  /** Entities whose final stored value is not the value of their last applied PATCH (target 0). */
  finalStateMismatches: number;
}

export interface SoakReport {
  command: string;
  clients: number;
  durationS: number;
  faultRatePercent: number;
  retryAfterSeconds: number;
  seed: number;
  requestsServed: number;
  byKind: Record<RequestOutcome['kind'], number>;
  gateway5xx: number;
  transportErrors: number;
  failuresWithoutCode: number;
  errorCodes: Record<string, number>;
  upstreamHttpRequests: number;
  faultsInjected: number;
  writes: WriteAccounting;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rssAtLaunchMb: number;
  rssAfterWarmupMb: number;
  rssEndMb: number;
  rssGrowthPercent: number;
  /** "atS rss/heapUsed" MB samples every 5 s. */
  memoryTrend: string;
  processStayedUp: boolean;
  tokenLeaksInLogs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Compares what the clients were told with what the emulator applied, per written value. */
export function accountWrites(outcomes: readonly RequestOutcome[], applied: ReadonlyMap<string, string[]>, finalValues: ReadonlyMap<string, string | null>): WriteAccounting {
  const timesApplied = new Map<string, number>();
  for (const values of applied.values()) for (const v of values) timesApplied.set(v, (timesApplied.get(v) ?? 0) + 1);
  const writes = outcomes.filter((o) => o.write).map((o) => o.write!);
  const accounting: WriteAccounting = {
    mutationsAnswered: writes.length, succeeded: 0, failed: 0, successAppliedOnce: 0, successNotApplied: 0,
    successAppliedTwiceOrMore: 0, failedNotApplied: 0, failedButApplied: 0, finalStateMismatches: 0,
  };
  for (const write of writes) {
    const times = timesApplied.get(write.value) ?? 0;
    if (write.succeeded) {
      accounting.succeeded++;
      if (times === 0) accounting.successNotApplied++;
      else if (times === 1) accounting.successAppliedOnce++;
      else accounting.successAppliedTwiceOrMore++;
    } else {
      accounting.failed++;
      if (times === 0) accounting.failedNotApplied++;
      else accounting.failedButApplied++;
    }
  }
  for (const [id, values] of applied) {
    if (values.length > 0 && finalValues.get(id) !== values[values.length - 1]) accounting.finalStateMismatches++;
  }
  return accounting;
}

const mb = (n: number): string => n.toFixed(1);

/** The markdown table for docs/soak.md and the README. */
export function soakTable(r: SoakReport): string {
  const w = r.writes;
  const codes = Object.entries(r.errorCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none';
  const rows: [string, string, string][] = [
    ['Requests served', `${r.requestsServed} (reads ${r.byKind.read}, batched reads ${r.byKind.batchRead}, mutations ${r.byKind.mutation})`, ''],
    ['Gateway HTTP 5xx', String(r.gateway5xx), r.gateway5xx === 0 ? 'target 0: met' : 'target 0: MISSED'],
    ['Requests without an HTTP answer', String(r.transportErrors), r.transportErrors === 0 ? 'met' : 'MISSED'],
    ['Errors without a code', String(r.failuresWithoutCode), r.failuresWithoutCode === 0 ? 'every failure had a code' : 'MISSED'],
    ['Error codes seen', codes, ''],
    ['Upstream HTTP requests / faults injected', `${r.upstreamHttpRequests} / ${r.faultsInjected}`, `${r.faultRatePercent} % random, Retry-After ${r.retryAfterSeconds} s`],
    ['Mutations: success / failure', `${w.succeeded} / ${w.failed}`, ''],
    ['Successes applied exactly once', `${w.successAppliedOnce} of ${w.succeeded}`, w.successAppliedOnce === w.succeeded ? 'met' : 'MISSED'],
    ['Successes never applied (lost)', String(w.successNotApplied), w.successNotApplied === 0 ? 'met' : 'MISSED'],
    ['Successes applied twice or more', String(w.successAppliedTwiceOrMore), 'idempotent absolute values; counted anyway'],
    ['Failures not applied / applied anyway', `${w.failedNotApplied} / ${w.failedButApplied}`, 'a failure may have been applied only if the answer was lost after the write'],
    ['Entities whose final state is not their last applied write', String(w.finalStateMismatches), w.finalStateMismatches === 0 ? 'met' : 'MISSED'],
    ['Latency p50 / p99 / max', `${r.p50Ms.toFixed(1)} / ${r.p99Ms.toFixed(1)} / ${r.maxMs.toFixed(1)} ms`, 'includes waits for Retry-After and backoff'],
    ['Gateway RSS at launch / after warm-up / end', `${mb(r.rssAtLaunchMb)} / ${mb(r.rssAfterWarmupMb)} / ${mb(r.rssEndMb)} MB`, `growth after warm-up ${r.rssGrowthPercent.toFixed(1)} % (target < 10 %)`],
    ['Gateway memory every 5 s (RSS / heap used, MB)', r.memoryTrend, 'heap used falls back after each GC when nothing leaks'],
    ['Gateway process stayed up', r.processStayedUp ? 'yes' : 'NO', ''],
    ['Token seen in gateway logs', String(r.tokenLeaksInLogs), r.tokenLeaksInLogs === 0 ? 'met' : 'MISSED'],
  ];
  return [
    `${r.clients} concurrent clients for ${r.durationS} s, mixed workload (50 % reads, 25 % 5-entity batched reads, 25 % mutations), emulator random-fault mode at ${r.faultRatePercent} % (seed ${r.seed}). Command: \`${r.command}\`.`,
    '',
    '| measure | value | note |',
    '| --- | --- | --- |',
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
  ].join('\n');
}
