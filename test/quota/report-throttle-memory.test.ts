import { graphError } from '../../emulator/graph-error';
import { fetchedFor, tenantToken as tokenOf } from '../support/report-callers';
import { httpGet } from '../support/graphql-http';
import { startHarness, type Harness } from '../support/harness';
import { metricSample } from '../support/prometheus';
import { testClock } from '../support/test-clock';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const REPORT_PATH = '/reports/getOffice365ActivationCounts';

const reportCalls = (h: Harness): number => h.emulator.httpRequests().filter((r) => r.url.includes(REPORT_PATH)).length;
/** Graph's 429 for the next `times` report calls, asking to wait 600 s (beyond GRAPH_TIMEOUT_MS: no retry). */
const throttleReport = (h: Harness, times = 10): void =>
  void h.emulator.faults.add({ path: REPORT_PATH, times, action: { kind: 'respond', response: graphError(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '600' }) } });

describe("caller scope: Graph's Retry-After is remembered per caller until it passes", () => {
  const clock = testClock();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ version: 'v1.0', deps: { reportCacheClock: clock.now } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it("answers a throttled caller from its stale copy without asking Graph again until the Retry-After passes", async () => {
    expect((await h.gql(REPORT)).body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    clock.advanceSeconds(700);
    h.emulator.clearLog();
    throttleReport(h);
    const first = (await h.gql(REPORT)).body;
    expect(first.extensions.office365ActivationCountsReport).toMatchObject({ source: 'stale', retryAfterSeconds: 600 });
    expect(reportCalls(h)).toBe(1); // the 429
    clock.advanceSeconds(100);
    for (let i = 0; i < 5; i++) {
      const { body } = await h.gql(REPORT);
      expect(body.errors).toBeUndefined();
      expect(body.extensions.office365ActivationCountsReport).toMatchObject({ source: 'stale', ageSeconds: 800, retryAfterSeconds: 500 });
    }
    expect(reportCalls(h)).toBe(1); // nothing more reached Graph
  });

  it('answers another caller without a copy THROTTLED with the remaining seconds, once Graph has throttled it, without an upstream call', async () => {
    const token = 'Bearer a-throttled-caller-without-a-copy';
    throttleReport(h);
    const first = (await h.gql(REPORT, undefined, { token })).body;
    expect(first.errors[0].extensions).toMatchObject({ code: 'THROTTLED', upstream: { status: 429, retryAfterSeconds: 600 } });
    clock.advanceSeconds(250);
    const { body } = await h.gql(REPORT, undefined, { token });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', upstream: { retryAfterSeconds: 350 } });
    expect(body.errors[0].message).toContain('350 s');
    expect(reportCalls(h)).toBe(1);
  });

  it('asks Graph again once the Retry-After has passed', async () => {
    const token = 'Bearer a-throttled-caller-without-a-copy';
    clock.advanceSeconds(351);
    const { body } = await h.gql(REPORT, undefined, { token });
    expect(body.errors).toBeUndefined();
    expect(body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls(h)).toBe(1);
  });

  it('never lets one caller\'s throttle hold back another caller', async () => {
    const token = 'Bearer throttled-alone';
    throttleReport(h, 1);
    expect((await h.gql(REPORT, undefined, { token })).body.errors[0].extensions.code).toBe('THROTTLED');
    const other = (await h.gql(REPORT, undefined, { token: 'Bearer not-throttled' })).body;
    expect(other.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls(h)).toBe(2);
  });

  it('counts the answers given without asking Graph', async () => {
    const { text } = await httpGet(`${h.url}/metrics`);
    expect(metricSample(text, 'gateway_report_throttle_remembered_total{answer="stale"}')).toBe(5);
    expect(metricSample(text, 'gateway_report_throttle_remembered_total{answer="throttled"}')).toBe(1);
  });
});

describe("tenant scope: Graph's Retry-After is remembered per tenant, and only a proven token's 429 sets it", () => {
  const clock = testClock();
  const alice = tokenOf('contoso', 'alice');
  const bob = tokenOf('contoso', 'bob');
  const eve = tokenOf('fabrikam', 'eve');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ version: 'v1.0', env: { REPORT_CACHE_SCOPE: 'tenant' }, emulator: { reportPerCaller: true }, deps: { reportCacheClock: clock.now } });
    for (const token of [alice, bob, eve]) expect((await h.gql(REPORT, undefined, { token })).body.errors).toBeUndefined(); // their proofs
    clock.advanceSeconds(700); // every copy is stale now
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it("answers the tenant's proven tokens from the stale copy without asking Graph once one of them was throttled", async () => {
    throttleReport(h);
    const fromAlice = (await h.gql(REPORT, undefined, { token: alice })).body;
    expect(fromAlice.extensions.office365ActivationCountsReport).toMatchObject({ source: 'stale', retryAfterSeconds: 600 });
    clock.advanceSeconds(10);
    const fromBob = (await h.gql(REPORT, undefined, { token: bob })).body;
    expect(fromBob.errors).toBeUndefined();
    expect(fromBob.extensions.office365ActivationCountsReport).toMatchObject({ source: 'stale', retryAfterSeconds: 590 });
    expect(reportCalls(h)).toBe(1); // alice's 429 only
  });

  it('answers an unproven token of that tid THROTTLED with the remaining seconds and no data, without spending a call', async () => {
    const { body } = await h.gql(REPORT, undefined, { token: tokenOf('contoso', 'carol') });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', upstream: { retryAfterSeconds: 590 } });
    expect(JSON.stringify(body)).not.toContain('[oid:');
    expect(reportCalls(h)).toBe(0);
  });

  it('lets a token of another tid ask Graph for its own tenant', async () => {
    const { body } = await h.gql(REPORT, undefined, { token: eve });
    expect(fetchedFor(body)).toEqual(['eve']);
    expect(body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls(h)).toBe(1);
  });

  it("does not hold the tenant back for a 429 Graph gave an unproven token: its claims are not authentic", async () => {
    clock.advanceSeconds(600); // contoso's Retry-After has passed
    throttleReport(h, 1);
    const unproven = (await h.gql(REPORT, undefined, { token: tokenOf('contoso', 'dave') })).body;
    expect(unproven.errors[0].extensions.code).toBe('THROTTLED');
    const { body } = await h.gql(REPORT, undefined, { token: alice });
    expect(fetchedFor(body)).toEqual(['alice']);
    expect(body.extensions.office365ActivationCountsReport.source).toBe('upstream');
    expect(reportCalls(h)).toBe(2);
  });
});
