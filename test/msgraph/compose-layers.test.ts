import { OperationScope } from '../../src/msgraph/operation-scope';
import { composeLayers, type UpstreamCall, type UpstreamLayer } from '../../src/msgraph/upstream-call';

describe('composeLayers', () => {
  it('runs the first layer outermost and the innermost handler last, each seeing what the one above passed down', async () => {
    const order: string[] = [];
    const tag = (name: string): UpstreamLayer => (next) => async (call) => {
      order.push(`${name} in`);
      const response = await next({ ...call, headers: { ...call.headers, [name]: 'seen' } });
      order.push(`${name} out`);
      return response;
    };
    const handler = composeLayers([tag('outer'), tag('inner')], async (call) => {
      order.push(`transport ${Object.keys(call.headers).join(',')}`);
      return { status: 204, headers: {}, text: '', body: undefined, bytes: 0 };
    });
    const call: UpstreamCall = { method: 'GET', url: 'http://127.0.0.1/x', path: '/x', headers: {}, attempt: 1, scope: new OperationScope(1000, undefined) };
    expect((await handler(call)).status).toBe(204);
    expect(order).toEqual(['outer in', 'inner in', 'transport outer,inner', 'inner out', 'outer out']);
  });
});
