import { startEmulator } from './emulator';
import { loadReportQuotaOptions } from './emulator-config';
import { EMULATOR_SAMPLE_TOKEN } from './sample-token';

/** What `npm start` needs of the emulator when no upstream is configured. */
export interface EmbeddedEmulator {
  /** Beta version root the gateway should call. */
  readonly baseUrl: string;
  /** Token the start banner and GraphiQL suggest (any bearer token works). */
  readonly sampleToken: string;
  close(): Promise<void>;
}

/** The one entry the gateway process loads (dynamically) to run against sample data. */
export interface EmbeddedEmulatorOptions {
  resourcePath: string;
  /** Loopback port; 0 (the default) picks a free one. */
  port?: number;
  /** Where EMULATOR_REPORT_QUOTA* and EMULATOR_REFUSE_TOKEN* are read. */
  env: Record<string, string | undefined>;
}

export async function startEmbeddedEmulator(options: EmbeddedEmulatorOptions): Promise<EmbeddedEmulator> {
  // The quota is on with Graph's documented numbers unless EMULATOR_REPORT_QUOTA* says otherwise.
  const emulator = await startEmulator({ resourcePath: options.resourcePath, port: options.port, ...loadReportQuotaOptions(options.env) });
  return { baseUrl: emulator.baseUrl('beta'), sampleToken: EMULATOR_SAMPLE_TOKEN, close: () => emulator.close() };
}
