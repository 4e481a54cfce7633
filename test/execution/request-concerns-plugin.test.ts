import type { BaseContext, GraphQLRequestContextWillSendResponse, GraphQLRequestListener } from '@apollo/server';
import { requestConcernsPlugin, type RequestConcern } from '../../src/execution/request-concerns-plugin';

async function startRequest(plugin: ReturnType<typeof requestConcernsPlugin<BaseContext>>): Promise<GraphQLRequestListener<BaseContext>> {
  return (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<BaseContext>;
}

describe('requestConcernsPlugin: the gateway\'s per-request concerns as one Apollo plugin', () => {
  it('starts every concern per request, with fresh state, and runs their hooks in the order listed', async () => {
    const calls: string[] = [];
    const counting = (name: string): RequestConcern<BaseContext> => () => {
      let seen = 0;
      return { willSendResponse: () => void calls.push(`${name}:${++seen}`) };
    };
    const plugin = requestConcernsPlugin([counting('first'), () => ({}), counting('second')]);
    for (let request = 0; request < 2; request++) {
      const listener = await startRequest(plugin);
      await listener.willSendResponse!({} as GraphQLRequestContextWillSendResponse<BaseContext>);
    }
    // Each request starts at 1: state lives in the request's hooks, not in the concern.
    expect(calls).toEqual(['first:1', 'second:1', 'first:1', 'second:1']);
  });

  it('lets a didResolveOperation hook refuse the operation by throwing, and runs no later one', async () => {
    const later = jest.fn();
    const plugin = requestConcernsPlugin<BaseContext>([
      () => ({ didResolveOperation: () => { throw new Error('too many ids'); } }),
      () => ({ didResolveOperation: later }),
    ]);
    const listener = await startRequest(plugin);
    await expect(listener.didResolveOperation!({} as never)).rejects.toThrow('too many ids');
    expect(later).not.toHaveBeenCalled();
  });
});
