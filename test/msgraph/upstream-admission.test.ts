import { OperationBudget, UNLIMITED_OPERATION } from '../../src/msgraph/operation-budget';
import { OperationScope } from '../../src/msgraph/operation-scope';
import { UpstreamAdmission } from '../../src/msgraph/upstream-admission';

// Every test's waiters leave when it ends (CALLER_GONE), instead of failing later, in another suite.
let callers = new AbortController();
afterEach(() => {
  callers.abort();
  callers = new AbortController();
});
const scopeOf = (caller: string) => new OperationScope(5_000, callers.signal, Date.now, new OperationBudget(UNLIMITED_OPERATION, caller));
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts `count` acquisitions in one synchronous burst; answers how many hold both slots once the microtasks ran. */
async function burst(admission: UpstreamAdmission, caller: string, count: number, mayBorrow = true): Promise<{ granted: (() => void)[]; pending: number }> {
  const granted: (() => void)[] = [];
  // A waiter still queued when its test ends is refused then: that refusal is expected, not a failure.
  Array.from({ length: count }, () => admission.acquire(scopeOf(caller), mayBorrow).then((release) => granted.push(release), () => undefined));
  await settled();
  return { granted, pending: count - granted.length };
}

describe('UpstreamAdmission: a share per caller, and idle slots lent beyond it', () => {
  it('lends a caller alone all of the pool but one share, even when its calls all arrive in one tick', async () => {
    const admission = new UpstreamAdmission({ maxConcurrent: 10, maxPerCaller: 3, maxPerCallerBurst: 10, maxQueued: 100 });
    const lone = await burst(admission, 'lone', 9);
    // 10 - 3: counted as each call passes its caller's queue, not when it reaches the global one.
    expect(lone.granted).toHaveLength(7);
    expect(admission.inFlight).toBe(7);
    // The share left free is another caller's at once.
    const other = await burst(admission, 'other', 3);
    expect(other.granted).toHaveLength(3);
    expect(admission.inFlight).toBe(10);
  });

  it('gives a borrower nothing more while the pool is that full: released slots go back to the shares', async () => {
    const admission = new UpstreamAdmission({ maxConcurrent: 10, maxPerCaller: 3, maxPerCallerBurst: 10, maxQueued: 100 });
    const lone = await burst(admission, 'lone', 9);
    const other = await burst(admission, 'other', 4);
    expect([lone.granted.length, other.granted.length]).toEqual([7, 3]);
    // The lone caller gives back one: the other caller is at its share and the pool is full, so the
    // slot is not lent again (to either), and the lone caller's waiters keep waiting.
    lone.granted.shift()!();
    await settled();
    expect([lone.granted.length, other.granted.length, admission.inFlight]).toEqual([6, 3, 9]);
    // Down to 2 of its share of 3, the lone caller is served from its own queue again: one call
    // within its share, and its last one lent, since 4 of the 10 are free now.
    for (let i = 0; i < 4; i++) lone.granted.shift()!();
    await settled();
    expect([lone.granted.length, admission.inFlight, admission.backlog]).toEqual([4, 7, 1]);
  });

  it('caps a caller at its share when the burst is the share', async () => {
    const admission = new UpstreamAdmission({ maxConcurrent: 10, maxPerCaller: 3, maxPerCallerBurst: 3, maxQueued: 100 });
    const capped = await burst(admission, 'capped', 6);
    expect([capped.granted.length, capped.pending, admission.backlog]).toEqual([3, 3, 3]);
  });

  it('never lends to a call that may not borrow (a $batch), nor to those queued behind it', async () => {
    const admission = new UpstreamAdmission({ maxConcurrent: 10, maxPerCaller: 3, maxPerCallerBurst: 7, maxQueued: 100 });
    const batches = await burst(admission, 'batcher', 5, false);
    expect([batches.granted.length, batches.pending]).toEqual([3, 2]);
    // A single call of the same caller queues behind its batches: FIFO, no overtaking.
    const single = await burst(admission, 'batcher', 1);
    expect(single.granted).toHaveLength(0);
    batches.granted.shift()!();
    await settled();
    // The slot went to the first batch waiting, within the share; nothing was lent.
    expect([batches.granted.length, single.granted.length, admission.inFlight]).toEqual([3, 0, 3]);
  });

  it('lends no more than the burst, however idle the pool', async () => {
    const admission = new UpstreamAdmission({ maxConcurrent: 20, maxPerCaller: 2, maxPerCallerBurst: 5, maxQueued: 100 });
    expect((await burst(admission, 'lone', 8)).granted).toHaveLength(5);
  });
});
