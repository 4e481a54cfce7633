import { Counter, Histogram, type Registry } from 'prom-client';

/** Counters and histograms registered in one registry (each gateway has its own: tests run several per process). */
export interface MetricFactory {
  counter<L extends string = never>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
  histogram<L extends string = never>(name: string, help: string, buckets: number[], labelNames?: readonly L[]): Histogram<L>;
}

export function metricsIn(registry: Registry): MetricFactory {
  const registers = [registry];
  return {
    counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames, registers }),
    histogram: (name, help, buckets, labelNames = []) => new Histogram({ name, help, labelNames, buckets, registers }),
  };
}
