import 'reflect-metadata';
import { ConfigError, configWarnings, loadConfig } from './config';
import type { EmbeddedEmulator } from '../emulator/embedded';
import { explainListenError, StartError } from './listen-errors';
import { createGateway } from './server';
import { startBanner } from './start-banner';
import type { GatewayTracing } from './tracing/gateway-tracing';

/**
 * Serves the gateway for this process: reads the configuration, starts the embedded emulator when
 * no upstream is configured, prints the start banner, and drains in-flight work on SIGTERM/SIGINT.
 */
export async function runGatewayProcess(): Promise<void> {
  const config = loadConfig(process.env);
  for (const warning of configWarnings(config)) process.stderr.write(`Warning: ${warning}\n`);
  // The emulator is a test rig: it is loaded only when no upstream is configured, so a gateway
  // pointed at the real Graph never has its modules (or its fault machinery) in memory. A lazy
  // require, not import(): the build is CommonJS, and under node16 resolution import() wants a
  // '.js' path that the swc-run sources (tests, soak) do not have.
  let emulator: EmbeddedEmulator | undefined;
  if (!config.graphBaseUrl) {
    const { startEmbeddedEmulator } = require('../emulator/embedded') as typeof import('../emulator/embedded');
    emulator = await startEmbeddedEmulator({ resourcePath: config.graphResourcePath, port: config.emulatorPort, env: process.env }).catch((error: unknown) => {
      throw explainListenError(error, { portSetting: 'EMULATOR_PORT', port: config.emulatorPort, host: '127.0.0.1' });
    });
  }
  const upstreamBaseUrl = config.graphBaseUrl ?? emulator!.baseUrl;
  // Likewise the OpenTelemetry SDK: loaded only when an OTLP endpoint is configured.
  let tracing: GatewayTracing | undefined;
  if (config.tracing) {
    tracing = (require('./tracing/start-tracing') as typeof import('./tracing/start-tracing')).startTracing(config.tracing, { warn: (message) => process.stderr.write(`${message}\n`) });
    const endpoint = new URL(config.tracing.tracesEndpoint);
    process.stdout.write(`Traces: OTLP/HTTP to ${endpoint.origin}${endpoint.pathname}\n`);
  }
  const gateway = await createGateway({ config, upstreamBaseUrl, graphiqlDefaultToken: emulator?.sampleToken, upstreamIsEmulator: emulator !== undefined, tracing });
  const url = await gateway.listen().catch(async (error: unknown) => {
    await emulator?.close();
    throw explainListenError(error, { portSetting: 'PORT', hostSetting: 'HOST', port: config.port, host: config.host });
  });
  process.stdout.write(startBanner({ url, upstreamBaseUrl, emulator: emulator ? { sampleToken: emulator.sampleToken } : undefined }));

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
  // Compared by name: importing the emulator's error class would load the emulator into every gateway.
  if (error instanceof ConfigError || error instanceof StartError || (error instanceof Error && error.name === 'EmulatorConfigError')) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
