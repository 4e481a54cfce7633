import { CallerLines, type Place } from '../../src/http/caller-lines';

/** The order in which places get their turn, as it happens. */
function recordTurns(places: Record<string, Place>): string[] {
  const order: string[] = [];
  for (const [name, place] of Object.entries(places)) {
    if (place.turn === 'admitted') order.push(`${name}:admitted`);
    else void place.turn.then((turn) => order.push(`${name}:${turn}`));
  }
  return order;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CallerLines', () => {
  let clock = 0;
  const now = () => clock;
  let lines: CallerLines;
  beforeEach(() => {
    clock = 1_000;
    lines = new CallerLines(2, { maxWaitMs: 500, sweepMs: 1_000_000, now });
  });
  afterEach(() => lines.sweep());

  it('runs at most `limit` of one key and admits the others in arrival order as places are given back', async () => {
    const places = { a: lines.join('k'), b: lines.join('k'), c: lines.join('k'), d: lines.join('k') };
    const order = recordTurns(places);
    await settle();
    expect(order).toEqual(['a:admitted', 'b:admitted']);
    expect(lines.waiting).toBe(2);
    places.b.leave();
    await settle();
    expect(order).toEqual(['a:admitted', 'b:admitted', 'c:admitted']);
    places.a.leave();
    places.a.leave(); // a second give-back of the same place frees nothing more
    await settle();
    expect(order).toEqual(['a:admitted', 'b:admitted', 'c:admitted', 'd:admitted']);
    expect(lines.waiting).toBe(0);
    const e = lines.join('k');
    expect(e.turn).not.toBe('admitted'); // c and d still run: the limit holds after a double leave
  });

  it('never makes one key wait behind another', () => {
    lines.join('busy');
    lines.join('busy');
    expect(lines.join('busy').turn).not.toBe('admitted');
    expect(lines.join('quiet').turn).toBe('admitted');
  });

  it('skips a waiter that left, and admits a newcomer at once when only departed waiters remain', async () => {
    const places = { a: lines.join('k'), b: lines.join('k'), gone: lines.join('k'), c: lines.join('k') };
    const order = recordTurns(places);
    places.gone.leave();
    places.a.leave();
    await settle();
    expect(order).toEqual(['a:admitted', 'b:admitted', 'gone:left', 'c:admitted']);
    places.b.leave();
    places.c.leave();
    expect(lines.join('k').turn).toBe('admitted');
  });

  it('refuses waiters past their deadline at the next sweep, and keeps those still in time', async () => {
    lines.join('k');
    lines.join('k');
    const early = lines.join('k');
    clock += 300;
    const late = lines.join('k');
    const order = recordTurns({ early, late });
    clock += 250; // early has waited 550 ms, late 250 ms
    lines.sweep();
    await settle();
    expect(order).toEqual(['early:refused']);
    expect(lines.waiting).toBe(1);
    early.leave(); // leaving after a refusal gives back nothing it never held
    expect(lines.join('k').turn).not.toBe('admitted');
  });

  it('forgets a key once nothing of it runs or waits: the map never outgrows what is in flight', () => {
    for (let i = 0; i < 100; i++) lines.join(`caller-${i}`).leave();
    expect(lines.keys).toBe(0);
    const [first, second, waiter] = [lines.join('k'), lines.join('k'), lines.join('k')];
    waiter.leave();
    expect(lines.keys).toBe(1);
    first.leave();
    second.leave();
    expect(lines.keys).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new CallerLines(0, { maxWaitMs: 1 })).toThrow(/at least 1, got 0/);
  });
});

describe('CallerLines beyond the limit', () => {
  it('admits beyond the limit only when allowed and nobody waits, and then lets the line drain back under it', async () => {
    const lines = new CallerLines(1, { maxWaitMs: 1_000, sweepMs: 1_000_000 });
    const first = lines.join('k');
    const extra = lines.join('k', true); // no backlog: the limit does not apply
    expect([first.turn, extra.turn]).toEqual(['admitted', 'admitted']);
    const waiter = lines.join('k'); // backlog: the limit applies, and two run already
    const order = recordTurns({ waiter });
    expect(lines.join('k', true).turn).not.toBe('admitted'); // never overtakes a waiter of its key
    first.leave();
    await settle();
    expect(order).toEqual([]); // one still runs: at the limit, nobody is admitted
    extra.leave();
    await settle();
    expect(order).toEqual(['waiter:admitted']);
    lines.sweep();
  });
});
