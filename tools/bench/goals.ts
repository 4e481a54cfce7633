import type { TargetCheck } from './report-table';
import { median, medianRatio } from './stats';

/** What a goal reads of one measured row: per-round figures, in round order. */
export interface RowFigures {
  cpuPerRequest: readonly number[];
  requestsPerSecond: readonly number[];
}

/** Entities one operation of a batched scenario reads (B: 20 aliases, C: 100 ids). */
export const ENTITIES_PER_OPERATION = { B: 20, C: 100 } as const;

const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)} %`;

/**
 * Issue 14's per-entity goal: at most half the CPU per entity of the baseline build, from the
 * same rounds (median of per-round ratios, so machine drift cancels).
 */
export function perEntityGoal(letter: keyof typeof ENTITIES_PER_OPERATION, current: RowFigures, baseline: RowFigures): TargetCheck {
  const entities = ENTITIES_PER_OPERATION[letter];
  const ratio = medianRatio(current.cpuPerRequest, baseline.cpuPerRequest);
  const now = median(current.cpuPerRequest) / entities;
  const before = median(baseline.cpuPerRequest) / entities;
  return { name: `${letter} CPU per entity, gateway / baseline build`, measured: `${percent(ratio)} (${now.toFixed(0)} vs ${before.toFixed(0)} µs)`, goal: '≤ 50 %', met: ratio <= 0.5 };
}

/** A's CPU per request against the bare proxy's whole hop: at most 3×. */
export function cpuVersusProxyGoal(gateway: RowFigures, proxy: RowFigures): TargetCheck {
  const ratio = medianRatio(gateway.cpuPerRequest, proxy.cpuPerRequest);
  return { name: 'A CPU per request, gateway / bare proxy', measured: `${ratio.toFixed(1)}×`, goal: '≤ 3×', met: ratio <= 3 };
}

/** A's throughput against the proxy's: issue 14's step (40 %); the lasting 50 % goal has its own row. */
export function throughputStepGoal(gateway: RowFigures, proxy: RowFigures): TargetCheck {
  const ratio = medianRatio(gateway.requestsPerSecond, proxy.requestsPerSecond);
  return { name: 'A throughput, gateway / bare proxy (this step)', measured: percent(ratio), goal: '≥ 40 %', met: ratio >= 0.4 };
}

/** The `{ __typename }` floor relative to the proxy: lower than the baseline build's. */
export function floorGoal(floor: RowFigures, baselineFloor: RowFigures, proxy: RowFigures): TargetCheck {
  const now = medianRatio(floor.cpuPerRequest, proxy.cpuPerRequest);
  const before = medianRatio(baselineFloor.cpuPerRequest, proxy.cpuPerRequest);
  return { name: '{ __typename } CPU / bare proxy, vs baseline build', measured: `${now.toFixed(2)}× vs ${before.toFixed(2)}×`, goal: 'lower', met: now < before };
}

/** No scenario slower than the baseline build: CPU per request at most the baseline's, same rounds. */
export function notSlowerGoal(scenario: string, current: RowFigures, baseline: RowFigures): TargetCheck {
  const ratio = medianRatio(current.cpuPerRequest, baseline.cpuPerRequest);
  return { name: `${scenario}: CPU per request / baseline build`, measured: percent(ratio), goal: '≤ 100 %', met: ratio <= 1 };
}
