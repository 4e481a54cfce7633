import { startEmulator } from '../../emulator/emulator';
import { spawnGateway } from '../../test/support/gateway-process';
import { httpGet } from '../../test/support/graphql-http';
import { findSecretLeaks } from '../../test/support/log-scan';
import { metricSample } from '../../test/support/prometheus';
import { int64Counts, sampleEntitiesAnd } from '../../test/support/sample-data';
import { accountWrites, percentile, type SoakReport } from './soak-report';
import { runWorkload, soakEntityId, type RequestOutcome } from './soak-workload';

export interface SoakOptions {
  clients: number;
  durationMs: number;
  /** Share of upstream requests the emulator fails, 0 to 1. */
  faultRate: number;
  seed: number;
  /** Retry-After on injected 429s. */
  retryAfterSeconds: number;
  /** RSS is compared from this point on (allocations of the first requests, JIT, pools are warm-up). */
  warmupMs: number;
  /** How the run was started, for the report. */
  command: string;
}

/** One caller per client: the per-caller upstream cap (MAX_UPSTREAM_CONCURRENCY_PER_CALLER) applies per user, as in a real deployment. */
const tokenFor = (client: number): string => `Bearer soak-test-token-5e1f-${client}`;

interface MemorySample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
}

async function memory(url: string, startedAt: number): Promise<MemorySample> {
  const { text } = await httpGet(`${url}/metrics`);
  const value = (name: string): number => (metricSample(text, name) ?? NaN) / 2 ** 20;
  return { atS: Math.round((Date.now() - startedAt) / 1000), rssMb: value('process_resident_memory_bytes'), heapUsedMb: value('nodejs_heap_size_used_bytes') };
}

/**
 * Loopback only: an in-process emulator in random-fault mode, the real gateway as its own process
 * (src/main.ts), and `clients` concurrent clients for `durationMs`. Bounded in time; the gateway is
 * stopped with SIGTERM at the end.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const ids = Array.from({ length: options.clients }, (_, i) => soakEntityId(i));
  const emulator = await startEmulator({
    seed: sampleEntitiesAnd(ids, () => ({ productType: 'soak', ...int64Counts(() => 0n) })),
    faults: { random: { rate: options.faultRate, seed: options.seed, retryAfterSeconds: options.retryAfterSeconds } },
    keepLog: false,
  });
  // Which distinct values each entity's PATCHes really applied, in order.
  const applied = new Map<string, string[]>(ids.map((id) => [id, []]));
  const patch = emulator.store.patch.bind(emulator.store);
  emulator.store.patch = (id, changes) => {
    const result = patch(id, changes);
    if (result && changes.windows !== undefined && applied.has(id)) applied.get(id)!.push(String(changes.windows));
    return result;
  };
  const gateway = spawnGateway({ PORT: '0', GRAPH_BASE_URL: emulator.baseUrl('v1.0'), LOG_LEVEL: 'warn' });
  try {
    const url = await gateway.url;
    const started = Date.now();
    const atLaunch = await memory(url, started);
    const outcomes: RequestOutcome[] = [];
    // Memory every 5 s: RSS alone cannot tell a leak from V8 growing its heap; heap used can.
    const samples: MemorySample[] = [atLaunch];
    const sampler = setInterval(() => void memory(url, started).then((m) => samples.push(m), () => undefined), 5_000);
    await runWorkload({
      url,
      tokenFor,
      clients: options.clients,
      until: started + options.durationMs,
      readableIds: ['proplus', 'business', 'project', 'visio', 'big-numbers', 'missing-entity', ...ids.slice(0, 10)],
      seed: options.seed,
      onOutcome: (o) => outcomes.push(o),
    });
    clearInterval(sampler);
    const elapsedS = (Date.now() - started) / 1000;
    const atEnd = await memory(url, started);
    samples.push(atEnd);
    const afterWarmup = samples.find((m) => m.atS * 1000 >= options.warmupMs) ?? atLaunch;
    const health = await httpGet(`${url}/health`).then((r) => r.status, () => 0);
    const processStayedUp = gateway.child.exitCode === null && health === 200;

    const latencies = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
    const errorCodes: Record<string, number> = {};
    for (const o of outcomes) for (const c of o.errorCodes) errorCodes[c] = (errorCodes[c] ?? 0) + 1;
    const finalValues = new Map(ids.map((id) => [id, emulator.store.get(id)?.windows?.toString() ?? null]));
    const byKind = { read: 0, batchRead: 0, mutation: 0 };
    for (const o of outcomes) byKind[o.kind]++;
    return {
      command: options.command,
      clients: options.clients,
      durationS: Math.round(elapsedS),
      faultRatePercent: options.faultRate * 100,
      retryAfterSeconds: options.retryAfterSeconds,
      seed: options.seed,
      requestsServed: outcomes.filter((o) => o.httpStatus > 0).length,
      byKind,
      gateway5xx: outcomes.filter((o) => o.httpStatus >= 500).length,
      transportErrors: outcomes.filter((o) => o.transportError).length,
      failuresWithoutCode: errorCodes['(none)'] ?? 0,
      errorCodes,
      upstreamHttpRequests: emulator.counters.graphHttp,
      faultsInjected: [...emulator.faults.injected.values()].reduce((a, b) => a + b, 0),
      writes: accountWrites(outcomes, applied, finalValues),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1] ?? 0,
      rssAtLaunchMb: atLaunch.rssMb,
      rssAfterWarmupMb: afterWarmup.rssMb,
      rssEndMb: atEnd.rssMb,
      rssGrowthPercent: ((atEnd.rssMb - afterWarmup.rssMb) / afterWarmup.rssMb) * 100,
      memoryTrend: samples.map((m) => `${m.atS}s ${m.rssMb.toFixed(0)}/${m.heapUsedMb.toFixed(0)}`).join(', '),
      processStayedUp,
      tokenLeaksInLogs: findSecretLeaks(gateway.output().split('\n'), Array.from({ length: options.clients }, (_, client) => tokenFor(client))).length,
    };
  } finally {
    if (gateway.child.exitCode === null) {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
    await emulator.close();
  }
}
