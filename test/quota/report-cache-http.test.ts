import { createHash } from 'node:crypto';
import { fakeJwt } from '../support/fake-jwt';
import { startHarness, TOKEN, type Harness } from '../support/harness';
import { httpGet } from '../support/graphql-http';
import { metricSample } from '../support/prometheus';
import { testClock } from '../support/test-clock';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const REPORT_PATH = '/reports/getOffice365ActivationCounts';
const HOUR_S = 3600;

function reportCalls(h: Harness): number {
  return h.emulator.httpRequests().filter((r) => r.url.includes(REPORT_PATH)).length;
}

function downloads(h: Harness): number {
  return h.emulator.log.filter((r) => r.origin === 'download').length;
}

/** The tag the emulator (reportPerCaller) writes into the rows it answers a token with. */
function tagOf(authorization: string): string {
  return `token:${createHash('sha256').update(authorization.slice('Bearer '.length)).digest('hex').slice(0, 12)}`;
}

function productTypes(body: { data?: { office365ActivationCountsReport?: { productType: string }[] } }): string[] {
  return (body.data?.office365ActivationCountsReport ?? []).map((row) => row.productType);
}

describe('the report cache in caller scope (the default), over HTTP against the emulator', () => {
  const clock = testClock();
  const refused: string[] = [];
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      version: 'v1.0',
      // Two report calls per window for the default tenant: enough to fill a copy, then be throttled.
      emulator: { reportPerCaller: true, reportQuota: { csvPerApp: 2, csvPerTenant: 40, jsonPerApp: 100, windowSeconds: 600 }, refuseTokens: { tokens: refused } },
      deps: { reportCacheClock: clock.now },
    });
  });
  afterAll(() => h.close());

  it('answers 50 sequential reports within the freshness period with one upstream report call (and one download)', async () => {
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push((await h.gql(REPORT)).body);
    expect(reportCalls(h)).toBe(1);
    expect(downloads(h)).toBe(1);
    expect(answers[0].extensions.office365ActivationCountsReport).toMatchObject({ source: 'upstream', ageSeconds: 0 });
    for (const body of answers.slice(1)) {
      expect(body.errors).toBeUndefined();
      expect(productTypes(body)).toEqual(productTypes(answers[0]));
      expect(body.extensions.office365ActivationCountsReport).toEqual({ source: 'cache', ageSeconds: 0, fetchedAt: answers[0].extensions.office365ActivationCountsReport.fetchedAt });
    }
    expect(productTypes(answers[0]).every((type) => type.endsWith(`[${tagOf(TOKEN)}]`))).toBe(true);
  });

  it('asks Graph again for two other callers, and neither ever receives the copy the other fetched', async () => {
    const a = `Bearer ${fakeJwt({ tid: 'contoso', oid: 'alice-caller-scope', appid: 'dashboard', exp: Math.floor(Date.now() / 1000) + HOUR_S })}`;
    const b = `Bearer ${fakeJwt({ tid: 'contoso', oid: 'bob-caller-scope', appid: 'dashboard', exp: Math.floor(Date.now() / 1000) + HOUR_S })}`;
    h.emulator.clearLog();
    for (let round = 0; round < 3; round++) {
      const [fromA, fromB] = await Promise.all([h.gql(REPORT, undefined, { token: a }), h.gql(REPORT, undefined, { token: b })]);
      expect(productTypes(fromA.body).length).toBeGreaterThan(0);
      expect(productTypes(fromA.body).every((type) => type.endsWith('[oid:alice-caller-scope]'))).toBe(true);
      expect(productTypes(fromB.body).every((type) => type.endsWith('[oid:bob-caller-scope]'))).toBe(true);
    }
    expect(reportCalls(h)).toBe(2); // one each; same tenant, but caller scope never shares
  });

  it("answers a throttled report from the caller's copy with the stale warning, its age and Graph's Retry-After", async () => {
    clock.advanceSeconds(700); // past REPORT_CACHE_SECONDS=600, within REPORT_STALE_SECONDS=3600
    h.emulator.clearLog();
    const first = await h.gql(REPORT); // the default tenant's second (and last) call of the window
    expect(first.body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    clock.advanceSeconds(650);
    const { body } = await h.gql(REPORT); // Graph answers 429 now
    expect(h.emulator.httpRequests().map((r) => r.status)).toEqual([302, 429]);
    expect(body.errors).toBeUndefined();
    expect(productTypes(body)).toEqual(productTypes(first.body));
    const extension = body.extensions.office365ActivationCountsReport;
    expect(extension).toMatchObject({ source: 'stale', ageSeconds: 650, fetchedAt: first.body.extensions.office365ActivationCountsReport.fetchedAt });
    expect(extension.retryAfterSeconds).toBeGreaterThan(500); // the emulator's window is 600 s
    expect(h.logs.some((line) => line.includes('answered from a kept copy with a stale warning') && line.includes('"ageSeconds":650'))).toBe(true);
  });

  it('answers THROTTLED with retryAfterSeconds to a caller without a copy', async () => {
    const { body } = await h.gql(REPORT, undefined, { token: 'Bearer a-caller-without-any-copy' });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('THROTTLED');
    expect(body.errors[0].extensions.upstream.retryAfterSeconds).toBeGreaterThan(500);
    expect(body.extensions?.office365ActivationCountsReport).toBeUndefined();
  });

  it('answers THROTTLED once the copy is older than REPORT_STALE_SECONDS', async () => {
    clock.advanceSeconds(HOUR_S);
    const { body } = await h.gql(REPORT);
    expect(body.errors[0].extensions.code).toBe('THROTTLED');
  });

  it('never answers a stale copy to a token Graph refuses, and forgets its copy', async () => {
    const token = 'Bearer soon-revoked-token';
    h.emulator.reportQuota!.reset();
    expect((await h.gql(REPORT, undefined, { token })).body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    refused.push(token.slice('Bearer '.length));
    clock.advanceSeconds(700);
    const { body } = await h.gql(REPORT, undefined, { token });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', upstream: { status: 401 } });
    refused.length = 0; // accepted again, but the dropped copy is gone: it asks Graph
    h.emulator.clearLog();
    expect((await h.gql(REPORT, undefined, { token })).body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls(h)).toBe(1);
  });

  it('counts hits, misses and stale answers in /metrics', async () => {
    const { text } = await httpGet(`${h.url}/metrics`);
    expect(metricSample(text, 'gateway_report_cache_hits_total{copy="own"}')).toBe(49 + 4); // the 49 sequential ones, then rounds 2 and 3 of two callers
    expect(metricSample(text, 'gateway_report_cache_misses_total')).toBe(1 + 2 + 2 + 1 + 1 + 3);
    expect(metricSample(text, 'gateway_report_stale_answers_total{copy="own"}')).toBe(1);
    // The stale answer, the caller without a copy, the copy past its stale limit: each one 429 (Retry-After beyond the budget, no retry).
    expect(metricSample(text, 'gateway_upstream_throttled_total{path="/reports/getOffice365ActivationCounts"}')).toBe(3);
  });
});

describe('REPORT_CACHE_SCOPE=off', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ version: 'beta', env: { REPORT_CACHE_SCOPE: 'off' } });
  });
  afterAll(() => h.close());

  it('asks Graph for every report and says so in extensions', async () => {
    for (let i = 0; i < 3; i++) expect((await h.gql(REPORT)).body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls(h)).toBe(3);
  });
});

describe("a caller's own write and its report copy", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ version: 'beta' });
  });
  afterAll(() => h.close());

  it('asks Graph for the report again after the caller changed an entity, and shows the change', async () => {
    const windowsOf = (body: { data: { office365ActivationCountsReport: { productType: string; windows: string }[] } }) =>
      body.data.office365ActivationCountsReport.map((row) => row.windows);
    const before = (await h.gql(REPORT)).body;
    expect((await h.gql(REPORT)).body.extensions.office365ActivationCountsReport.source).toBe('cache');
    const { body: updated } = await h.gql('mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 4242 }) { id windows } }');
    expect(updated.errors).toBeUndefined();
    const after = (await h.gql(REPORT)).body;
    expect(after.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(windowsOf(after)).toContain('4242');
    expect(windowsOf(before)).not.toContain('4242');
    expect(reportCalls(h)).toBe(2);
  });
});
