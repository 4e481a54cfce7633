import { request } from 'undici';
import { startHarness, TOKEN, type Harness } from '../support/harness';

/** Polls a condition the system under test must reach; fails with `what` if it does not within `ms`. */
async function eventually(what: string, condition: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a client that disconnects cancels its upstream calls', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { GRAPH_TIMEOUT_MS: '20000' } });
  });
  afterAll(() => h.close());

  it('closes the upstream connection of a hanging read as soon as the caller goes away', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'hang' } });
    const controller = new AbortController();
    const pending = request(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TOKEN },
      body: JSON.stringify({ query: '{ office365ActivationCounts(id: "proplus") { id } }' }),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await eventually('the upstream receives the read', () => h.emulator.httpRequests().some((r) => r.method === 'GET'));
    controller.abort();
    await pending;
    const upstreamCall = h.emulator.httpRequests().find((r) => r.method === 'GET')!;
    // The budget is 20 s: only the caller's disconnect can close the upstream request this soon.
    await eventually('the emulator sees the gateway close the upstream request', () => upstreamCall.clientClosed === true, 5_000);
    // The operation itself ends as CLIENT_CLOSED_REQUEST (asynchronously: poll the metrics).
    const cancelled = /gateway_graphql_operations_total\{operation="__anonymous",type="query",outcome="CLIENT_CLOSED_REQUEST"\} 1/;
    let metrics = '';
    for (let i = 0; i < 100 && !cancelled.test(metrics); i++) {
      metrics = await (await request(`${h.url}/metrics`)).body.text();
      if (!cancelled.test(metrics)) await new Promise((r) => setTimeout(r, 20));
    }
    expect(metrics).toMatch(cancelled);
    // And the gateway serves the next caller normally.
    const { body } = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(body.data.office365ActivationCounts.id).toBe('proplus');
  });
});
