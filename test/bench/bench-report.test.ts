import { loadBenchSettings, rotate } from '../../tools/bench/bench-settings';
import { cpuVersusProxyGoal, floorGoal, notSlowerGoal, perEntityGoal, throughputStepGoal } from '../../tools/bench/goals';
import { markdownTable, resultsTable } from '../../tools/bench/report-table';
import { scenarioA, targetLabel } from '../../tools/bench/scenarios';
import { median, medianRatio, procStatCpuTicks, procStatusBytes, upstreamPerOperation } from '../../tools/bench/stats';

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

  it('takes the median of per-round ratios, not the ratio of medians', () => {
    // Round 2 ran while the machine was busy: both targets slowed, the ratio held.
    expect(medianRatio([500, 250, 510], [1000, 500, 1000])).toBe(0.5);
  });

  it('refuses ratios of lists of different lengths', () => {
    expect(() => medianRatio([1, 2], [1])).toThrow('ratio of 2 values to 1');
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
    expect(loadBenchSettings({})).toEqual({ seconds: 5, warmupSeconds: 3, rounds: 3, connections: 50, coldStarts: 5, scenarios: 'ABCDE', gatewayNodeArgs: [], dashboard: { users: 40, seconds: 20, timeScale: 0.01 } });
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
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadBenchSettings({ [name]: value })).toThrow(name);
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

  it('prints one row per target, with dashes where a value does not apply', () => {
    const table = resultsTable([
      { scenario: 'A', target: 'gateway', requestsPerSecond: 5123.4, p50Ms: 8, p99Ms: 20.25, cpuMicrosPerRequest: 198.6, upstreamPerOperation: 1, peakRssBytes: 140 * 1024 * 1024 },
      { scenario: 'A', target: 'emulator', requestsPerSecond: 40000, p50Ms: 0.5, p99Ms: 2 },
    ]);
    const [, , gateway, emulator] = table.split('\n');
    expect(gateway).toMatch(/\| A +\| gateway +\| 5123 +\| 8\.0 +\| 20\.3 +\| 199 +\| 1\.00 +\| 140 +\|/);
    expect(emulator).toMatch(/\| emulator +\| 40000 +\| 0\.5 +\| 2\.0 +\| – +\| – +\| – +\|/);
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
  const row = (cpu: number[], rps: number[] = cpu.map(() => 1)) => ({ cpuPerRequest: cpu, requestsPerSecond: rps });

  it('compares CPU per entity with the baseline build round by round', () => {
    // 20 entities: 400 vs 1000 µs per operation is 20 vs 50 µs per entity, 40 %.
    expect(perEntityGoal('B', row([400, 420, 380]), row([1000, 1000, 1000]))).toEqual({ name: 'B CPU per entity, gateway / baseline build', measured: '40 % (20 vs 50 µs)', goal: '≤ 50 %', met: true });
    expect(perEntityGoal('C', row([3000]), row([4000])).met).toBe(false); // 75 %
  });

  it('holds A to 3× the proxy CPU and 40 % of its throughput', () => {
    expect(cpuVersusProxyGoal(row([150]), row([50]))).toMatchObject({ measured: '3.0×', met: true });
    expect(cpuVersusProxyGoal(row([160]), row([50])).met).toBe(false);
    expect(throughputStepGoal(row([1], [3900]), row([1], [10000]))).toMatchObject({ measured: '39 %', met: false });
  });

  it('wants the __typename floor lower than the baseline build\'s, relative to the proxy', () => {
    expect(floorGoal(row([80]), row([100]), row([50]))).toMatchObject({ measured: '1.60× vs 2.00×', met: true });
    expect(floorGoal(row([100]), row([100]), row([50])).met).toBe(false); // equal is not lower
  });

  it('calls a scenario slower when its CPU per request is above the baseline build\'s', () => {
    expect(notSlowerGoal('D', row([101]), row([100]))).toMatchObject({ measured: '101 %', met: false });
    expect(notSlowerGoal('D', row([90]), row([100])).met).toBe(true);
  });
});
