import { Agent } from 'undici';
import { ReportCacheService, type ReportUpstream } from '../../src/activation-counts/report/report-cache-service';
import type { ReportCacheSettings } from '../../src/config';
import { createUpstreamClients } from '../../src/msgraph/client';
import { fakeJwt } from '../support/fake-jwt';

// Over HTTP every operation has the same GRAPH_TIMEOUT_MS, so the refresh a later request waits on
// ends first; this drives the cache with a client of a shorter budget to show the waiter's own
// deadline bounds its wait.
interface Row {
  fetchedBy: string;
}

const settings: ReportCacheSettings = { scope: 'tenant', freshSeconds: 600, staleSeconds: 3600, proofMaxSeconds: 3600, maxEntries: 100, maxBytes: 1 << 20 };

function tokenOf(oid: string): string {
  return fakeJwt({ tid: 'contoso', oid, appid: 'dashboard', exp: Math.floor(Date.now() / 1000) + 3600 });
}

describe("a proven token's wait on another token's tenant refresh ends at its own deadline", () => {
  const dispatcher = new Agent();
  const clientFor = createUpstreamClients({ baseUrl: 'http://127.0.0.1:9/v1.0', timeoutMs: 300, maxRetries: 0, dispatcher, hooks: {} });
  afterAll(() => dispatcher.close());

  /** The caller's upstream: `fetch` answers `rows` (or hangs until released); waits are bounded by a 300 ms operation. */
  function upstreamOf(token: string, fetch: () => Promise<Row[]>): ReportUpstream<Row> {
    const client = clientFor({ authorization: `Bearer ${token}` });
    return { fetch, waitFor: (work) => client.waitWithinOperation(work, "wait for the tenant's report refresh") };
  }

  /** The cache's clock: starts at real time; `later()` makes every copy kept so far stale. */
  function cacheWithClock(): { cache: ReportCacheService<Row>; later(): void } {
    let at = Date.now();
    return { cache: new ReportCacheService<Row>({ settings, now: () => at }), later: () => void (at += 700_000) };
  }

  it('answers the stale copy the waiter may read when its deadline comes first, and the refresh still completes', async () => {
    const { cache, later } = cacheWithClock();
    const [alice, bob] = [tokenOf('alice'), tokenOf('bob')];
    for (const token of [alice, bob]) await cache.answer(token, upstreamOf(token, async () => [{ fetchedBy: token === alice ? 'alice' : 'bob' }]));
    later();
    let release!: () => void;
    const slow = new Promise<Row[]>((resolve) => (release = () => resolve([{ fetchedBy: 'alice-refresh' }])));
    const fromAlice = cache.answer(alice, upstreamOf(alice, () => slow));
    await new Promise(setImmediate); // alice's refresh has started
    let bobAskedGraph = false;
    const fromBob = await cache.answer(bob, upstreamOf(bob, async () => ((bobAskedGraph = true), [{ fetchedBy: 'bob-own' }])));
    expect(fromBob.extension.source).toBe('stale');
    expect(fromBob.rows).toEqual([{ fetchedBy: 'bob' }]); // the newest copy bob may read: his own
    expect(bobAskedGraph).toBe(false);
    release();
    expect((await fromAlice).rows).toEqual([{ fetchedBy: 'alice-refresh' }]);
  });

  it('answers UPSTREAM_TIMEOUT when the waiter has no copy it may read', async () => {
    const { cache, later } = cacheWithClock();
    const [alice, carol] = [tokenOf('alice'), tokenOf('carol')];
    for (const token of [alice, carol]) await cache.answer(token, upstreamOf(token, async () => [{ fetchedBy: 'proof' }]));
    cache.forget(carol); // drops carol's copy and the tenant's; her proof stays
    later();
    let release!: () => void;
    const slow = new Promise<Row[]>((resolve) => (release = () => resolve([{ fetchedBy: 'alice-refresh' }])));
    const fromAlice = cache.answer(alice, upstreamOf(alice, () => slow));
    await new Promise(setImmediate); // alice's refresh has started
    await expect(cache.answer(carol, upstreamOf(carol, async () => [{ fetchedBy: 'carol-own' }]))).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_TIMEOUT' } });
    release();
    await fromAlice;
    // The refresh carol gave up on still refreshed the tenant copy, which she may read now.
    expect((await cache.answer(carol, upstreamOf(carol, async () => [{ fetchedBy: 'carol-own' }]))).rows).toEqual([{ fetchedBy: 'alice-refresh' }]);
  });
});
