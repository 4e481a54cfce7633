import { CallSignals, sleepUnlessAborted, AbortEmitter } from '../../src/msgraph/call-signal';

const aborted = (signal: AbortEmitter): Promise<unknown> => new Promise((resolve) => signal.once('abort', () => resolve(signal.reason)));

describe('CallSignals', () => {
  it('aborts a call with a TimeoutError once its time is spent', async () => {
    const { signal } = new CallSignals().start(5);
    expect(((await aborted(signal)) as DOMException).name).toBe('TimeoutError');
  });

  it.each([
    ['an AbortEmitter', () => new AbortEmitter()],
    ['an AbortSignal', () => new AbortController()],
  ])('aborts every running call with the parent reason when the caller goes away first (parent: %s)', (_kind, makeParent) => {
    const parent = makeParent();
    const calls = new CallSignals(parent instanceof AbortEmitter ? parent : parent.signal);
    const first = calls.start(60_000);
    const second = calls.start(60_000);
    parent.abort(new Error('client closed'));
    for (const call of [first, second]) {
      expect(call.signal.aborted).toBe(true);
      expect((call.signal.reason as Error).message).toBe('client closed');
      call.release();
    }
  });

  it('starts a call aborted when the parent already is', () => {
    const parent = new AbortController();
    parent.abort(new Error('gone'));
    const { signal } = new CallSignals(parent.signal).start(60_000);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('gone');
  });

  it('never aborts a released call: its timer is cleared and the parent no longer reaches it', async () => {
    const parent = new AbortController();
    const calls = new CallSignals(parent.signal);
    const released = calls.start(5);
    const running = calls.start(60_000);
    released.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    parent.abort();
    expect(released.signal.aborted).toBe(false);
    expect(running.signal.aborted).toBe(true);
  });

  it('adds one listener to the parent, however many calls the operation makes', () => {
    const parent = new AbortController();
    const added = jest.spyOn(parent.signal, 'addEventListener');
    const calls = new CallSignals(parent.signal);
    for (let i = 0; i < 30; i++) calls.start(60_000).release();
    expect(added).toHaveBeenCalledTimes(1);
    const emitter = new AbortEmitter();
    const emitterCalls = new CallSignals(emitter);
    for (let i = 0; i < 30; i++) emitterCalls.start(60_000);
    expect(emitter.listenerCount('abort')).toBe(1);
  });

  it('an AbortEmitter aborts once, with an AbortError when given no reason', () => {
    const emitter = new AbortEmitter();
    const heard = jest.fn();
    emitter.on('abort', heard);
    emitter.abort();
    emitter.abort(new Error('again'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect((emitter.reason as DOMException).name).toBe('AbortError');
  });
});

describe('sleepUnlessAborted', () => {
  it('resolves after the delay', async () => {
    const started = Date.now();
    await sleepUnlessAborted(20, new AbortEmitter());
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects with the reason as soon as the signal aborts, and at once when it already has', async () => {
    const signal = new AbortEmitter();
    const sleeping = sleepUnlessAborted(60_000, signal);
    signal.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    await expect(sleepUnlessAborted(60_000, signal)).rejects.toThrow('stop');
  });
});
