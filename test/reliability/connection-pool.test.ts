import { useHarness } from '../support/harness';

describe('one shared keep-alive pool to the upstream', () => {
  const h = useHarness();
  beforeEach(() => h.emulator.clearLog());

  it('reuses one connection across sequential operations of different callers, error answers included', async () => {
    for (let i = 0; i < 10; i++) {
      await h.gql('{ office365ActivationCounts(id: "proplus") { id } }', undefined, { token: `Bearer caller-${i}` });
      await h.gql('{ office365ActivationCounts(id: "no-such-entity") { id } }'); // a 404 with a body
    }
    const ports = new Set(h.emulator.httpRequests().map((r) => r.remotePort));
    expect(h.emulator.httpRequests()).toHaveLength(20);
    // Reuse is only possible when every response body was read to its end.
    expect(ports.size).toBe(1);
  });

  it('bounds the sockets it opens under a burst (64 per origin)', async () => {
    h.emulator.faults.add({ method: 'GET', action: { kind: 'delay', ms: 300 } });
    const burst = Array.from({ length: 100 }, (_, i) => h.gql(`{ office365ActivationCounts(id: "burst-${i}") { id } }`));
    const answers = await Promise.all(burst);
    h.emulator.faults.clear();
    expect(answers.every((a) => a.status === 200 && a.body.data.office365ActivationCounts === null)).toBe(true);
    expect(h.emulator.httpRequests()).toHaveLength(100);
    expect(new Set(h.emulator.httpRequests().map((r) => r.remotePort)).size).toBeLessThanOrEqual(64);
  });
});
