export interface PollLimits {
  /** Pause between two checks. */
  intervalMs: number;
  /** Stop once this long has passed since the first check. */
  timeoutMs?: number;
  /** Stop after this many checks. */
  attempts?: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks `condition` until it holds or a limit is reached; answers whether it held. The caller
 * asserts on the result (or on what the condition saw), so a poll that gives up fails the test there.
 */
export async function pollUntil(condition: () => boolean | Promise<boolean>, limits: PollLimits): Promise<boolean> {
  if (limits.timeoutMs === undefined && limits.attempts === undefined) {
    throw new Error('pollUntil needs timeoutMs or attempts: a poll without a limit could hang the run');
  }
  const deadline = Date.now() + (limits.timeoutMs ?? Infinity);
  for (let attempt = 1; ; attempt++) {
    if (await condition()) return true;
    if (attempt >= (limits.attempts ?? Infinity) || Date.now() > deadline) return false;
    await pause(limits.intervalMs);
  }
}

/** Polls a condition the system under test must reach; fails with `what` if it does not within `ms`. */
export async function eventually(what: string, condition: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  if (!(await pollUntil(condition, { timeoutMs: ms, intervalMs: 10 }))) throw new Error(`timed out waiting until ${what}`);
}
