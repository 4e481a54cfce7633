import { ConfigError, loadReportCacheSettings } from '../../src/config';

describe('report cache settings', () => {
  it('has documented defaults', () => {
    expect(loadReportCacheSettings({})).toEqual({ scope: 'caller', freshSeconds: 600, staleSeconds: 3600, proofMaxSeconds: 3600, maxEntries: 1000, maxBytes: 16 * 1024 * 1024 });
  });

  it('reads every variable', () => {
    expect(
      loadReportCacheSettings({ REPORT_CACHE_SCOPE: 'tenant', REPORT_CACHE_SECONDS: '60', REPORT_STALE_SECONDS: '120', REPORT_PROOF_MAX_SECONDS: '900', REPORT_CACHE_MAX_ENTRIES: '50', REPORT_CACHE_MAX_BYTES: '65536' }),
    ).toEqual({ scope: 'tenant', freshSeconds: 60, staleSeconds: 120, proofMaxSeconds: 900, maxEntries: 50, maxBytes: 65536 });
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ REPORT_CACHE_SCOPE: 'global' }, /REPORT_CACHE_SCOPE="global": expected one of off, caller, tenant/], // sharing across tenants does not exist
    [{ REPORT_CACHE_SECONDS: '10m' }, /REPORT_CACHE_SECONDS="10m": expected a whole number from 0 to 86400/], // units are seconds
    [{ REPORT_CACHE_SECONDS: '900', REPORT_STALE_SECONDS: '600' }, /REPORT_STALE_SECONDS=600 is below REPORT_CACHE_SECONDS=900/], // stale shorter than fresh
    [{ REPORT_PROOF_MAX_SECONDS: '0' }, /REPORT_PROOF_MAX_SECONDS="0": expected a whole number from 1/], // a proof that proves nothing
    [{ REPORT_CACHE_MAX_BYTES: '10' }, /REPORT_CACHE_MAX_BYTES="10": expected a whole number from 1024/], // too small for any report
  ])('refuses %j', (env, message) => {
    expect(() => loadReportCacheSettings(env)).toThrow(ConfigError);
    expect(() => loadReportCacheSettings(env)).toThrow(message);
  });
});
