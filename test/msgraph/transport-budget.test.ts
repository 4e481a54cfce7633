import { OperationBudget, UNLIMITED_OPERATION } from '../../src/msgraph/operation-budget';
import { OperationScope } from '../../src/msgraph/operation-scope';
import { createTransport } from '../../src/msgraph/transport';
import type { UpstreamCall } from '../../src/msgraph/upstream-call';
import { UpstreamFailure } from '../../src/msgraph/upstream-failure';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

/** A clock the test moves: the deadline can pass at an exact point of the exchange. */
function manualClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, jump: (ms: number) => void (offset += ms) };
}

describe('the transport keeps parsing inside the deadline and bodies inside the operation budget', () => {
  let upstream: LoopbackServer;
  let onBody: () => void = () => undefined;
  beforeAll(async () => {
    upstream = await startLoopbackServer((req, res) => {
      if (req.url === '/chunks') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`[${'"x",'.repeat(1000)}`);
        setTimeout(() => res.end(`${'"x",'.repeat(1000)}"end"]`), 50);
        return;
      }
      onBody();
      // Malformed on purpose: parsed, it would be INVALID_JSON; unparsed, the deadline speaks.
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url === '/malformed' ? '{"oops' : '{"id":"a"}');
    });
  });
  afterAll(() => upstream.close());
  afterEach(() => {
    onBody = () => undefined;
  });

  const call = (path: string, scope: OperationScope): UpstreamCall => ({ method: 'GET', url: `${upstream.origin}${path}`, path, headers: {}, attempt: 1, scope });
  const failureOf = async (promise: Promise<unknown>): Promise<UpstreamFailure> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamFailure);
    return error as UpstreamFailure;
  };

  it('does not start parsing a body that arrived after the deadline', async () => {
    const clock = manualClock();
    const scope = new OperationScope(5_000, undefined, clock.now);
    onBody = () => clock.jump(10_000);
    const parsed: string[] = [];
    const transport = createTransport({ dispatcher: upstream.dispatcher, parseJson: (text) => (parsed.push(text), JSON.parse(text)) });
    expect((await failureOf(transport(call('/malformed', scope)))).code).toBe('DEADLINE_EXCEEDED');
    expect(parsed).toEqual([]);
  });

  it('does not answer a parse that ended past the deadline', async () => {
    const clock = manualClock();
    const scope = new OperationScope(5_000, undefined, clock.now);
    // Stands for a parse of a large body that takes longer than the budget has left.
    const slowParse = (text: string) => (clock.jump(10_000), JSON.parse(text));
    expect((await failureOf(createTransport({ dispatcher: upstream.dispatcher, parseJson: slowParse })(call('/entity', scope)))).code).toBe('DEADLINE_EXCEEDED');
  });

  it('answers within the deadline as before', async () => {
    const response = await createTransport({ dispatcher: upstream.dispatcher })(call('/entity', new OperationScope(5_000, undefined)));
    expect(response.body).toEqual({ id: 'a' });
  });

  it('stops reading once the operation has received more body bytes than its budget, while the body streams', async () => {
    const budget = new OperationBudget({ ...UNLIMITED_OPERATION, maxBytes: 3_000 }, 'caller');
    const scope = new OperationScope(5_000, undefined, Date.now, budget);
    const failure = await failureOf(createTransport({ dispatcher: upstream.dispatcher })(call('/chunks', scope)));
    expect(failure.code).toBe('BUDGET_EXCEEDED');
    expect(failure.message).toContain('3000 bytes (MAX_UPSTREAM_BYTES_PER_OPERATION)');
    // The first chunk (~4 KB) passed the budget: the second was never waited for.
    expect(budget.bytesReceived).toBeLessThan(8_000);
  });

  it('counts the bytes of every answer of the operation together', async () => {
    const budget = new OperationBudget({ ...UNLIMITED_OPERATION, maxBytes: 25 }, 'caller');
    const scope = new OperationScope(5_000, undefined, Date.now, budget);
    const transport = createTransport({ dispatcher: upstream.dispatcher });
    await transport(call('/entity', scope));
    await transport(call('/entity', scope));
    expect(budget.bytesReceived).toBe(20);
    expect((await failureOf(transport(call('/entity', scope)))).code).toBe('BUDGET_EXCEEDED');
  });
});
