import 'reflect-metadata';
import { ConfigError, configWarnings, loadConfig } from './config';
import { startEmulator, type Emulator } from './emulator/emulator';
import { EMULATOR_SAMPLE_TOKEN } from './emulator/sample-token';
import { explainListenError, StartError } from './listen-errors';
import { createGateway } from './server';
import { startBanner } from './start-banner';

/**
 * Serves the gateway for this process: reads the configuration, starts the embedded emulator when
 * no upstream is configured, prints the start banner, and drains in-flight work on SIGTERM/SIGINT.
 */
export async function runGatewayProcess(): Promise<void> {
  const config = loadConfig(process.env);
  for (const warning of configWarnings(config)) process.stderr.write(`Warning: ${warning}\n`);
  let emulator: Emulator | undefined;
  if (!config.graphBaseUrl) {
    emulator = await startEmulator({ resourcePath: config.graphResourcePath, port: config.emulatorPort }).catch((error: unknown) => {
      throw explainListenError(error, { portSetting: 'EMULATOR_PORT', port: config.emulatorPort, host: '127.0.0.1' });
    });
  }
  const upstreamBaseUrl = config.graphBaseUrl ?? emulator!.baseUrl('beta');
  const gateway = await createGateway({ config, upstreamBaseUrl, graphiqlDefaultToken: emulator ? EMULATOR_SAMPLE_TOKEN : undefined });
  const url = await gateway.listen().catch(async (error: unknown) => {
    await emulator?.close();
    throw explainListenError(error, { portSetting: 'PORT', hostSetting: 'HOST', port: config.port, host: config.host });
  });
  process.stdout.write(startBanner({ url, upstreamBaseUrl, emulator: emulator ? { sampleToken: EMULATOR_SAMPLE_TOKEN } : undefined }));

  // A reader of stdout that went away (EPIPE) must not crash the process while it drains requests.
  process.stdout.on('error', () => undefined);
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received: finishing in-flight requests, then exiting\n`);
    // In-flight operations end within GRAPH_TIMEOUT_MS on their own; this only catches a stuck close.
    const deadline = setTimeout(() => {
      process.stderr.write(`In-flight requests still running after SHUTDOWN_TIMEOUT_MS=${config.shutdownTimeoutMs}: exiting anyway\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    await gateway.close();
    await emulator?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** What to print when the gateway cannot start: a configuration or address problem as its message, anything else with its stack. */
export function describeStartFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
