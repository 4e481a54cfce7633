import { createCallSignal } from '../../src/msgraph/call-signal';

describe('createCallSignal', () => {
  it('aborts with a TimeoutError once the budget is spent', async () => {
    const { signal } = createCallSignal(5);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('aborts with the parent reason when the caller goes away first', () => {
    const parent = new AbortController();
    const { signal, release } = createCallSignal(60_000, parent.signal);
    parent.abort(new Error('client closed'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('client closed');
    release();
  });

  it('starts aborted when the parent already is', () => {
    const parent = new AbortController();
    parent.abort(new Error('gone'));
    expect(createCallSignal(60_000, parent.signal).signal.aborted).toBe(true);
  });

  it('never aborts after release: the timer and the parent listener are gone', async () => {
    const parent = new AbortController();
    const { signal, release } = createCallSignal(5, parent.signal);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    parent.abort();
    expect(signal.aborted).toBe(false);
  });
});
