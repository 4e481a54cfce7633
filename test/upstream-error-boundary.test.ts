import { GraphQLError } from 'graphql';
import { errorFromFailure } from '../src/errors';
import { UpstreamFailure } from '../src/msgraph/upstream-failure';

const ACTION = 'read of entity "x"';
const running = { budgetMs: 400, callerGone: false };

describe('errorFromFailure: the one place an upstream call without a usable answer becomes a GraphQL error', () => {
  it.each<[UpstreamFailure | Error, string, string]>([
    [new UpstreamFailure('DEADLINE_EXCEEDED', 'spent'), 'UPSTREAM_TIMEOUT', `Upstream did not complete ${ACTION} within the operation's budget of 400 ms (GRAPH_TIMEOUT_MS)`],
    [new UpstreamFailure('CALLER_GONE', 'gone'), 'CLIENT_CLOSED_REQUEST', `The client disconnected; ${ACTION} was cancelled`],
    [new UpstreamFailure('NETWORK', 'ECONNRESET'), 'UPSTREAM_ERROR', `Could not reach the upstream to ${ACTION} (ECONNRESET)`],
    [new UpstreamFailure('INVALID_JSON', 'upstream answered a body that is not valid JSON (x)', 200), 'UPSTREAM_ERROR', `${ACTION}: upstream answered a body that is not valid JSON (x)`],
    [new UpstreamFailure('BODY_TOO_LARGE', 'a body larger than 1024 bytes', 200), 'UPSTREAM_ERROR', `Upstream answered ${ACTION} with a body larger than 1024 bytes; it was not read`],
    [new TypeError('secret internals'), 'UPSTREAM_ERROR', `Unexpected failure while trying to ${ACTION}`], // anything else: wrapped, its message not leaked
  ])('%p → %s', (failure, code, message) => {
    const error = errorFromFailure(failure, ACTION, running);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({ code });
    expect(error.message).toBe(message);
  });

  it('calls any failure after the caller disconnected a cancellation', () => {
    const error = errorFromFailure(new UpstreamFailure('NETWORK', 'ECONNRESET'), ACTION, { budgetMs: 400, callerGone: true });
    expect(error.extensions.code).toBe('CLIENT_CLOSED_REQUEST');
  });
});
