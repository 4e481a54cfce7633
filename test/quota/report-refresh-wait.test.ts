import { Agent } from 'undici';
import { fetchedFor, tenantToken as tokenOf } from '../support/report-callers';
import { postGraphQL } from '../support/graphql-http';
import { startHarness, type Harness } from '../support/harness';
import { eventually } from '../support/polling';
import { testClock } from '../support/test-clock';

const REPORT = '{ office365ActivationCountsReport { productType windows } }';
const REPORT_PATH = '/reports/getOffice365ActivationCounts';

describe("a proven token waiting on another token's tenant refresh stops at its own disconnect", () => {
  const clock = testClock();
  const alice = tokenOf('contoso', 'alice');
  const bob = tokenOf('contoso', 'bob');
  // Its own pool for the request this file aborts, destroyed at the end: no client socket outlives the file.
  const agent = new Agent();
  let h: Harness;
  const reportCalls = () => h.emulator.httpRequests().filter((r) => r.url.includes(REPORT_PATH));
  beforeAll(async () => {
    h = await startHarness({ version: 'v1.0', env: { REPORT_CACHE_SCOPE: 'tenant' }, emulator: { reportPerCaller: true }, deps: { reportCacheClock: clock.now } });
    for (const token of [alice, bob]) expect((await h.gql(REPORT, undefined, { token })).body.errors).toBeUndefined(); // their proofs
    clock.advanceSeconds(700); // every copy is stale: the next report refreshes the tenant copy
    h.emulator.clearLog();
  });
  afterAll(async () => {
    await agent.destroy();
    await h.close();
  });

  it("ends the waiter's request when it disconnects, while the refresh goes on for the others", async () => {
    h.emulator.faults.add({ path: REPORT_PATH, times: 1, action: { kind: 'delay', ms: 2500 } });
    let aliceAnswered = false;
    const fromAlice = h.gql(REPORT, undefined, { token: alice }).finally(() => void (aliceAnswered = true));
    await eventually("alice's refresh reached the emulator", () => reportCalls().length === 1);
    const leaving = new AbortController();
    h.logs.length = 0;
    const left = postGraphQL(h.url, { query: REPORT }, { authorization: bob }, { signal: leaving.signal, dispatcher: agent }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200)); // bob is waiting on alice's refresh now
    leaving.abort();
    await left;
    await eventually("bob's operation ended as a closed request", () => h.logs.some((line) => line.includes('GraphQL operation answered with errors') && line.includes('CLIENT_CLOSED_REQUEST')));
    expect(aliceAnswered).toBe(false); // bob did not wait for the refresh to end

    const { body } = await fromAlice;
    expect(fetchedFor(body)).toEqual(['alice']);
    expect(reportCalls()).toHaveLength(1); // bob never asked Graph himself
    expect(reportCalls()[0]!.clientClosed).toBeUndefined(); // bob leaving did not cancel alice's refresh

    const again = (await h.gql(REPORT, undefined, { token: bob })).body;
    expect(fetchedFor(again)).toEqual(['alice']);
    expect(again.extensions.office365ActivationCountsReport.source).toBe('cache');
    expect(reportCalls()).toHaveLength(1);
  });
});
