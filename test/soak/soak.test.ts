import { runSoak } from '../../tools/soak/soak-runner';
import { soakTable } from '../../tools/soak/soak-report';

/**
 * The short soak inside `npm test`: the same workload, faults and checks as `npm run soak`, for a few
 * seconds. RSS is reported but not asserted here: a 3-second run is all warm-up.
 */
describe('short soak: mixed load against the real gateway process, 10 % upstream faults', () => {
  it('serves everything without 5xx, gives every failure a code, and loses no write', async () => {
    const report = await runSoak({ clients: 10, durationMs: 3_000, faultRate: 0.1, seed: 2026, retryAfterSeconds: 1, warmupMs: 1_000, command: 'npx jest test/soak/soak.test.ts' });
    const table = soakTable(report);
    expect(report.requestsServed).toBeGreaterThan(20);
    expect(report.faultsInjected).toBeGreaterThan(0);
    expect({ gateway5xx: report.gateway5xx, transportErrors: report.transportErrors, failuresWithoutCode: report.failuresWithoutCode }).toEqual({ gateway5xx: 0, transportErrors: 0, failuresWithoutCode: 0 });
    expect(report.writes.succeeded).toBeGreaterThan(0);
    expect(report.writes.successNotApplied).toBe(0);
    expect(report.writes.successAppliedOnce + report.writes.successAppliedTwiceOrMore).toBe(report.writes.succeeded);
    expect(report.writes.finalStateMismatches).toBe(0);
    expect(report.processStayedUp).toBe(true);
    expect(report.tokenLeaksInLogs).toBe(0);
    expect(table).toContain('| Gateway HTTP 5xx | 0 |');
  }, 30_000);
});
