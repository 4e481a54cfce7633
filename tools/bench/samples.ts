import { median } from './stats';

/** One measured run of one row: which of the row's processes served it, in which round, and what it measured. */
export interface Sample {
  /** The row's process (0-based): each process is fresh, so its heap sizing is its own. */
  process: number;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers unlike the probe's, non-2xx, errors and timeouts. */
  failures: number;
  /** CPU µs the serving process spent per completed request; undefined when /proc could not be read. */
  cpuPerRequest?: number;
}

export type Figure = 'cpuPerRequest' | 'requestsPerSecond' | 'p50Ms' | 'p99Ms';

function valuesOf(samples: readonly Sample[], figure: Figure): number[] {
  return samples.map((s) => s[figure]).filter((v): v is number => v !== undefined);
}

/** Median over every (process, round) run of a row; undefined when none measured this figure. */
export function medianOf(samples: readonly Sample[], figure: Figure): number | undefined {
  const values = valuesOf(samples, figure);
  return values.length > 0 ? median(values) : undefined;
}

/** Each process's own median, in process order: the unit whose variance the spread shows. */
export function perProcessMedians(samples: readonly Sample[], figure: Figure): number[] {
  const processes = [...new Set(samples.map((s) => s.process))].sort((a, b) => a - b);
  return processes.map((p) => medianOf(samples.filter((s) => s.process === p), figure)).filter((v): v is number => v !== undefined);
}

/**
 * Lowest and highest per-process median, when at least two processes measured the figure: a
 * difference between rows inside this range may be one process's heap sizing, not the build.
 */
export function spreadOf(samples: readonly Sample[], figure: Figure): { min: number; max: number } | undefined {
  const medians = perProcessMedians(samples, figure);
  return medians.length >= 2 ? { min: Math.min(...medians), max: Math.max(...medians) } : undefined;
}

/**
 * Median of per-round ratios, pairing the two rows' runs of the same round (the same minutes of a
 * shared machine); rounds where either row has no value are left out, and none in common is an error.
 */
export function pairedMedianRatio(numerator: readonly Sample[], denominator: readonly Sample[], figure: Figure): number {
  const ratios: number[] = [];
  for (const top of numerator) {
    const bottom = denominator.find((s) => s.round === top.round)?.[figure];
    const value = top[figure];
    if (value !== undefined && bottom !== undefined) ratios.push(value / bottom);
  }
  if (ratios.length === 0) throw new RangeError(`no round measured ${figure} of both rows`);
  return median(ratios);
}
