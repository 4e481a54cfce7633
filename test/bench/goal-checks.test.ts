import { goalChecks } from '../../tools/bench/goal-checks';
import type { MeasuredRow } from '../../tools/bench/measured-row';
import { allTargets, targetLabel, type BenchTarget } from '../../tools/bench/scenarios';

const MB = 1024 * 1024;

/** Each row's CPU µs per request, distinct, so a goal computed from the wrong row shows a wrong figure. */
const CPU: Record<string, number> = {
  'A|gateway': 120,
  'A|gateway (baseline build)': 200,
  'A|gateway, traces on, 100 % sampled': 300,
  'A|gateway, GRAPHQL_EXECUTION=graphql-js': 130,
  'A|gateway, LOG_LEVEL=warn': 110,
  'A|gateway, { __typename } only': 100,
  'A|gateway (baseline build), { __typename } only': 80,
  'A|bare proxy': 50,
  'A|emulator': 20,
  'B|gateway': 900,
  'B|gateway (baseline build)': 1000,
  'B|gateway, GRAPHQL_EXECUTION=graphql-js': 700,
  'C|gateway': 3000,
  'C|gateway (baseline build)': 4000,
  'C|gateway, GRAPHQL_EXECUTION=graphql-js': 2500,
  'D|gateway': 300,
  'D|gateway (baseline build)': 200,
};

const key = (t: BenchTarget): string => `${t.scenario[0]}|${targetLabel(t)}`;

function rowOf(target: BenchTarget): MeasuredRow {
  const cpu = CPU[key(target)] ?? 1000; // a row added later: no goal reads it unless it is a baseline row
  const isProxy = target.target === 'bare proxy';
  // Two rounds, each from its own process; the second round ran on a busier machine (all rows 1.5×).
  const samples = [0, 1].map((round) => ({ process: round, round, cpuPerRequest: cpu * (round === 1 ? 1.5 : 1), requestsPerSecond: isProxy ? 10_000 : 4_000, p50Ms: 1, p99Ms: isProxy ? 4 : 10, failures: 0 }));
  const peakMb = target.tracesToSink ? 171 : target.baseline ? 160 : target.gatewayEnv ? 145 : 140;
  const upstream = target.target === 'emulator' ? [] : target.scenario.startsWith('C') ? [5, 5] : [1, 1];
  return { target, samples, peakRssBytes: target.target === 'gateway' ? peakMb * MB : 0, upstreamPerOperation: upstream };
}

describe('the goals table of issue 14', () => {
  const checks = goalChecks(allTargets({ baseline: true }).map(rowOf), [420, 400, 380]);
  const byName = new Map(checks.map((c) => [c.name, c]));

  it.each([
    ['A throughput, gateway / bare proxy (this step)', '40 %', true],
    ['A throughput, gateway / bare proxy (lasting goal)', '40 %', false],
    ['A p99, gateway / bare proxy', '2.50×', false],
    ['A CPU per request, gateway / bare proxy', '2.40×', true],
    ['gateway peak RSS under A load', '140 MB', true],
    ['{ __typename } CPU / bare proxy, vs baseline build', '2.00× vs 1.60× (floor 125 % of the baseline build\'s, paired by round)', false],
    ['B CPU per entity, gateway / baseline build', '90 % (56 vs 63 µs)', false], // medians over both rounds: 1125 / 20 vs 1250 / 20
    ['C CPU per entity, gateway / baseline build', '75 % (38 vs 50 µs)', false],
    ['A: one entity, all fields: CPU per request / baseline build', '60 %', true],
    ['B: 20 aliased lookups: CPU per request / baseline build', '90 %', true],
    ['C: byIds, 100 ids: CPU per request / baseline build', '75 %', true],
    ['D: update mutation: CPU per request / baseline build', '150 %', false],
    ['peak RSS of this build\'s gateway, default settings, any scenario', '140 MB', true], // not the traced row's 171 nor the baseline build's 160
    ['B upstream requests per operation', '1.00', true],
    ['C upstream requests per operation', '5.00', true],
    ['cold start to /health 200 (median of 3)', '400 ms', true],
  ])('states "%s" as %s (met: %s), from the rows it compares', (name, measured, met) => {
    expect(byName.get(name)).toEqual(expect.objectContaining({ measured, met }));
  });

  it('states nothing else, and no goal twice', () => {
    expect(checks).toHaveLength(16);
    expect(byName.size).toBe(checks.length);
  });

  it('states a goal whose rows share no round as not measured, instead of failing the run', () => {
    const rows = allTargets({ baseline: true }).filter((t) => t.scenario.startsWith('B')).map(rowOf);
    rows.find((r) => r.target.baseline)!.samples.forEach((s) => (s.round += 10));
    expect(goalChecks(rows, []).find((c) => c.name.startsWith('B CPU per entity'))).toEqual({ name: 'B CPU per entity', measured: 'not measured: no round measured cpuPerRequest of both rows', goal: '–', met: false });
  });
});
