import { join } from 'node:path';
import { cpuMicrosOf, peakRssOf, probe, runLoad } from '../bench/load';
import { REPO_ROOT, startEmulatorProcess, startGateway, stopChild } from '../bench/processes';
import { scenarioA, scenarioB, scenarioC, scenarioD, type BenchTarget } from '../bench/scenarios';
import { median } from '../bench/stats';
import { loadProfileSettings, type ProfileScenario } from './profile-settings';

const WARMUP_SECONDS = 3;
const MB = 1024 * 1024;

function targetOf(scenario: ProfileScenario): BenchTarget {
  const [read, , typenameOnly] = scenarioA();
  switch (scenario) {
    case 'A':
      return read!;
    case 'F':
      return typenameOnly!;
    case 'B':
      return scenarioB();
    case 'C':
      return scenarioC();
    case 'D':
      return scenarioD();
  }
}

/**
 * One scenario, one gateway process at a time, the builds alternating (A B A B …), each process
 * warmed up, then loaded: CPU µs per request and peak RSS per process, and each build's median.
 * For finding and checking a change quickly, with profiler flags if wanted; `npm run bench` is the
 * record. Loopback only.
 */
async function main(): Promise<void> {
  const settings = loadProfileSettings(process.env, join(REPO_ROOT, 'dist'));
  const target = targetOf(settings.scenario);
  const emulator = await startEmulatorProcess();
  const cpu = new Map<string, number[]>(settings.dists.map((d) => [d, []]));
  try {
    for (let round = 0; round < settings.processes; round++) {
      for (const dist of settings.dists) {
        const gateway = await startGateway(`${emulator.origin}/beta`, { distDir: dist, env: settings.gatewayEnv, nodeArgs: settings.nodeArgs });
        try {
          await probe(gateway.url, target.request, 5);
          await runLoad(gateway.url, target.request, settings.connections, WARMUP_SECONDS);
          const before = cpuMicrosOf(gateway.child.pid!);
          const result = await runLoad(gateway.url, target.request, settings.connections, settings.seconds);
          const after = cpuMicrosOf(gateway.child.pid!);
          const perRequest = before !== undefined && after !== undefined && result.completed > 0 ? (after - before) / result.completed : NaN;
          cpu.get(dist)!.push(perRequest);
          const rss = peakRssOf(gateway.child.pid!);
          process.stdout.write(`${settings.scenario} ${dist}: ${result.requestsPerSecond.toFixed(0)} req/s, ${perRequest.toFixed(0)} µs CPU/req, peak RSS ${rss === undefined ? '?' : (rss / MB).toFixed(0)} MB, ${result.failures} failed\n`);
        } finally {
          await stopChild(gateway.child);
        }
      }
    }
  } finally {
    await stopChild(emulator.child);
  }
  for (const [dist, values] of cpu) process.stdout.write(`median ${settings.scenario} ${dist}: ${median(values).toFixed(0)} µs CPU/req over ${values.length} processes (${values.map((v) => v.toFixed(0)).join(', ')})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
