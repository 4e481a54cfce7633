import { graphError } from '../../emulator/graph-error';
import { fakeJwt } from '../support/fake-jwt';
import { httpGet } from '../support/graphql-http';
import { eventually } from '../support/polling';
import { startHarness, type Harness } from '../support/harness';
import { metricSample } from '../support/prometheus';
import { testClock } from '../support/test-clock';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const REPORT_PATH = '/reports/getOffice365ActivationCounts';

/** A JWT-shaped token of `tid` for user `oid`, valid for an hour of real time. */
function tokenOf(tid: string, oid: string, signature?: string): string {
  return `Bearer ${fakeJwt({ tid, oid, appid: 'dashboard', exp: Math.floor(Date.now() / 1000) + 3600 }, signature)}`;
}

function productTypes(body: { data?: { office365ActivationCountsReport?: { productType: string }[] } | null }): string[] {
  return (body.data?.office365ActivationCountsReport ?? []).map((row) => row.productType);
}

/** Whose copy an answer is: the emulator (reportPerCaller) tags every row with the fetching token's oid. */
function fetchedFor(body: Parameters<typeof productTypes>[0]): string[] {
  return [...new Set(productTypes(body).map((type) => /\[oid:([^\]]+)\]$/.exec(type)?.[1] ?? '?'))];
}

describe('REPORT_CACHE_SCOPE=tenant: a copy is shared only with proven tokens of the same tid', () => {
  const clock = testClock();
  const alice = tokenOf('contoso', 'alice');
  const bob = tokenOf('contoso', 'bob');
  // Same tid as alice and bob, a signature Graph would reject: the emulator refuses it.
  const forged = tokenOf('contoso', 'mallory', 'forged-signature');
  const eve = tokenOf('fabrikam', 'eve');
  let h: Harness;
  const reportCalls = (): number => h.emulator.httpRequests().filter((r) => r.url.includes(REPORT_PATH)).length;

  beforeAll(async () => {
    h = await startHarness({
      version: 'v1.0',
      env: { REPORT_CACHE_SCOPE: 'tenant' },
      emulator: { reportPerCaller: true, refuseTokens: { tokens: [forged.slice('Bearer '.length)], prefixes: ['Refused-'] } },
      deps: { reportCacheClock: clock.now },
    });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it("serves a token's first report from Graph (its proof), even when the tenant already has a copy", async () => {
    expect(fetchedFor((await h.gql(REPORT, undefined, { token: alice })).body)).toEqual(['alice']);
    clock.advanceSeconds(500);
    const { body } = await h.gql(REPORT, undefined, { token: bob });
    expect(fetchedFor(body)).toEqual(['bob']); // bob had no proof: his own call, which refreshes the tenant copy
    expect(body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls()).toBe(2);
  });

  it('serves a proven token of the same tid from the tenant copy without an upstream call', async () => {
    clock.advanceSeconds(200); // alice's own copy is 700 s old (not fresh); the tenant copy (bob's call) is 200 s old
    const { body } = await h.gql(REPORT, undefined, { token: alice });
    expect(fetchedFor(body)).toEqual(['bob']);
    expect(body.extensions.office365ActivationCountsReport).toMatchObject({ source: 'cache', ageSeconds: 200 });
    expect(reportCalls()).toBe(0);
  });

  it('answers a token the emulator refuses UNAUTHENTICATED, never the tenant copy', async () => {
    const { body } = await h.gql(REPORT, undefined, { token: 'Bearer Refused-opaque-token' });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstream: { status: 401, code: 'InvalidAuthenticationToken' } });
    expect(body.extensions?.office365ActivationCountsReport).toBeUndefined();
  });

  it('gives a forged JWT carrying the same tid nothing: Graph refuses it, so it has no proof', async () => {
    for (let i = 0; i < 3; i++) {
      const { body } = await h.gql(REPORT, undefined, { token: forged });
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain('[oid:');
    }
    expect(reportCalls()).toBe(3); // asked Graph every time: a refusal is never a proof
  });

  it('gives a token of another tid nothing of this tenant, even when Graph throttles it', async () => {
    const own = await h.gql(REPORT, undefined, { token: eve });
    expect(fetchedFor(own.body)).toEqual(['eve']);
    clock.advanceSeconds(700); // eve's own copy is stale, contoso's copy is 900 s old
    h.emulator.faults.add({ path: REPORT_PATH, times: 10, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '600' }) } });
    const { body } = await h.gql(REPORT, undefined, { token: eve });
    expect(fetchedFor(body)).toEqual(['eve']); // its own stale copy, never contoso's
    expect(body.extensions.office365ActivationCountsReport).toMatchObject({ source: 'stale', ageSeconds: 700, retryAfterSeconds: 600 });
  });

  it("answers THROTTLED, not the tenant copy, to a same-tid token whose own proof call Graph throttled", async () => {
    h.emulator.faults.add({ path: REPORT_PATH, times: 10, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '600' }) } });
    const { body } = await h.gql(REPORT, undefined, { token: tokenOf('contoso', 'carol') });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', upstream: { retryAfterSeconds: 600 } });
  });

  it('answers a proven token from the stale tenant copy when Graph throttles it', async () => {
    h.emulator.faults.add({ path: REPORT_PATH, times: 10, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '600' }) } });
    // alice's own copy is 1400 s old; the tenant copy, from bob's call, 900 s: the newer one answers.
    const { body } = await h.gql(REPORT, undefined, { token: alice });
    expect(fetchedFor(body)).toEqual(['bob']);
    expect(body.extensions.office365ActivationCountsReport).toMatchObject({ source: 'stale', ageSeconds: 900, retryAfterSeconds: 600 });
  });

  it("lets proven tokens wait for the refresh another token's call is making, instead of each asking Graph", async () => {
    // Both own copies and the tenant copy are stale now; alice's call refreshes the tenant copy, slowly.
    h.emulator.faults.add({ path: REPORT_PATH, times: 1, action: { kind: 'delay', ms: 300 } });
    const fromAlice = h.gql(REPORT, undefined, { token: alice });
    await eventually("alice's report call reached the emulator", () => reportCalls() === 1);
    const fromBob = await h.gql(REPORT, undefined, { token: bob });
    expect(fetchedFor(fromBob.body)).toEqual(['alice']);
    expect(fromBob.body.extensions.office365ActivationCountsReport).toMatchObject({ source: 'cache', ageSeconds: 0 });
    expect(fetchedFor((await fromAlice).body)).toEqual(['alice']);
    expect(reportCalls()).toBe(1);
  });

  it('counts shared answers apart from own hits', async () => {
    const { text } = await httpGet(`${h.url}/metrics`);
    expect(metricSample(text, 'gateway_report_cache_hits_total{copy="tenant"}')).toBe(2);
    expect(metricSample(text, 'gateway_report_stale_answers_total{copy="own"}')).toBe(1);
    expect(metricSample(text, 'gateway_report_stale_answers_total{copy="tenant"}')).toBe(1);
  });
});
