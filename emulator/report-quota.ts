import type { QuotaCaller } from './token-claims';

/** The two report APIs Graph meters apart: the v1.0 CSV path and the beta JSON format. */
export type ReportFormat = 'csv' | 'json';

/** Graph's "Reports service limits", per sliding window. */
export interface ReportQuotaLimits {
  /** CSV report requests per window per app per tenant. Documented: 14. */
  csvPerApp: number;
  /** CSV report requests per window per tenant, all apps together. Documented: 40. */
  csvPerTenant: number;
  /** JSON (beta) report requests per window per app per tenant. Documented: 100. */
  jsonPerApp: number;
  /** Length of the sliding window. Documented: 600 (10 minutes). */
  windowSeconds: number;
}

export const DOCUMENTED_REPORT_QUOTA: Readonly<ReportQuotaLimits> = Object.freeze({ csvPerApp: 14, csvPerTenant: 40, jsonPerApp: 100, windowSeconds: 600 });

export type QuotaDecision = { admitted: true } | { admitted: false; retryAfterSeconds: number; limit: number; scope: string };

interface Window {
  key: string;
  limit: number;
  scope: string;
}

/** Above this many tracked windows, empty ones are swept so many distinct tenants cannot grow memory without bound. */
const SWEEP_ABOVE = 10_000;

/**
 * Sliding windows per (tenant, app) and per tenant, as Graph meters its reports: a request is
 * admitted only if every window it belongs to has a free slot, and then counts in all of them.
 * Refused requests do not count (they never reached the report). Each window keeps at most
 * `limit` timestamps, so memory per window is bounded.
 */
export class ReportQuota {
  private readonly windows = new Map<string, number[]>();
  private readonly windowMs: number;

  constructor(
    readonly limits: ReportQuotaLimits,
    private readonly now: () => number = Date.now,
  ) {
    for (const [name, value] of Object.entries(limits)) {
      const valid = name === 'windowSeconds' ? Number.isFinite(value) && value > 0 : Number.isInteger(value) && value >= 1;
      if (!valid) throw new RangeError(`report quota ${name} must be a positive ${name === 'windowSeconds' ? 'number' : 'whole number'}, got ${value}`);
    }
    this.windowMs = limits.windowSeconds * 1000;
  }

  /** Admits one report request of `format` for `caller` (and counts it), or says how long until a slot frees. */
  take(format: ReportFormat, caller: QuotaCaller): QuotaDecision {
    const now = this.now();
    const applicable = this.windowsFor(format, caller);
    const full = applicable
      .map((w) => ({ window: w, stamps: this.live(w.key, now) }))
      .filter(({ window, stamps }) => stamps.length >= window.limit);
    if (full.length === 0) {
      for (const w of applicable) this.live(w.key, now).push(now);
      return { admitted: true };
    }
    // The request needs every window to have room: it waits for the one that frees last.
    const waits = full.map(({ window, stamps }) => ({ window, ms: stamps[stamps.length - window.limit]! + this.windowMs - now }));
    const longest = waits.reduce((a, b) => (b.ms > a.ms ? b : a));
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(longest.ms / 1000)), limit: longest.window.limit, scope: longest.window.scope };
  }

  /** Forgets every request counted so far. */
  reset(): void {
    this.windows.clear();
  }

  private windowsFor(format: ReportFormat, caller: QuotaCaller): Window[] {
    const app = `${format}|app|${caller.tenant}|${caller.app}`;
    if (format === 'json') return [{ key: app, limit: this.limits.jsonPerApp, scope: 'per app per tenant' }];
    return [
      { key: app, limit: this.limits.csvPerApp, scope: 'per app per tenant' },
      { key: `csv|tenant|${caller.tenant}`, limit: this.limits.csvPerTenant, scope: 'per tenant' },
    ];
  }

  /** The window's timestamps still inside it (older ones dropped). */
  private live(key: string, now: number): number[] {
    let stamps = this.windows.get(key);
    if (!stamps) {
      if (this.windows.size >= SWEEP_ABOVE) this.sweep(now);
      stamps = [];
      this.windows.set(key, stamps);
    }
    while (stamps.length > 0 && stamps[0]! <= now - this.windowMs) stamps.shift();
    return stamps;
  }

  private sweep(now: number): void {
    for (const [key, stamps] of this.windows) {
      if (stamps.length === 0 || stamps[stamps.length - 1]! <= now - this.windowMs) this.windows.delete(key);
    }
  }
}
