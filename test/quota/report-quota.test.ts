import { DOCUMENTED_REPORT_QUOTA, ReportQuota, type ReportFormat } from '../../emulator/report-quota';
import { quotaCallerOf } from '../../emulator/token-claims';
import { fakeJwt } from '../support/fake-jwt';

const A = { tenant: 't1', app: 'a1' };

function clock(start = 0): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function takeMany(quota: ReportQuota, n: number, format: ReportFormat, caller = A): boolean[] {
  return Array.from({ length: n }, () => quota.take(format, caller).admitted);
}

describe('ReportQuota (sliding windows with Graph documented numbers)', () => {
  it('admits 14 CSV calls per app per tenant in 10 minutes, then answers seconds until the oldest slot frees', () => {
    const c = clock();
    const quota = new ReportQuota(DOCUMENTED_REPORT_QUOTA, c.now);
    for (let i = 0; i < 14; i++) {
      expect(quota.take('csv', A).admitted).toBe(true);
      c.advance(1000);
    }
    c.advance(86_000); // the first call was 100 s ago
    expect(quota.take('csv', A)).toEqual({ admitted: false, retryAfterSeconds: 500, limit: 14, scope: 'per app per tenant' });
    c.advance(499_999);
    expect(quota.take('csv', A)).toMatchObject({ admitted: false, retryAfterSeconds: 1 }); // 1 ms left rounds up to a whole second
    c.advance(1);
    expect(quota.take('csv', A).admitted).toBe(true); // exactly 600 s after the first: its slot is free
    expect(quota.take('csv', A).admitted).toBe(false); // the second call (at 1 s) is still inside
  });

  it.each<[string, () => boolean[], boolean[]]>([
    ['JSON allows 100 per app per tenant', () => takeMany(new ReportQuota(DOCUMENTED_REPORT_QUOTA), 101, 'json').slice(99), [true, false]],
    ['CSV and JSON are metered apart', () => { const q = new ReportQuota(DOCUMENTED_REPORT_QUOTA); takeMany(q, 14, 'csv'); return [q.take('csv', A).admitted, q.take('json', A).admitted]; }, [false, true]],
    ['another tenant has its own window', () => { const q = new ReportQuota(DOCUMENTED_REPORT_QUOTA); takeMany(q, 14, 'csv'); return [q.take('csv', { tenant: 't2', app: 'a1' }).admitted]; }, [true]],
    ['refused calls do not count', () => { const c = clock(); const q = new ReportQuota({ ...DOCUMENTED_REPORT_QUOTA, csvPerApp: 1, windowSeconds: 10 }, c.now); q.take('csv', A); takeMany(q, 50, 'csv'); c.advance(10_000); return [q.take('csv', A).admitted]; }, [true]],
  ])('%s', (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  it('limits CSV to 40 per tenant across apps', () => {
    const quota = new ReportQuota(DOCUMENTED_REPORT_QUOTA);
    const admitted = [1, 2, 3].flatMap((n) => takeMany(quota, 14, 'csv', { tenant: 't1', app: `app-${n}` })).filter(Boolean);
    expect(admitted).toHaveLength(40); // 14 + 14 + 12
    expect(quota.take('csv', { tenant: 't1', app: 'app-4' })).toMatchObject({ admitted: false, limit: 40, scope: 'per tenant' });
    expect(quota.take('csv', { tenant: 't2', app: 'app-4' }).admitted).toBe(true);
  });

  it.each([
    [{ ...DOCUMENTED_REPORT_QUOTA, csvPerApp: 0 }, /csvPerApp must be a positive whole number, got 0/], // nothing would ever pass
    [{ ...DOCUMENTED_REPORT_QUOTA, jsonPerApp: 1.5 }, /jsonPerApp must be a positive whole number, got 1.5/], // counts are whole
    [{ ...DOCUMENTED_REPORT_QUOTA, windowSeconds: Number.NaN }, /windowSeconds must be a positive number, got NaN/], // no window
  ])('refuses limits %j', (limits, message) => {
    expect(() => new ReportQuota(limits)).toThrow(message);
  });
});

describe("quotaCallerOf (tenant and app from the token's claims, not verified)", () => {
  const fallback = { tenant: 'emulator-default-tenant', app: 'emulator-default-app' };
  it.each<[string, string | undefined, { tenant: string; app: string }]>([
    ['v1 token: appid', `Bearer ${fakeJwt({ tid: 'contoso', appid: 'dashboard' })}`, { tenant: 'contoso', app: 'dashboard' }],
    ['v2 token: azp', `Bearer ${fakeJwt({ tid: 'contoso', azp: 'spa' })}`, { tenant: 'contoso', app: 'spa' }],
    ['appid wins when both are present', `Bearer ${fakeJwt({ tid: 'contoso', appid: 'v1', azp: 'v2' })}`, { tenant: 'contoso', app: 'v1' }],
    ['no tid: default tenant', `Bearer ${fakeJwt({ appid: 'dashboard' })}`, { ...fallback, app: 'dashboard' }],
    ['claims of the wrong type or empty are ignored', `Bearer ${fakeJwt({ tid: 42, appid: '' })}`, fallback],
    ['not a JWT', 'Bearer test-token-alpha', fallback],
    ['middle part not base64url', 'Bearer a.%%%.c', fallback],
    ['claims not an object', `Bearer a.${Buffer.from('[1,2]').toString('base64url')}.c`, fallback],
    ['claims not JSON', `Bearer a.${Buffer.from('{"tid":').toString('base64url')}.c`, fallback],
    ['no header', undefined, fallback],
  ])('%s', (_edge, authorization, expected) => {
    expect(quotaCallerOf(authorization)).toEqual(expected);
  });
});
