import { loadBenchSettings, rotate, roundsByProcess } from '../../tools/bench/bench-settings';
import { cpuVersusProxyGoal, floorGoal, notSlowerGoal, perEntityGoal, throughputGoals, upstreamCountGoal } from '../../tools/bench/goals';
import { markdownTable, resultsTable } from '../../tools/bench/report-table';
import type { Sample } from '../../tools/bench/samples';
import { scenarioA, targetLabel } from '../../tools/bench/scenarios';
import { median, procStatCpuTicks, procStatusBytes, upstreamPerOperation } from '../../tools/bench/stats';

describe('benchmark statistics', () => {
  it.each([
    [[5], 5], // one value
    [[3, 1, 2], 2], // odd count, unsorted
    [[4, 1, 3, 2], 2.5], // even count: the middle two averaged
  ])('median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses the median of nothing', () => {
    expect(() => median([])).toThrow('median of an empty list');
  });

  it('counts upstream requests per operation from counter readings', () => {
    expect(upstreamPerOperation(100, 150, 10)).toBe(5);
    expect(() => upstreamPerOperation(0, 1, 0)).toThrow('operations must be positive, got 0');
  });

  it('reads VmRSS and VmHWM from /proc/PID/status in bytes', () => {
    const status = 'Name:\tnode\nVmHWM:\t  153600 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';
    expect(procStatusBytes(status, 'VmHWM')).toBe(150 * 1024 * 1024);
    expect(procStatusBytes(status, 'VmRSS')).toBe(100 * 1024 * 1024);
    expect(procStatusBytes('Name:\tkthread\n', 'VmRSS')).toBeUndefined(); // kernel threads have no VmRSS
  });

  it('reads user + system ticks from /proc/PID/stat, even when the command name holds spaces and parentheses', () => {
    const stat = '1234 (node (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 11 0 500 1000 2000';
    expect(procStatCpuTicks(stat)).toBe(290);
  });
});

describe('benchmark settings', () => {
  it('has bounded defaults: 50 connections, a few seconds per run', () => {
    expect(loadBenchSettings({})).toEqual({ seconds: 5, warmupSeconds: 3, roundWarmupSeconds: 1, rounds: 3, processes: 3, connections: 50, coldStarts: 5, scenarios: 'ABCDE', gatewayNodeArgs: [], dashboard: { users: 40, seconds: 20, timeScale: 0.01 } });
  });

  it('reads every setting from the environment', () => {
    const settings = loadBenchSettings({ BENCH_SECONDS: '2', BENCH_ROUNDS: '1', BENCH_SCENARIOS: 'ab', BENCH_GATEWAY_NODE_ARGS: ' --cpu-prof  --cpu-prof-dir=/tmp/p ' });
    expect(settings).toMatchObject({ seconds: 2, rounds: 1, scenarios: 'AB', gatewayNodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/p'] });
  });

  it.each([
    ['BENCH_SECONDS', '0'], // below the bound
    ['BENCH_SECONDS', '61'], // above: the run must stay a few minutes
    ['BENCH_ROUNDS', '1.5'], // not whole
    ['BENCH_SCENARIOS', 'AF'], // no scenario F
    ['BENCH_DASHBOARD_USERS', '0'], // a dashboard nobody opens
    ['BENCH_PROCESSES', '0'], // a row nobody serves
    ['BENCH_PROCESSES', '4'], // more processes than the default 3 rounds: one would serve none
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadBenchSettings({ [name]: value })).toThrow(name);
  });

  it('says why BENCH_PROCESSES is bounded by BENCH_ROUNDS', () => {
    expect(() => loadBenchSettings({ BENCH_ROUNDS: '2', BENCH_PROCESSES: '3' })).toThrow('BENCH_PROCESSES="3": expected a whole number from 1 to 2 (BENCH_ROUNDS=2: each process serves at least one round)');
  });

  it.each([
    [{ BENCH_ROUNDS: '2' }, 2], // fewer rounds than the default 3 processes: one process per round
    [{ BENCH_ROUNDS: '6' }, 3], // the default
    [{ BENCH_ROUNDS: '6', BENCH_PROCESSES: '6' }, 6], // one fresh process per round
    [{ BENCH_ROUNDS: '6', BENCH_PROCESSES: '1' }, 1], // the old single process per row
  ])('runs %j with %d processes per row', (env, processes) => {
    expect(loadBenchSettings(env).processes).toBe(processes);
  });

  it.each([
    [3, 3, [[0], [1], [2]]], // one round each
    [5, 3, [[0, 1], [2, 3], [4]]], // uneven: the first processes take one more
    [4, 1, [[0, 1, 2, 3]]], // one process serves every round
  ])('shares %d rounds among %d processes in consecutive runs', (rounds, processes, shares) => {
    expect(roundsByProcess(rounds, processes)).toEqual(shares);
  });

  it('refuses a process without a round', () => {
    expect(() => roundsByProcess(2, 3)).toThrow('3 processes for 2 rounds: expected 1 to 2');
  });

  it('rotates targets so each round starts with another one', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a']);
    expect(rotate([], 3)).toEqual([]);
  });
});

