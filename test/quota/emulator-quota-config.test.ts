import { createHash } from 'node:crypto';
import { reportCallerTag } from '../../emulator/report-caller-tag';
import { fakeJwt } from '../support/fake-jwt';
import { EmulatorConfigError, loadEmulatorOptions, loadReportQuotaOptions } from '../../emulator/emulator-config';

describe('the report quota and token refusal read from the environment', () => {
  it.each<[string, Record<string, string>, object]>([
    ['nothing set: the emulator keeps its documented default', {}, {}],
    ['scale shortens the window, counts stay documented', { EMULATOR_REPORT_QUOTA_SCALE: '0.1' }, { reportQuota: { csvPerApp: 14, csvPerTenant: 40, jsonPerApp: 100, windowSeconds: 60 } }],
    ['explicit limits and window', { EMULATOR_REPORT_QUOTA_CSV_PER_APP: '3', EMULATOR_REPORT_QUOTA_CSV_PER_TENANT: '5', EMULATOR_REPORT_QUOTA_JSON_PER_APP: '7', EMULATOR_REPORT_QUOTA_WINDOW_SECONDS: '20' }, { reportQuota: { csvPerApp: 3, csvPerTenant: 5, jsonPerApp: 7, windowSeconds: 20 } }],
    ['explicit window and scale multiply', { EMULATOR_REPORT_QUOTA_WINDOW_SECONDS: '100', EMULATOR_REPORT_QUOTA_SCALE: '0.5' }, { reportQuota: expect.objectContaining({ windowSeconds: 50 }) }],
    ['off', { EMULATOR_REPORT_QUOTA: 'off' }, { reportQuota: false }],
    ['refused tokens and prefixes, comma-separated', { EMULATOR_REFUSE_TOKENS: 'a, b', EMULATOR_REFUSE_TOKEN_PREFIX: 'revoked-' }, { refuseTokens: { tokens: ['a', 'b'], prefixes: ['revoked-'] } }],
    ['report data per caller', { EMULATOR_REPORT_PER_CALLER: 'on' }, { reportPerCaller: true }],
  ])('%s', (_case, env, expected) => {
    expect(loadReportQuotaOptions(env)).toEqual(expected);
  });

  it('are part of the standalone emulator options', () => {
    expect(loadEmulatorOptions({ EMULATOR_REPORT_QUOTA: 'off', EMULATOR_REFUSE_TOKENS: 'x' })).toMatchObject({ reportQuota: false, refuseTokens: { tokens: ['x'] } });
  });

  it.each([
    [{ EMULATOR_REPORT_QUOTA: 'sometimes' }, /EMULATOR_REPORT_QUOTA="sometimes": expected on or off/], // not a mode
    [{ EMULATOR_REPORT_PER_CALLER: 'yes' }, /EMULATOR_REPORT_PER_CALLER="yes": expected on or off/], // on/off like the quota
    [{ EMULATOR_REPORT_QUOTA_SCALE: '0' }, /EMULATOR_REPORT_QUOTA_SCALE="0": expected a number from 0.0001 to 1000/], // a zero window
    [{ EMULATOR_REPORT_QUOTA_CSV_PER_APP: '0' }, /EMULATOR_REPORT_QUOTA_CSV_PER_APP="0": expected a whole number from 1/], // nothing would pass
    [{ EMULATOR_REPORT_QUOTA_WINDOW_SECONDS: 'ten' }, /EMULATOR_REPORT_QUOTA_WINDOW_SECONDS="ten"/], // not a number
  ])('refuses %j naming the variable and what is expected', (env, message) => {
    expect(() => loadReportQuotaOptions(env)).toThrow(EmulatorConfigError);
    expect(() => loadReportQuotaOptions(env)).toThrow(message);
  });
});

describe("the emulator's per-caller report tag", () => {
  it.each([
    [`Bearer ${fakeJwt({ tid: 'contoso', oid: 'alice' })}`, 'oid:alice'], // a user token: its oid
    [`Bearer ${fakeJwt({ tid: 'contoso' })}`, 'tid:contoso'], // an app token without oid: its tenant
    ['Bearer opaque-token', `token:${createHash('sha256').update('opaque-token').digest('hex').slice(0, 12)}`], // not a JWT: a hash prefix
    [undefined, `token:${createHash('sha256').update('').digest('hex').slice(0, 12)}`], // no header at all
  ])('tags %s as %s', (authorization, tag) => {
    expect(reportCallerTag(authorization)).toBe(tag);
  });
});
