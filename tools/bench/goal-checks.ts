import { cpuVersusProxyGoal, floorGoal, notSlowerGoal, perEntityGoal, throughputGoals, upstreamCountGoal } from './goals';
import { findRow, type MeasuredRow } from './measured-row';
import type { TargetCheck } from './report-table';
import { pairedMedianRatio } from './samples';
import { TYPENAME_ONLY } from './scenarios';
import { median } from './stats';

const MB = 1024 * 1024;

/** A goal whose rows share no measured round (a row skipped in some processes) is stated as not met, not thrown. */
function safely(name: string, goal: () => TargetCheck | TargetCheck[]): TargetCheck[] {
  try {
    return [goal()].flat();
  } catch (error: unknown) {
    if (!(error instanceof RangeError)) throw error;
    return [{ name, measured: `not measured: ${error.message}`, goal: '–', met: false }];
  }
}

const peakRssCheck = (name: string, bytes: number): TargetCheck => ({ name, measured: `${(bytes / MB).toFixed(0)} MB`, goal: '≤ 150 MB', met: bytes <= 150 * MB });

/** Issue 14's goals (and the earlier ones still held), each from the rows it compares, measured in the same rounds. */
export function goalChecks(rows: readonly MeasuredRow[], coldStarts: readonly number[]): TargetCheck[] {
  const found = (scenario: string, label: string): MeasuredRow | undefined => findRow(rows, scenario, label);
  const list: TargetCheck[] = [];
  const gatewayA = found('A', 'gateway');
  const proxyA = found('A', 'bare proxy');
  if (gatewayA && proxyA) {
    list.push(...safely('A throughput, gateway / bare proxy', () => throughputGoals(gatewayA.samples, proxyA.samples)));
    list.push(
      ...safely('A p99, gateway / bare proxy', () => {
        const p99 = pairedMedianRatio(gatewayA.samples, proxyA.samples, 'p99Ms');
        return { name: 'A p99, gateway / bare proxy', measured: `${p99.toFixed(2)}×`, goal: '≤ 2×', met: p99 <= 2 };
      }),
    );
    list.push(...safely('A CPU per request, gateway / bare proxy', () => cpuVersusProxyGoal(gatewayA.samples, proxyA.samples)));
    list.push(peakRssCheck('gateway peak RSS under A load', gatewayA.peakRssBytes));
    const floor = found('A', `gateway, ${TYPENAME_ONLY}`);
    const baselineFloor = found('A', `gateway (baseline build), ${TYPENAME_ONLY}`);
    if (floor && baselineFloor) list.push(...safely('{ __typename } floor vs baseline build', () => floorGoal(floor.samples, baselineFloor.samples, proxyA.samples)));
  }
  for (const letter of ['B', 'C'] as const) {
    const gateway = found(letter, 'gateway');
    const baseline = found(letter, 'gateway (baseline build)');
    if (gateway && baseline) list.push(...safely(`${letter} CPU per entity`, () => perEntityGoal(letter, gateway.samples, baseline.samples)));
  }
  for (const baseline of rows.filter((m) => m.target.baseline && !m.target.variant)) {
    const current = found(baseline.target.scenario[0]!, 'gateway');
    if (current) list.push(...safely(`${baseline.target.scenario}: not slower`, () => notSlowerGoal(baseline.target.scenario, current.samples, baseline.samples)));
  }
  // The goal is this build's, as shipped: the baseline build and the other settings (traces, graphql-js execution) have their own column.
  const shipped = rows.filter((m) => m.target.target === 'gateway' && !m.target.baseline && !m.target.gatewayEnv && !m.target.tracesToSink);
  if (shipped.length > 0) list.push(peakRssCheck('peak RSS of this build\'s gateway, default settings, any scenario', Math.max(...shipped.map((m) => m.peakRssBytes))));
  for (const [letter, goal] of [['B', 1], ['C', 5]] as const) {
    const gateway = found(letter, 'gateway');
    if (gateway && gateway.upstreamPerOperation.length > 0) list.push(upstreamCountGoal(letter, gateway.upstreamPerOperation, goal));
  }
  if (coldStarts.length > 0) {
    const coldStart = median(coldStarts);
    list.push({ name: `cold start to /health 200 (median of ${coldStarts.length})`, measured: `${coldStart.toFixed(0)} ms`, goal: '< 1500 ms', met: coldStart < 1500 });
  }
  return list;
}
