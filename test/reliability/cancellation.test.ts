import { httpGet, postGraphQL } from '../support/graphql-http';
import { useHarness, TOKEN } from '../support/harness';
import { eventually, pollUntil } from '../support/polling';

describe('a client that disconnects cancels its upstream calls', () => {
  const h = useHarness({ env: { GRAPH_TIMEOUT_MS: '20000' } });

  it('closes the upstream connection of a hanging read as soon as the caller goes away', async () => {
    h.emulator.faults.add({ method: 'GET', times: 1, action: { kind: 'hang' } });
    const controller = new AbortController();
    const pending = postGraphQL(h.url, { query: '{ office365ActivationCounts(id: "proplus") { id } }' }, { authorization: TOKEN }, { signal: controller.signal }).catch((e: unknown) => e);
    await eventually('the upstream receives the read', () => h.emulator.httpRequests().some((r) => r.method === 'GET'));
    controller.abort();
    await pending;
    const upstreamCall = h.emulator.httpRequests().find((r) => r.method === 'GET')!;
    // The budget is 20 s: only the caller's disconnect can close the upstream request this soon.
    await eventually('the emulator sees the gateway close the upstream request', () => upstreamCall.clientClosed === true, 5_000);
    // The operation itself ends as CLIENT_CLOSED_REQUEST (asynchronously: poll the metrics).
    const cancelled = /gateway_graphql_operations_total\{operation="__anonymous",type="query",outcome="CLIENT_CLOSED_REQUEST"\} 1/;
    let metrics = '';
    await pollUntil(async () => cancelled.test((metrics = (await httpGet(`${h.url}/metrics`)).text)), { attempts: 100, intervalMs: 20 });
    expect(metrics).toMatch(cancelled);
    // And the gateway serves the next caller normally.
    const { body } = await h.gql('{ office365ActivationCounts(id: "proplus") { id } }');
    expect(body.data.office365ActivationCounts.id).toBe('proplus');
  });
});
