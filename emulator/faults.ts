import type { EmulatorRequest, EmulatorResponse } from './emulator.types';
import { RandomFaults, type RandomFaultOptions } from './random-faults';

/** What a fault does to a request instead of (or before) the normal answer. */
export type FaultAction =
  | { kind: 'respond'; response: EmulatorResponse }
  /** Never answer; the connection stays open until the client gives up. */
  | { kind: 'hang' }
  /** Destroy the connection without an answer (inside a $batch: that item answers 500). */
  | { kind: 'reset' }
  /** Wait, then answer normally. */
  | { kind: 'delay'; ms: number }
  /** Handle the request normally, then send the headers and only part of the body before closing the connection. */
  | { kind: 'truncate' }
  /** Answer 200 with a JSON content type and a body that is not JSON. */
  | { kind: 'malformed' };

/** A manual fault rule, in the spirit of the Graph SDK's ChaosHandler manual mode. */
export interface FaultRule {
  method?: string;
  /** Matches the path below the version root: a prefix string or a RegExp. */
  path?: string | RegExp;
  transport?: 'http' | 'batch';
  /** How many requests it applies to; default: all. */
  times?: number;
  action: FaultAction;
}

/** Options that apply to every request, set with FaultInjector.configure (tests and the standalone emulator). */
export interface GlobalFaultOptions {
  /** Random mode; undefined turns it off. */
  random?: RandomFaultOptions;
  /** Added to every request before it is answered (0 = none). */
  latencyMs?: number;
}

function matches(rule: FaultRule, request: EmulatorRequest): boolean {
  if (rule.method && rule.method.toUpperCase() !== request.method) return false;
  if (rule.transport && rule.transport !== request.transport) return false;
  if (rule.path instanceof RegExp) return rule.path.test(request.path);
  if (typeof rule.path === 'string') return request.path.startsWith(rule.path);
  return true;
}

/**
 * Fault rules tests (and the standalone emulator) install. Manual rules come first (first match
 * wins); then random mode, if on. `injected` counts what was injected, by kind or status.
 */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: RandomFaults | undefined;
  private latency = 0;
  readonly injected = new Map<string, number>();

  add(rule: FaultRule): this {
    this.rules.push({ ...rule });
    return this;
  }

  /** Turns random mode and added latency on or off; rules added with add() are kept. */
  configure(options: GlobalFaultOptions): this {
    this.random = options.random && options.random.rate > 0 ? new RandomFaults(options.random) : undefined;
    if (options.latencyMs !== undefined && !(Number.isFinite(options.latencyMs) && options.latencyMs >= 0)) {
      throw new RangeError(`latencyMs must be a non-negative number, got ${options.latencyMs}`);
    }
    this.latency = options.latencyMs ?? 0;
    return this;
  }

  /** Removes every rule, random mode and added latency. */
  clear(): void {
    this.rules = [];
    this.random = undefined;
    this.latency = 0;
    this.injected.clear();
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** The fault for this request, consuming one use of its rule, or undefined. */
  take(request: EmulatorRequest): FaultAction | undefined {
    const rule = this.rules.find((r) => (r.times === undefined || r.times > 0) && matches(r, request));
    if (rule) {
      if (rule.times !== undefined) rule.times--;
      this.count(rule.action.kind === 'respond' ? String(rule.action.response.status) : rule.action.kind);
      return rule.action;
    }
    const response = this.random?.pick(request);
    if (!response) return undefined;
    this.count(String(response.status));
    return { kind: 'respond', response };
  }

  private count(key: string): void {
    this.injected.set(key, (this.injected.get(key) ?? 0) + 1);
  }
}
