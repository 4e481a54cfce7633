import type { EmulatorRequest, EmulatorResponse } from './emulator.types';

/** What a fault does to a request instead of (or before) the normal answer. */
export type FaultAction =
  | { kind: 'respond'; response: EmulatorResponse }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number };

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

function matches(rule: FaultRule, request: EmulatorRequest): boolean {
  if (rule.method && rule.method.toUpperCase() !== request.method) return false;
  if (rule.transport && rule.transport !== request.transport) return false;
  if (rule.path instanceof RegExp) return rule.path.test(request.path);
  if (typeof rule.path === 'string') return request.path.startsWith(rule.path);
  return true;
}

/** Fault rules tests (and the standalone emulator) install; first match wins. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): this {
    this.rules.push({ ...rule });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, consuming one use of its rule, or undefined. */
  take(request: EmulatorRequest): FaultAction | undefined {
    const rule = this.rules.find((r) => (r.times === undefined || r.times > 0) && matches(r, request));
    if (!rule) return undefined;
    if (rule.times !== undefined) rule.times--;
    return rule.action;
  }
}
