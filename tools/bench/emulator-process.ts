import { startEmulator } from '../../emulator/emulator';
import { loadReportQuotaOptions } from '../../emulator/emulator-config';
import { benchSeed } from './bench-seed';

/** IPC messages between the benchmark runner and this child. */
export type EmulatorChildMessage =
  | { type: 'ready'; origin: string }
  | { type: 'counters'; graphHttp: number; batchItems: number; reportRequests: number; reportThrottled: number };

/**
 * The Graph emulator in its own process, so its CPU is not the load generator's nor the gateway's.
 * It keeps counters only (a log of millions of requests would be the benchmark's biggest cost), and
 * answers `counters` requests over the IPC channel the runner forks it with. The report quota comes
 * from the EMULATOR_REPORT_QUOTA* variables the runner forks it with (the dashboard scenario scales it).
 */
async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: benchSeed(Number(process.env.BENCH_SEED_COUNT ?? 100)), keepLog: false, ...loadReportQuotaOptions(process.env) });
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'counters') process.send!({ type: 'counters', ...emulator.counters } satisfies EmulatorChildMessage);
  });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
  process.send!({ type: 'ready', origin: emulator.origin } satisfies EmulatorChildMessage);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