describe('benchmark tables', () => {
  it('pads markdown columns to the widest cell', () => {
    expect(markdownTable(['a', 'bb'], [['ccc', 'd']])).toBe(['| a   | bb |', '| --- | -- |', '| ccc | d  |'].join('\n'));
  });

  it('prints one row per target, with its spread over processes and dashes where a value does not apply', () => {
    const table = resultsTable([
      { scenario: 'A', target: 'gateway', requestsPerSecond: 5123.4, p50Ms: 8, p99Ms: 20.25, cpuMicrosPerRequest: 198.6, cpuSpread: { min: 180.2, max: 250.7 }, upstreamPerOperation: [1, 1, 1], peakRssBytes: 140 * 1024 * 1024 },
      { scenario: 'B', target: 'gateway', requestsPerSecond: 1000, p50Ms: 40, p99Ms: 80, cpuMicrosPerRequest: 900, upstreamPerOperation: [1, 2] },
      { scenario: 'A', target: 'emulator', requestsPerSecond: 40000, p50Ms: 0.5, p99Ms: 2 },
    ]);
    const [, , gateway, disagreeing, emulator] = table.split('\n');
    expect(gateway).toMatch(/\| A +\| gateway +\| 5123 +\| 8\.0 +\| 20\.3 +\| 199 +\| 180–251 +\| 1\.00 +\| 140 +\|/);
    expect(disagreeing).toMatch(/\| 900 +\| – +\| 1\.00–2\.00 +\| – +\|/); // one process's count differs: shown, not averaged away
    expect(emulator).toMatch(/\| emulator +\| 40000 +\| 0\.5 +\| 2\.0 +\| – +\| – +\| – +\| – +\|/);
  });

  it('labels each row by its target, then its query variant, then its gateway environment', () => {
    expect(scenarioA().map(targetLabel)).toEqual(['gateway', 'gateway, LOG_LEVEL=warn', 'gateway, { __typename } only', 'bare proxy', 'emulator']);
  });

  it('accepts only the right answer to the { __typename } floor query', () => {
    const floor = scenarioA().find((t) => t.variant !== undefined)!;
    expect(floor.request.isCorrect(200, '{"data":{"__typename":"Query"}}')).toBe(true);
    expect(floor.request.isCorrect(200, '{"data":{"__typename":"Mutation"}}')).toBe(false);
    expect(floor.request.isCorrect(200, '{"errors":[{"message":"x"}],"data":null}')).toBe(false);
  });
});

describe('issue 14 goals', () => {
  // One sample per round, each from its own process, as with BENCH_PROCESSES=BENCH_ROUNDS.
  const row = (cpu: number[], rps: number[] = cpu.map(() => 1)): Sample[] =>
    cpu.map((c, round) => ({ process: round, round, cpuPerRequest: c, requestsPerSecond: rps[round]!, p50Ms: 1, p99Ms: 2, failures: 0 }));

  it('compares CPU per entity with the baseline build round by round', () => {
    // 20 entities: 400 vs 1000 µs per operation is 20 vs 50 µs per entity, 40 %.
    expect(perEntityGoal('B', row([400, 420, 380]), row([1000, 1000, 1000]))).toEqual({ name: 'B CPU per entity, gateway / baseline build', measured: '40 % (20 vs 50 µs)', goal: '≤ 50 %', met: true });
    expect(perEntityGoal('C', row([3000]), row([4000])).met).toBe(false); // 75 %
  });

  it('ranks by per-round ratios, so a busy round does not decide against a faster build', () => {
    // Round 1 ran while the machine was busy (both rows 1.6× slower): the paired ratio is 45 %, the ratio of medians 53 %.
    const current = row([450, 720, 560]);
    const baseline = row([1000, 1600, 1050]);
    expect(perEntityGoal('B', current, baseline)).toMatchObject({ measured: '45 % (28 vs 53 µs)', met: true });
  });

  it('holds A to 3× the proxy CPU and to 40 % (this step) and 50 % (lasting) of its throughput', () => {
    expect(cpuVersusProxyGoal(row([150]), row([50]))).toMatchObject({ measured: '3.00×', met: true });
    expect(cpuVersusProxyGoal(row([160]), row([50])).met).toBe(false);
    expect(throughputGoals(row([1], [4500]), row([1], [10000])).map((c) => [c.goal, c.measured, c.met])).toEqual([
      ['≥ 40 %', '45 %', true],
      ['≥ 50 %', '45 %', false],
    ]);
  });

  it('wants the __typename floor lower than the baseline build\'s, relative to the proxy', () => {
    expect(floorGoal(row([80]), row([100]), row([50]))).toMatchObject({ measured: '1.60× vs 2.00× (floor 80 % of the baseline build\'s, paired by round)', met: true });
    expect(floorGoal(row([100]), row([100]), row([50])).met).toBe(false); // equal is not lower
  });

  it('calls a scenario slower when its CPU per request is above the baseline build\'s', () => {
    expect(notSlowerGoal('D', row([101]), row([100]))).toMatchObject({ measured: '101 %', met: false });
    expect(notSlowerGoal('D', row([90]), row([100])).met).toBe(true);
  });

  it('wants the upstream count exact in every process', () => {
    expect(upstreamCountGoal('C', [5, 5, 5], 5)).toEqual({ name: 'C upstream requests per operation', measured: '5.00', goal: 'exactly 5', met: true });
    expect(upstreamCountGoal('B', [1, 1.1, 1], 1)).toMatchObject({ measured: '1.00–1.10 over 3 processes', met: false });
    expect(upstreamCountGoal('B', [], 1).met).toBe(false); // never probed
  });
});
