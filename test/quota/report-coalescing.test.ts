import { Agent } from 'undici';
import { httpGet, postGraphQL } from '../support/graphql-http';
import { startHarness, type Harness } from '../support/harness';
import { eventually } from '../support/polling';
import { metricSample } from '../support/prometheus';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const REPORT_PATH = '/reports/getOffice365ActivationCounts';

const reportCalls = (h: Harness) => h.emulator.httpRequests().filter((r) => r.url.includes(REPORT_PATH));
const downloads = (h: Harness) => h.emulator.log.filter((r) => r.origin === 'download');

/** `count` report queries by `token` at once; every answer must carry rows. */
async function concurrentReports(h: Harness, token: string, count: number): Promise<string[][]> {
  const answers = await Promise.all(Array.from({ length: count }, () => h.gql(REPORT, undefined, { token })));
  return answers.map(({ body }) => {
    expect(body.errors).toBeUndefined();
    return body.data.office365ActivationCountsReport.map((row: { productType: string }) => row.productType);
  });
}

describe.each(['v1.0', 'beta'] as const)('coalescing of identical upstream GETs (%s base URL)', (version) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ version, emulator: { reportPerCaller: true } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });
  /** Keeps the next `calls` report calls in flight long enough for every concurrent query to arrive, even on a busy machine. */
  const slowReportCalls = (calls: number) => h.emulator.faults.add({ path: REPORT_PATH, times: calls, action: { kind: 'delay', ms: 1500 } });

  it(`answers 50 concurrent report queries of one caller with one upstream report call${version === 'v1.0' ? ' and one CSV download' : ''}`, async () => {
    slowReportCalls(1);
    const answers = await concurrentReports(h, 'Bearer one-dashboard-user', 50);
    expect(new Set(answers.map((rows) => JSON.stringify(rows))).size).toBe(1);
    expect(reportCalls(h)).toHaveLength(1);
    expect(downloads(h)).toHaveLength(version === 'v1.0' ? 1 : 0);
    const { text } = await httpGet(`${h.url}/metrics`);
    // 49 joined the report call; on v1.0, 49 more joined the download.
    expect(metricSample(text, 'gateway_upstream_coalesced_total{method="GET"}')).toBe(version === 'v1.0' ? 98 : 49);
  });

  it('never shares a call between two tokens: each gets its own call and its own rows', async () => {
    slowReportCalls(2);
    const [a, b] = await Promise.all([concurrentReports(h, 'Bearer coalesce-user-a', 20), concurrentReports(h, 'Bearer coalesce-user-b', 20)]);
    expect(reportCalls(h)).toHaveLength(2);
    expect(new Set(reportCalls(h).map((r) => r.headers.authorization))).toEqual(new Set(['Bearer coalesce-user-a', 'Bearer coalesce-user-b']));
    const tagsOf = (answers: string[][]) => new Set(answers.flat().map((type) => /\[token:([0-9a-f]+)\]$/.exec(type)?.[1]));
    expect(tagsOf(a).size).toBe(1);
    expect(tagsOf(b).size).toBe(1);
    expect([...tagsOf(a)][0]).not.toBe([...tagsOf(b)][0]);
  });
});

describe('a joined operation keeps its own deadline and disconnect signal', () => {
  let h: Harness;
  // Its own pool for the requests this file aborts, destroyed at the end: no client socket outlives the file.
  const agent = new Agent();
  beforeAll(async () => {
    h = await startHarness({ version: 'beta', env: { GRAPH_TIMEOUT_MS: '1500' } });
  });
  afterAll(async () => {
    await agent.destroy();
    await h.close();
  });
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  it('times out the first operation at its own deadline while a later joiner, with time left, gets the shared answer', async () => {
    h.emulator.faults.add({ path: REPORT_PATH, times: 1, action: { kind: 'delay', ms: 2000 } });
    const token = 'Bearer deadline-joiner';
    const first = h.gql(REPORT, undefined, { token });
    await eventually('the first report call reached the emulator', () => reportCalls(h).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const later = h.gql(REPORT, undefined, { token }); // joins: its deadline is ~800 ms later than the first's
    expect((await first).body.errors[0].extensions.code).toBe('UPSTREAM_TIMEOUT');
    const { body } = await later;
    expect(body.errors).toBeUndefined();
    expect(body.data.office365ActivationCountsReport.length).toBeGreaterThan(0);
    expect(reportCalls(h)).toHaveLength(1);
    expect(reportCalls(h)[0]!.clientClosed).toBeUndefined(); // the first one leaving did not cancel it
  });

  it('cancels the shared call only when every joined operation has disconnected', async () => {
    h.emulator.faults.add({ path: REPORT_PATH, times: 1, action: { kind: 'delay', ms: 1000 } });
    const token = 'Bearer disconnecting-joiners';
    const send = (controller: AbortController) => postGraphQL(h.url, { query: REPORT }, { authorization: token }, { signal: controller.signal, dispatcher: agent }).catch((error: unknown) => error);
    const [leaving, staying] = [new AbortController(), new AbortController()];
    const left = send(leaving);
    await eventually('the report call reached the emulator', () => reportCalls(h).length === 1);
    const stays = send(staying);
    await new Promise((resolve) => setTimeout(resolve, 100));
    leaving.abort();
    const answer = await stays;
    expect(JSON.parse((answer as { text: string }).text).data.office365ActivationCountsReport.length).toBeGreaterThan(0);
    await left;
    expect(reportCalls(h)).toHaveLength(1); // the second one joined the first one's call
    expect(reportCalls(h)[0]!.clientClosed).toBeUndefined(); // answered in full, after the first one left

    h.emulator.clearLog();
    h.emulator.faults.add({ path: REPORT_PATH, times: 1, action: { kind: 'delay', ms: 1000 } });
    const both = [new AbortController(), new AbortController()];
    const other = 'Bearer all-joiners-leave';
    const sent = both.map((controller) => postGraphQL(h.url, { query: REPORT }, { authorization: other }, { signal: controller.signal, dispatcher: agent }).catch((error: unknown) => error));
    await eventually('the report call reached the emulator', () => reportCalls(h).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    both.forEach((controller) => controller.abort());
    await Promise.all(sent);
    await eventually('the emulator saw the gateway cancel the shared call', () => reportCalls(h)[0]!.clientClosed === true);
  });
});
