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
export async function startEmbeddedEmulator(resourcePath: string, env: Record<string, string | undefined>): Promise<EmbeddedEmulator> {
  // The quota is on with Graph's documented numbers unless EMULATOR_REPORT_QUOTA* says otherwise.
  const emulator = await startEmulator({ resourcePath, ...loadReportQuotaOptions(env) });
  return { baseUrl: emulator.baseUrl('beta'), sampleToken: EMULATOR_SAMPLE_TOKEN, close: () => emulator.close() };
}
