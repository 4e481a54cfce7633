import { startHarness, type Harness } from '../support/harness';
import { fakeJwt } from '../support/fake-jwt';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const ENTITY = '{ office365ActivationCounts(id: "proplus") { id windows } }';

describe("the gateway in front of the emulator's report quota", () => {
  let h: Harness;
  beforeAll(async () => {
    // Without the report cache, so every query costs Graph one call (test/quota/report-cache-http.test.ts covers the cache).
    h = await startHarness({ version: 'v1.0', env: { REPORT_CACHE_SCOPE: 'off' }, emulator: { refuseTokens: { prefixes: ['Refused-'] } } });
  });
  afterAll(() => h.close());

  it('answers THROTTLED with retryAfterSeconds on the 15th report in the window, without retrying past its budget', async () => {
    for (let i = 0; i < 14; i++) {
      const { body } = await h.gql(REPORT);
      expect(body.errors).toBeUndefined();
    }
    h.emulator.clearLog();
    const { body } = await h.gql(REPORT);
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('THROTTLED');
    expect(body.errors[0].extensions.upstream).toMatchObject({ status: 429, code: 'TooManyRequests' });
    expect(body.errors[0].extensions.upstream.retryAfterSeconds).toBeGreaterThan(590); // ~600 s: beyond GRAPH_TIMEOUT_MS, so no retry
    expect(h.emulator.httpRequests()).toHaveLength(1);
  });

  it('serves a caller of another tenant from its own window while the default one is exhausted', async () => {
    const { body } = await h.gql(REPORT, undefined, { token: `Bearer ${fakeJwt({ tid: 'fabrikam', appid: 'dashboard' })}` });
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsReport.length).toBeGreaterThan(0);
  });

  it.each([
    ['the report', REPORT],
    ['an entity', ENTITY],
  ])('answers a token the emulator refuses UNAUTHENTICATED on %s', async (_what, query) => {
    const { body } = await h.gql(query, undefined, { token: `Bearer Refused-${fakeJwt({ tid: 'fabrikam', appid: 'dashboard' })}` });
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].extensions.upstream).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
  });
});
