/** One measured target of one scenario: medians over all its (process, round) runs. */
export interface TargetSummary {
  scenario: string;
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Exact, from sequential probe operations, one value per process; undefined when it does not apply. */
  upstreamPerOperation?: readonly number[];
  /** CPU time the serving process (gateway, proxy or emulator) spent per request, µs: robust to a busy machine. */
  cpuMicrosPerRequest?: number;
  /** Lowest and highest per-process median of CPU µs per request; undefined with fewer than two processes. */
  cpuSpread?: { min: number; max: number };
  /** Peak resident set size (VmHWM) of this row's gateway processes, the highest of them, bytes. */
  peakRssBytes?: number;
}

export interface TargetCheck {
  name: string;
  measured: string;
  goal: string;
  met: boolean;
}

const MB = 1024 * 1024;

function cell(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** A markdown table, columns padded so it also reads well in a terminal. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** One value, or the lowest–highest when they differ (e.g. per-process counts that should agree). */
function rangeCell(values: readonly number[] | undefined, digits: number): string {
  if (values === undefined || values.length === 0) return '–';
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return min === max ? cell(min, digits) : `${cell(min, digits)}–${cell(max, digits)}`;
}

export function resultsTable(summaries: readonly TargetSummary[]): string {
  return markdownTable(
    ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'CPU spread over processes', 'upstream req/op', 'gateway peak RSS MB'],
    summaries.map((s) => [
      s.scenario,
      s.target,
      cell(s.requestsPerSecond, 0),
      cell(s.p50Ms, 1),
      cell(s.p99Ms, 1),
      cell(s.cpuMicrosPerRequest, 0),
      s.cpuSpread ? `${cell(s.cpuSpread.min, 0)}–${cell(s.cpuSpread.max, 0)}` : '–',
      rangeCell(s.upstreamPerOperation, 2),
      cell(s.peakRssBytes === undefined ? undefined : s.peakRssBytes / MB, 0),
    ]),
  );
}

export function checksTable(checks: readonly TargetCheck[]): string {
  return markdownTable(
    ['target', 'measured', 'goal', 'met'],
    checks.map((c) => [c.name, c.measured, c.goal, c.met ? 'yes' : 'NO']),
  );
}
