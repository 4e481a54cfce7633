import type { ReportCacheScope } from '../../src/config';
import { fakeJwt } from '../../test/support/fake-jwt';
import { quantile, runDashboardLoad } from './dashboard-load';
import { startEmulatorProcess, startGateway, stopChild } from './processes';
import { markdownTable } from './report-table';

/** Scenario E's shape: the real quota and freshness periods, all multiplied by one time scale. */
export interface DashboardSettings {
  /** Distinct tokens (users) of one tenant. BENCH_DASHBOARD_USERS, default 40. */
  users: number;
  /** Seconds each scope's row runs. BENCH_DASHBOARD_SECONDS, default 20. */
  seconds: number;
  /** Multiplies Graph's 10-minute window and the cache's periods. Fixed: 0.01 (600 s → 6 s). */
  timeScale: number;
}

export const DASHBOARD_TIME_SCALE = 0.01;
/** A user refreshes the dashboard once a minute, scaled. */
const REFRESH_SECONDS = 60;
const SCOPES: readonly ReportCacheScope[] = ['off', 'caller', 'tenant'];

export interface DashboardRow {
  scope: ReportCacheScope;
  reportRequests: number;
  /** Report requests Graph answered with data (a 302 or 200), and with 429. */
  graphAnswered: number;
  graph429: number;
  throttled: number;
  throttledAfterData: number;
  stale: number;
  cache: number;
  upstream: number;
  otherErrors: number;
  p50Ms: number;
  p99Ms: number;
  entityFailures: number;
}

function scaled(seconds: number, scale: number): string {
  return String(Math.max(1, Math.round(seconds * scale)));
}

async function runRow(scope: ReportCacheScope, settings: DashboardSettings): Promise<DashboardRow> {
  const emulator = await startEmulatorProcess({ EMULATOR_REPORT_QUOTA_SCALE: String(settings.timeScale) });
  try {
    const gateway = await startGateway(`${emulator.origin}/v1.0`, {
      env: {
        LOG_LEVEL: 'warn',
        REPORT_CACHE_SCOPE: scope,
        REPORT_CACHE_SECONDS: scaled(600, settings.timeScale),
        REPORT_STALE_SECONDS: scaled(3600, settings.timeScale),
        REPORT_PROOF_MAX_SECONDS: scaled(3600, settings.timeScale),
      },
    });
    try {
      const exp = Math.floor(Date.now() / 1000) + 7200;
      const tokens = Array.from({ length: settings.users }, (_, i) => `Bearer ${fakeJwt({ tid: 'bench-tenant', appid: 'bench-dashboard', oid: `user-${i + 1}`, exp })}`);
      const tally = await runDashboardLoad({ gatewayUrl: gateway.url, tokens, seconds: settings.seconds, intervalMs: REFRESH_SECONDS * settings.timeScale * 1000 });
      const counts = await emulator.counts();
      const of = (outcome: string): number => tally.outcomes.get(outcome) ?? 0;
      const known = of('upstream') + of('cache') + of('stale') + of('THROTTLED');
      return {
        scope,
        reportRequests: tally.reportLatenciesMs.length,
        graphAnswered: counts.reportRequests - counts.reportThrottled,
        graph429: counts.reportThrottled,
        throttled: of('THROTTLED'),
        throttledAfterData: tally.throttledAfterData,
        stale: of('stale'),
        cache: of('cache'),
        upstream: of('upstream'),
        otherErrors: tally.reportLatenciesMs.length - known,
        p50Ms: quantile(tally.reportLatenciesMs, 0.5),
        p99Ms: quantile(tally.reportLatenciesMs, 0.99),
        entityFailures: tally.entityFailures,
      };
    } finally {
      await stopChild(gateway.child);
    }
  } finally {
    await stopChild(emulator.child);
  }
}

/** Scenario E, one row per REPORT_CACHE_SCOPE; each row gets a fresh emulator (fresh quota windows) and gateway. */
export async function runDashboardScenario(settings: DashboardSettings, say: (line: string) => void): Promise<DashboardRow[]> {
  const rows: DashboardRow[] = [];
  for (const scope of SCOPES) {
    say(`E dashboard, REPORT_CACHE_SCOPE=${scope}: ${settings.users} users for ${settings.seconds} s`);
    rows.push(await runRow(scope, settings));
  }
  return rows;
}

/** The freshness refreshes a row can need: one per (scaled) REPORT_CACHE_SECONDS of its run. */
export function freshnessRefreshes(settings: DashboardSettings): number {
  return Math.ceil(settings.seconds / (600 * settings.timeScale));
}

export function dashboardTable(rows: readonly DashboardRow[]): string {
  return markdownTable(
    ['REPORT_CACHE_SCOPE', 'report requests', 'Graph report calls answered', 'Graph 429s', 'THROTTLED answers', 'THROTTLED after own data', 'stale answers', 'cache answers', 'upstream answers', 'other errors', 'p50 ms', 'p99 ms', 'entity reads failed'],
    rows.map((r) => [r.scope, r.reportRequests, r.graphAnswered, r.graph429, r.throttled, r.throttledAfterData, r.stale, r.cache, r.upstream, r.otherErrors, r.p50Ms.toFixed(1), r.p99Ms.toFixed(1), r.entityFailures].map(String)),
  );
}

/** What the issue asks of the tenant row, checked on the numbers. */
export function dashboardChecks(rows: readonly DashboardRow[], settings: DashboardSettings): { name: string; measured: string; goal: string; met: boolean }[] {
  const tenant = rows.find((r) => r.scope === 'tenant');
  if (!tenant) return [];
  const bound = settings.users + freshnessRefreshes(settings);
  return [
    { name: 'E tenant: Graph report calls answered', measured: String(tenant.graphAnswered), goal: `≤ users + refreshes = ${bound}`, met: tenant.graphAnswered <= bound },
    { name: 'E tenant: THROTTLED after the token had data', measured: String(tenant.throttledAfterData), goal: '0 (only unproven tokens are throttled)', met: tenant.throttledAfterData === 0 },
  ];
}
