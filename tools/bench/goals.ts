import type { TargetCheck } from './report-table';
import { medianOf, pairedMedianRatio, type Sample } from './samples';

/** Entities one operation of a batched scenario reads (B: 20 aliases, C: 100 ids). */
export const ENTITIES_PER_OPERATION = { B: 20, C: 100 } as const;

const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)} %`;

/**
 * Issue 14's per-entity goal: at most half the CPU per entity of the baseline build, from the
 * same rounds (median of per-round ratios, so machine drift cancels).
 */
export function perEntityGoal(letter: keyof typeof ENTITIES_PER_OPERATION, current: readonly Sample[], baseline: readonly Sample[]): TargetCheck {
  const entities = ENTITIES_PER_OPERATION[letter];
  const ratio = pairedMedianRatio(current, baseline, 'cpuPerRequest');
  const now = medianOf(current, 'cpuPerRequest')! / entities;
  const before = medianOf(baseline, 'cpuPerRequest')! / entities;
  return { name: `${letter} CPU per entity, gateway / baseline build`, measured: `${percent(ratio)} (${now.toFixed(0)} vs ${before.toFixed(0)} µs)`, goal: '≤ 50 %', met: ratio <= 0.5 };
}

/** A's CPU per request against the bare proxy's whole hop: at most 3×. */
export function cpuVersusProxyGoal(gateway: readonly Sample[], proxy: readonly Sample[]): TargetCheck {
  const ratio = pairedMedianRatio(gateway, proxy, 'cpuPerRequest');
  return { name: 'A CPU per request, gateway / bare proxy', measured: `${ratio.toFixed(2)}×`, goal: '≤ 3×', met: ratio <= 3 };
}

/** A's throughput against the proxy's: issue 14's step (40 %), and the lasting goal (50 %). */
export function throughputGoals(gateway: readonly Sample[], proxy: readonly Sample[]): TargetCheck[] {
  const ratio = pairedMedianRatio(gateway, proxy, 'requestsPerSecond');
  return [
    { name: 'A throughput, gateway / bare proxy (this step)', measured: percent(ratio), goal: '≥ 40 %', met: ratio >= 0.4 },
    { name: 'A throughput, gateway / bare proxy (lasting goal)', measured: percent(ratio), goal: '≥ 50 %', met: ratio >= 0.5 },
  ];
}

/**
 * The `{ __typename }` floor relative to the proxy: lower than the baseline build's. Both floors are
 * divided by the same proxy run of their round, so the verdict is the paired floor / baseline floor.
 */
export function floorGoal(floor: readonly Sample[], baselineFloor: readonly Sample[], proxy: readonly Sample[]): TargetCheck {
  const now = pairedMedianRatio(floor, proxy, 'cpuPerRequest');
  const before = pairedMedianRatio(baselineFloor, proxy, 'cpuPerRequest');
  const paired = pairedMedianRatio(floor, baselineFloor, 'cpuPerRequest');
  return { name: '{ __typename } CPU / bare proxy, vs baseline build', measured: `${now.toFixed(2)}× vs ${before.toFixed(2)}× (floor ${percent(paired)} of the baseline build's, paired by round)`, goal: 'lower', met: paired < 1 };
}

/** No scenario slower than the baseline build: CPU per request at most the baseline's, same rounds. */
export function notSlowerGoal(scenario: string, current: readonly Sample[], baseline: readonly Sample[]): TargetCheck {
  const ratio = pairedMedianRatio(current, baseline, 'cpuPerRequest');
  return { name: `${scenario}: CPU per request / baseline build`, measured: percent(ratio), goal: '≤ 100 %', met: ratio <= 1 };
}

/** An upstream count that must be exact in every process's probes (B: one $batch, C: five). */
export function upstreamCountGoal(letter: string, perProcess: readonly number[], goal: number): TargetCheck {
  const distinct = [...new Set(perProcess)];
  const measured = distinct.length === 1 ? distinct[0]!.toFixed(2) : `${Math.min(...distinct).toFixed(2)}–${Math.max(...distinct).toFixed(2)} over ${perProcess.length} processes`;
  return { name: `${letter} upstream requests per operation`, measured, goal: `exactly ${goal}`, met: perProcess.length > 0 && distinct.every((v) => v === goal) };
}
