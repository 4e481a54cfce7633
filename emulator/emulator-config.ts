import type { EmulatorOptions } from './emulator';

type Env = Record<string, string | undefined>;

export class EmulatorConfigError extends Error {}

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
  if (problems.length > 0) throw new EmulatorConfigError(`Invalid emulator configuration:\n  - ${problems.join('\n  - ')}`);
  return {
    port,
    host: env.EMULATOR_HOST || '127.0.0.1',
    resourcePath,
    faults: { latencyMs, random: ratePercent > 0 ? { rate: ratePercent / 100, seed, retryAfterSeconds } : undefined },
  };
}
