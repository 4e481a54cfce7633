import type { TargetSummary } from './report-table';
import { medianOf, spreadOf, type Sample } from './samples';
import { targetLabel, type BenchTarget } from './scenarios';

/** One row of the results table: a target, measured by several processes over the rounds. */
export interface MeasuredRow {
  target: BenchTarget;
  samples: Sample[];
  /** The highest VmHWM over the row's gateway processes, bytes (0 for other targets). */
  peakRssBytes: number;
  /** Exact upstream requests per operation, one value per process that was probed (none for the emulator row). */
  upstreamPerOperation: number[];
}

/** The row of a scenario (by its letter) and target label, when it was measured. */
export function findRow(rows: readonly MeasuredRow[], scenario: string, label: string): MeasuredRow | undefined {
  return rows.find((m) => m.target.scenario.startsWith(scenario) && targetLabel(m.target) === label);
}

export function summarize(row: MeasuredRow): TargetSummary {
  return {
    scenario: row.target.scenario,
    target: targetLabel(row.target),
    requestsPerSecond: medianOf(row.samples, 'requestsPerSecond')!,
    p50Ms: medianOf(row.samples, 'p50Ms')!,
    p99Ms: medianOf(row.samples, 'p99Ms')!,
    upstreamPerOperation: row.target.target === 'emulator' ? undefined : row.upstreamPerOperation,
    cpuMicrosPerRequest: medianOf(row.samples, 'cpuPerRequest'),
    cpuSpread: spreadOf(row.samples, 'cpuPerRequest'),
    peakRssBytes: row.target.target === 'gateway' ? row.peakRssBytes : undefined,
  };
}
