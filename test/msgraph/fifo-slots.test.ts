import { FifoSlots } from '../../src/msgraph/fifo-slots';
import { OperationScope } from '../../src/msgraph/operation-scope';
import { UpstreamFailure } from '../../src/msgraph/upstream-failure';

const scope = (budgetMs = 5_000, signal?: AbortSignal) => new OperationScope(budgetMs, signal);
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('FifoSlots: a bounded number of holders, the rest waiting in order within their deadline', () => {
  it('grants up to the limit at once, then hands released slots to waiters in arrival order', async () => {
    const slots = new FifoSlots(2);
    await slots.acquire(scope());
    await slots.acquire(scope());
    const order: string[] = [];
    const third = slots.acquire(scope()).then(() => order.push('third'));
    const fourth = slots.acquire(scope()).then(() => order.push('fourth'));
    await settled();
    expect([slots.inUse, slots.waiting, order]).toEqual([2, 2, []]);
    slots.release();
    await third;
    // A newcomer arriving now queues behind the fourth instead of taking the freed slot.
    const fifth = slots.acquire(scope()).then(() => order.push('fifth'));
    slots.release();
    await fourth;
    slots.release();
    await fifth;
    expect(order).toEqual(['third', 'fourth', 'fifth']);
    expect(slots.inUse).toBe(2);
  });

  it('lets a waiter leave the queue when its caller disconnects, with CALLER_GONE', async () => {
    const slots = new FifoSlots(1);
    await slots.acquire(scope());
    const caller = new AbortController();
    const waiting = slots.acquire(scope(5_000, caller.signal)).catch((e: unknown) => e);
    await settled();
    caller.abort();
    const error = await waiting;
    expect(error).toBeInstanceOf(UpstreamFailure);
    expect((error as UpstreamFailure).code).toBe('CALLER_GONE');
    expect(slots.waiting).toBe(0);
    slots.release();
    expect(slots.idle).toBe(true);
  });

  it('lets a waiter leave the queue when its deadline passes, with DEADLINE_EXCEEDED', async () => {
    const slots = new FifoSlots(1);
    await slots.acquire(scope());
    const error = await slots.acquire(scope(30)).catch((e: unknown) => e);
    expect((error as UpstreamFailure).code).toBe('DEADLINE_EXCEEDED');
    expect(slots.waiting).toBe(0);
  });

  it('refuses at once a scope already past its deadline when it would have to wait', async () => {
    const slots = new FifoSlots(1);
    await slots.acquire(scope());
    await expect(slots.acquire(scope(0))).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
  });

  it.each([0, -1, Number.NaN])('refuses a limit of %p', (limit) => {
    expect(() => new FifoSlots(limit)).toThrow(RangeError);
  });
});
