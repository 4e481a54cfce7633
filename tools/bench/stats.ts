/** Median of a non-empty list; the middle two averaged for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A field of /proc/PID/status such as "VmHWM:	  123456 kB", in bytes; undefined when absent. */
export function procStatusBytes(statusText: string, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(statusText);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** Upstream HTTP requests per operation from counter readings before and after `operations` operations. */
export function upstreamPerOperation(before: number, after: number, operations: number): number {
  if (operations <= 0) throw new RangeError(`operations must be positive, got ${operations}`);
  return (after - before) / operations;
}

/** User plus system CPU time of a process from the text of /proc/PID/stat, in clock ticks. */
export function procStatCpuTicks(statText: string): number {
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
  const rest = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  return Number(rest[11]) + Number(rest[12]);
}
