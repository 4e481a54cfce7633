import type { EmulatorOptions } from './emulator';
import { DOCUMENTED_REPORT_QUOTA, type ReportQuotaLimits } from './report-quota';
import type { TokenRefusalOptions } from './token-refusal';

type Env = Record<string, string | undefined>;

export class EmulatorConfigError extends Error {
  override name = 'EmulatorConfigError';
}

function readNumber(env: Env, name: string, min: number, max: number, problems: string[], integer = true): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(raw) || value < min || value > max) {
    problems.push(`${name}=${JSON.stringify(raw)}: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    return undefined;
  }
  return value;
}

/**
 * The standalone emulator's settings (`npm run emulator`):
 * - EMULATOR_PORT (default 4010), EMULATOR_HOST (default 127.0.0.1: loopback only)
 * - EMULATOR_RESOURCE_PATH (default /reports/office365ActivationCounts)
 * - EMULATOR_FAULT_RATE: percent of requests answered from the Graph status pools (0 to 100, default 0)
 * - EMULATOR_FAULT_SEED: seed for a reproducible fault sequence (default: unseeded)
 * - EMULATOR_RETRY_AFTER_SECONDS: Retry-After on injected 429s (default 3, as the Graph SDK's ChaosHandler)
 * - EMULATOR_LATENCY_MS: added to every request (default 0)
 * - the report quota and refused tokens: see loadReportQuotaOptions
 */
export function loadEmulatorOptions(env: Env): EmulatorOptions & { port: number; host: string } {
  const problems: string[] = [];
  const port = readNumber(env, 'EMULATOR_PORT', 0, 65535, problems) ?? 4010;
  const ratePercent = readNumber(env, 'EMULATOR_FAULT_RATE', 0, 100, problems, false) ?? 0;
  const seed = readNumber(env, 'EMULATOR_FAULT_SEED', 0, 2 ** 32 - 1, problems);
  const retryAfterSeconds = readNumber(env, 'EMULATOR_RETRY_AFTER_SECONDS', 0, 180, problems) ?? 3;
  const latencyMs = readNumber(env, 'EMULATOR_LATENCY_MS', 0, 600_000, problems) ?? 0;
  const resourcePath = env.EMULATOR_RESOURCE_PATH || '/reports/office365ActivationCounts';
  if (!/^(\/[A-Za-z0-9_.~-]+)+$/.test(resourcePath)) problems.push(`EMULATOR_RESOURCE_PATH=${JSON.stringify(resourcePath)}: expected a path such as /reports/office365ActivationCounts`);
  const quota = readReportQuotaOptions(env, problems);
  if (problems.length > 0) throw new EmulatorConfigError(`Invalid emulator configuration:\n  - ${problems.join('\n  - ')}`);
  return {
    ...quota,
    port,
    host: env.EMULATOR_HOST || '127.0.0.1',
    resourcePath,
    faults: { latencyMs, random: ratePercent > 0 ? { rate: ratePercent / 100, seed, retryAfterSeconds } : undefined },
  };
}

/**
 * Graph's report quota and token refusal, for `npm run emulator` and the embedded emulator of `npm start`:
 * - EMULATOR_REPORT_QUOTA: on (default: Graph's documented numbers) or off
 * - EMULATOR_REPORT_QUOTA_SCALE: multiplies the window, counts stay documented (0.1: 14 CSV calls per 60 s). Default 1
 * - EMULATOR_REPORT_QUOTA_WINDOW_SECONDS (default 600), EMULATOR_REPORT_QUOTA_CSV_PER_APP (14),
 *   EMULATOR_REPORT_QUOTA_CSV_PER_TENANT (40), EMULATOR_REPORT_QUOTA_JSON_PER_APP (100)
 * - EMULATOR_REFUSE_TOKENS: comma-separated tokens answered 401 InvalidAuthenticationToken
 * - EMULATOR_REFUSE_TOKEN_PREFIX: comma-separated prefixes; tokens starting with one are refused
 * - EMULATOR_REPORT_PER_CALLER: on tags every report row with its caller (see reportPerCaller); default off
 */
export function loadReportQuotaOptions(env: Env): Pick<EmulatorOptions, 'reportQuota' | 'refuseTokens' | 'reportPerCaller'> {
  const problems: string[] = [];
  const options = readReportQuotaOptions(env, problems);
  if (problems.length > 0) throw new EmulatorConfigError(`Invalid emulator configuration:\n  - ${problems.join('\n  - ')}`);
  return options;
}

function readReportQuotaOptions(env: Env, problems: string[]): Pick<EmulatorOptions, 'reportQuota' | 'refuseTokens' | 'reportPerCaller'> {
  const refuseTokens = readRefusals(env);
  const perCaller = (env.EMULATOR_REPORT_PER_CALLER || 'off').toLowerCase();
  if (perCaller !== 'on' && perCaller !== 'off') problems.push(`EMULATOR_REPORT_PER_CALLER=${JSON.stringify(env.EMULATOR_REPORT_PER_CALLER)}: expected on or off`);
  const mode = (env.EMULATOR_REPORT_QUOTA || 'on').toLowerCase();
  if (mode !== 'on' && mode !== 'off') problems.push(`EMULATOR_REPORT_QUOTA=${JSON.stringify(env.EMULATOR_REPORT_QUOTA)}: expected on or off`);
  const scale = readNumber(env, 'EMULATOR_REPORT_QUOTA_SCALE', 0.0001, 1000, problems, false) ?? 1;
  const windowSeconds = readNumber(env, 'EMULATOR_REPORT_QUOTA_WINDOW_SECONDS', 1, 86_400, problems) ?? DOCUMENTED_REPORT_QUOTA.windowSeconds;
  const limits: ReportQuotaLimits = {
    csvPerApp: readNumber(env, 'EMULATOR_REPORT_QUOTA_CSV_PER_APP', 1, 1_000_000, problems) ?? DOCUMENTED_REPORT_QUOTA.csvPerApp,
    csvPerTenant: readNumber(env, 'EMULATOR_REPORT_QUOTA_CSV_PER_TENANT', 1, 1_000_000, problems) ?? DOCUMENTED_REPORT_QUOTA.csvPerTenant,
    jsonPerApp: readNumber(env, 'EMULATOR_REPORT_QUOTA_JSON_PER_APP', 1, 1_000_000, problems) ?? DOCUMENTED_REPORT_QUOTA.jsonPerApp,
    windowSeconds: windowSeconds * scale,
  };
  // Unset means the emulator's own default (the documented numbers), so the options name only what the environment chose.
  const quotaChosen = Object.keys(env).some((name) => name.startsWith('EMULATOR_REPORT_QUOTA') && env[name] !== undefined && env[name] !== '');
  return {
    ...(quotaChosen ? { reportQuota: mode === 'off' ? false : limits } : {}),
    ...(refuseTokens ? { refuseTokens } : {}),
    ...(perCaller === 'on' ? { reportPerCaller: true } : {}),
  };
}

function readRefusals(env: Env): TokenRefusalOptions | undefined {
  const list = (raw: string | undefined): string[] => (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const tokens = list(env.EMULATOR_REFUSE_TOKENS);
  const prefixes = list(env.EMULATOR_REFUSE_TOKEN_PREFIX);
  return tokens.length + prefixes.length > 0 ? { tokens, prefixes } : undefined;
}
