import { DASHBOARD_TIME_SCALE, type DashboardSettings } from './dashboard-scenario';

/** How long and how hard `npm run bench` runs; every value from the environment, with bounds. */
export interface BenchSettings {
  /** Seconds of each measured run. BENCH_SECONDS, default 5. */
  seconds: number;
  /** Seconds of the warm-up run of each target (JIT, pools, caches). BENCH_WARMUP_SECONDS, default 3. */
  warmupSeconds: number;
  /**
   * Seconds of unmeasured load right before each measured run of a row. BENCH_ROUND_WARMUP_SECONDS,
   * default 1. Why: between its rounds a process sits idle while the other rows run, and V8 uses idle
   * time to shrink the heap and age code; measured, a B gateway idle for 40 s then cost 619 µs per
   * operation in its next 5 s instead of 423 (the first generation's: 983 instead of 916). This
   * measures the steady state; 0 measures the first seconds after a pause.
   */
  roundWarmupSeconds: number;
  /** Rounds over all targets, order rotated each round. BENCH_ROUNDS, default 3. */
  rounds: number;
  /**
   * Fresh processes per gateway row (and of the bare proxy), each serving a share of the rounds
   * (see roundsByProcess), so one process's heap sizing does not decide a row. BENCH_PROCESSES,
   * default 3 (or BENCH_ROUNDS when fewer), at most BENCH_ROUNDS.
   */
  processes: number;
  /** Concurrent connections. BENCH_CONNECTIONS, default 50. */
  connections: number;
  /** Gateway cold starts timed (median reported). BENCH_COLD_STARTS, default 5. */
  coldStarts: number;
  /** Only the scenarios whose letter is listed, e.g. "A" or "E". BENCH_SCENARIOS, default ABCDE. */
  scenarios: string;
  /** Extra node flags for the gateway process, e.g. "--cpu-prof". BENCH_GATEWAY_NODE_ARGS, default none. */
  gatewayNodeArgs: string[];
  /**
   * Another build's dist folder (e.g. main's, built in a scratch worktree): every default gateway row
   * also runs from it as "gateway (baseline build)", so before/after ratios come from one run.
   * BENCH_BASELINE_DIST, default none.
   */
  baselineDist?: string;
  /** Scenario E, the dashboard: BENCH_DASHBOARD_USERS (default 40) and BENCH_DASHBOARD_SECONDS per scope (default 20). */
  dashboard: DashboardSettings;
}

/** Three fresh processes per row: the default run takes ~1.3× the one-process run (a warm-up per process). */
const DEFAULT_PROCESSES = 3;

/** A whole-number setting from the environment: its default when unset, refused with its bounds (and why, when given) otherwise. */
export function bounded(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number, why = ''): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}${why}`);
  return value;
}

export function loadBenchSettings(env: Record<string, string | undefined>): BenchSettings {
  const scenarios = (env.BENCH_SCENARIOS || 'ABCDE').toUpperCase();
  if (!/^[ABCDE]+$/.test(scenarios)) throw new Error(`BENCH_SCENARIOS=${JSON.stringify(env.BENCH_SCENARIOS)}: expected letters from ABCDE, e.g. "AB"`);
  const rounds = bounded(env, 'BENCH_ROUNDS', 3, 1, 10);
  // Each process needs at least one round of its own, or it would be started and warmed for nothing.
  const processes = bounded(env, 'BENCH_PROCESSES', Math.min(DEFAULT_PROCESSES, rounds), 1, rounds, ` (BENCH_ROUNDS=${rounds}: each process serves at least one round)`);
  return {
    seconds: bounded(env, 'BENCH_SECONDS', 5, 1, 60),
    warmupSeconds: bounded(env, 'BENCH_WARMUP_SECONDS', 3, 0, 30),
    roundWarmupSeconds: bounded(env, 'BENCH_ROUND_WARMUP_SECONDS', 1, 0, 30),
    rounds,
    processes,
    connections: bounded(env, 'BENCH_CONNECTIONS', 50, 1, 1000),
    coldStarts: bounded(env, 'BENCH_COLD_STARTS', 5, 0, 20),
    scenarios,
    gatewayNodeArgs: (env.BENCH_GATEWAY_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
    baselineDist: env.BENCH_BASELINE_DIST || undefined,
    dashboard: {
      users: bounded(env, 'BENCH_DASHBOARD_USERS', 40, 1, 500),
      seconds: bounded(env, 'BENCH_DASHBOARD_SECONDS', 20, 5, 300),
      timeScale: DASHBOARD_TIME_SCALE,
    },
  };
}

/** Targets in round `round`, rotated so no target always runs first (or right after a heavy one). */
export function rotate<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return [];
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/**
 * The rounds each process serves, in order: consecutive shares, the first processes taking one more
 * when they do not divide evenly (5 rounds, 3 processes: [[0, 1], [2, 3], [4]]). Every row's process k
 * serves the same rounds, so a row and its baseline-build row are always measured in the same round.
 */
export function roundsByProcess(rounds: number, processes: number): number[][] {
  if (!Number.isInteger(processes) || processes < 1 || processes > rounds) throw new RangeError(`${processes} processes for ${rounds} rounds: expected 1 to ${rounds}`);
  const shares: number[][] = [];
  let next = 0;
  for (let p = 0; p < processes; p++) {
    const size = Math.floor(rounds / processes) + (p < rounds % processes ? 1 : 0);
    shares.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  return shares;
}
