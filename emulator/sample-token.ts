/** The emulator accepts any bearer token; this is the one the start banner and GraphiQL suggest. */
export const EMULATOR_SAMPLE_TOKEN = 'emulator-sample-token';
