import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import type { EmbeddedEmulator } from '../emulator/embedded';
import { createGateway } from './server';

/**
 * Serves the gateway for this process: reads the configuration, starts the embedded emulator when
 * no upstream is configured, prints the start banner, and drains in-flight work on SIGTERM/SIGINT.
 */
export async function runGatewayProcess(): Promise<void> {
  const config = loadConfig(process.env);
  // The emulator is a test rig: it is loaded only when no upstream is configured, so a gateway
  // pointed at the real Graph never has its modules (or its fault machinery) in memory. A lazy
  // require, not import(): the build is CommonJS, and under node16 resolution import() wants a
  // '.js' path that the swc-run sources (tests, soak) do not have.
  let emulator: EmbeddedEmulator | undefined;
  if (!config.graphBaseUrl) {
    const { startEmbeddedEmulator } = require('../emulator/embedded') as typeof import('../emulator/embedded');
    emulator = await startEmbeddedEmulator(config.graphResourcePath, process.env);
  }
  const upstreamBaseUrl = config.graphBaseUrl ?? emulator!.baseUrl;
  const gateway = await createGateway({ config, upstreamBaseUrl, graphiqlDefaultToken: emulator?.sampleToken });
  const url = await gateway.listen();

  const upstream = emulator ? `embedded emulator at ${upstreamBaseUrl} (sample data; any bearer token works)` : upstreamBaseUrl;
  const token = emulator?.sampleToken ?? '<your Graph access token>';
  process.stdout.write(
    [
      `GraphQL gateway for office365ActivationCounts ready at ${url}/graphql`,
      `Upstream: ${upstream}`,
      `GraphiQL (served offline from this process): ${url}/graphiql`,
      'Try a mutation:',
      `  curl -s ${url}/graphql -H 'content-type: application/json' -H 'authorization: Bearer ${token}' \\`,
      `    -d '{"query":"mutation { updateOffice365ActivationCounts(id: \\"big-numbers\\", input: { windows: 9223372036854775807 }) { id windows mac } }"}'`,
      '',
    ].join('\n'),
  );

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

/** What to print when the gateway cannot start: a configuration problem as its message, anything else with its stack. */
export function describeStartFailure(error: unknown): string {
  // Compared by name: importing the emulator's error class would load the emulator into every gateway.
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'EmulatorConfigError')) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
