import { callerCopyKey, tenantCopyKey } from '../../src/activation-counts/report/report-cache-key';
import { estimateReportBytes, ReportCache, type ReportCacheOptions } from '../../src/activation-counts/report/report-cache';
import { cachedReportExtension, upstreamReportExtension } from '../../src/activation-counts/report/report-extension';

interface Row {
  productType: string;
  windows: bigint;
}

const ROWS: Row[] = [{ productType: 'Office 365 ProPlus', windows: 9223372036854775807n }];
const T0 = Date.parse('2026-12-01T08:00:00Z');

function cacheAt(options: Partial<ReportCacheOptions> = {}) {
  let now = T0;
  const cache = new ReportCache<Row>({ freshSeconds: 600, staleSeconds: 3600, maxEntries: 100, maxBytes: 1_000_000, now: () => now, ...options });
  return { cache, at: (seconds: number) => void (now = T0 + seconds * 1000) };
}

describe('ReportCache (fresh, stale, gone)', () => {
  it.each<[string, number, number | undefined, object | undefined]>([
    ['just fetched: fresh', 0, undefined, { source: 'cache', ageSeconds: 0 }],
    ['one second before the freshness period ends', 599, undefined, { source: 'cache', ageSeconds: 599 }],
    ['at REPORT_CACHE_SECONDS: stale', 600, undefined, { source: 'stale', ageSeconds: 600 }],
    ['one second before REPORT_STALE_SECONDS', 3599, undefined, { source: 'stale', ageSeconds: 3599 }],
    ['at REPORT_STALE_SECONDS: gone', 3600, undefined, undefined],
    ['before the token expires: fresh', 299, 300, { source: 'cache', ageSeconds: 299 }],
    ['at the token exp, inside the freshness period: gone', 300, 300, undefined],
    ['past the token exp, inside the stale period: gone', 1200, 900, undefined],
  ])('%s', (_edge, ageSeconds, expSeconds, expected) => {
    const { cache, at } = cacheAt();
    cache.put('k', { rows: ROWS, notAfter: expSeconds === undefined ? undefined : T0 + expSeconds * 1000, tid: 't1' });
    at(ageSeconds);
    const copy = cache.get('k');
    expect(copy === undefined ? undefined : { source: copy.source, ageSeconds: copy.ageSeconds }).toEqual(expected);
    if (expected) expect(copy).toMatchObject({ rows: ROWS, fetchedAt: T0, tid: 't1' });
    else expect(cache.size).toBe(0); // an unusable copy does not keep its place
  });

  it('keeps the newer copy when an older answer arrives later', () => {
    const { cache } = cacheAt();
    expect(cache.put('k', { rows: ROWS, fetchedAt: T0 })).toBe(true);
    expect(cache.put('k', { rows: [], fetchedAt: T0 - 1000 })).toBe(false);
    expect(cache.get('k')!.rows).toEqual(ROWS);
  });

  it('freezes what it keeps, so one answer cannot change another caller\'s copy', () => {
    const { cache } = cacheAt();
    const rows = [{ ...ROWS[0]! }];
    cache.put('k', { rows });
    rows[0]!.productType = 'changed after put';
    const copy = cache.get('k')!;
    expect(copy.rows[0]!.productType).toBe('Office 365 ProPlus');
    expect(Object.isFrozen(copy.rows)).toBe(true);
    expect(Object.isFrozen(copy.rows[0])).toBe(true);
  });
});

describe('ReportCache bounds (LRU by entries and bytes)', () => {
  it('evicts the least recently used copy beyond maxEntries', () => {
    const { cache } = cacheAt({ maxEntries: 2 });
    cache.put('a', { rows: ROWS });
    cache.put('b', { rows: ROWS });
    cache.get('a');
    cache.put('c', { rows: ROWS });
    expect(['a', 'b', 'c'].map((k) => cache.get(k) !== undefined)).toEqual([true, false, true]);
  });

  it('evicts by estimated bytes and refuses a single copy larger than maxBytes', () => {
    const { cache } = cacheAt({ maxBytes: 100 });
    cache.put('a', { rows: ROWS, bytes: 40 });
    cache.put('b', { rows: ROWS, bytes: 40 });
    cache.put('c', { rows: ROWS, bytes: 40 });
    expect(cache.bytes).toBe(80);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.put('huge', { rows: ROWS, bytes: 101 })).toBe(false);
    expect(cache.get('huge')).toBeUndefined();
  });

  it('estimates bytes from the rows, Int64 counted as its digits', () => {
    expect(estimateReportBytes(ROWS)).toBe('[{"productType":"Office 365 ProPlus","windows":"9223372036854775807"}]'.length);
  });

  it.each([
    [{ freshSeconds: 601, staleSeconds: 600 }, /0 <= freshSeconds <= staleSeconds, got 601 and 600/], // stale shorter than fresh
    [{ freshSeconds: -1, staleSeconds: 600 }, /got -1 and 600/], // negative freshness
  ])('refuses %j', (periods, message) => {
    expect(() => new ReportCache({ maxEntries: 1, maxBytes: 1, ...periods })).toThrow(message);
  });
});

describe('report cache keys', () => {
  it.each([
    ['eyJ0eXAiOiJKV1QifQ.eyJ0aWQiOiJ0In0.c2ln'], // a JWT-shaped token
    ['emulator-sample-token'], // an opaque one
  ])('keys %s by its SHA-256, never the token', (token) => {
    const key = callerCopyKey(token);
    expect(key).toMatch(/^caller:[0-9a-f]{64}$/);
    expect(key).not.toContain(token);
    expect(callerCopyKey(token)).toBe(key); // stable
    expect(callerCopyKey(`${token}x`)).not.toBe(key); // another token, another copy
  });

  it('keeps tenant copies apart from callers\' copies', () => {
    expect(tenantCopyKey('contoso')).toBe('tenant:contoso');
    expect(tenantCopyKey('contoso')).not.toBe(callerCopyKey('contoso'));
  });
});

describe('the extensions.office365ActivationCountsReport answer', () => {
  it.each([
    ['fresh from Graph', () => upstreamReportExtension(T0), { source: 'upstream', ageSeconds: 0, fetchedAt: '2026-12-01T08:00:00.000Z' }],
    ['a fresh copy', () => cachedReportExtension({ rows: [], source: 'cache', fetchedAt: T0, ageSeconds: 42 }), { source: 'cache', ageSeconds: 42, fetchedAt: '2026-12-01T08:00:00.000Z' }],
    ['a stale copy while Graph throttles', () => cachedReportExtension({ rows: [], source: 'stale', fetchedAt: T0, ageSeconds: 900 }, 120), { source: 'stale', ageSeconds: 900, fetchedAt: '2026-12-01T08:00:00.000Z', retryAfterSeconds: 120 }],
  ])('%s', (_case, build, expected) => {
    expect(build()).toEqual(expected);
  });
});
