import { EmulatorConfigError, loadEmulatorOptions } from './emulator-config';
import { startEmulator } from './emulator';
import { describeReportQuota } from './report-quota-banner';

/** `npm run emulator`: the Graph emulator on its own, with fault modes from the environment (see emulator-config.ts). */
async function main(): Promise<void> {
  const options = loadEmulatorOptions(process.env);
  const emulator = await startEmulator(options);
  const random = options.faults?.random;
  process.stdout.write(
    [
      `Graph emulator listening: ${emulator.baseUrl('v1.0')} and ${emulator.baseUrl('beta')} (any bearer token)`,
      `Faults: ${random ? `${random.rate * 100} % random from the Graph status pools${random.seed === undefined ? '' : `, seed ${random.seed}`}, Retry-After ${random.retryAfterSeconds} s` : 'none'}; added latency ${options.faults?.latencyMs ?? 0} ms`,
      describeReportQuota(emulator.reportQuota),
      `Point a gateway at it: GRAPH_BASE_URL=${emulator.baseUrl('beta')} npm start`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof EmulatorConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
