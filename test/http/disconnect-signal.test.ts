import { LazyDisconnectSignal } from '../../src/http/disconnect-signal';

describe('LazyDisconnectSignal', () => {
  it('gives one signal, which aborts when the client leaves', () => {
    const disconnect = new LazyDisconnectSignal();
    const { signal } = disconnect;
    expect(disconnect.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    disconnect.clientLeft();
    expect(signal.aborted).toBe(true);
    expect(disconnect.clientGone).toBe(true);
  });

  it('gives an aborted signal when first asked for after the client left', () => {
    const disconnect = new LazyDisconnectSignal();
    disconnect.clientLeft();
    expect(disconnect.signal.aborted).toBe(true);
  });

  it('is not gone while the client stays', () => {
    expect(new LazyDisconnectSignal().clientGone).toBe(false);
  });
});
