/**
 * The value of one sample line of the Prometheus text format, or undefined when absent.
 * `series` is the metric name with its labels exactly as the exposition writes them,
 * e.g. `gateway_upstream_requests_total{method="PATCH",status="503"}` or `process_resident_memory_bytes`.
 */
export function metricSample(metrics: string, series: string): number | undefined {
  const found = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return found === undefined ? undefined : Number(found.slice(series.length + 1));
}

/** Every value `label` takes on the series of `metric`, where it is the first label (prom-client writes them in declared order). */
export function firstLabelValues(metrics: string, metric: string, label: string): Set<string> {
  const pattern = new RegExp(`${metric}\\{${label}="([^"]+)"`, 'g');
  return new Set([...metrics.matchAll(pattern)].map((m) => m[1]!));
}
