import { GraphQLError } from 'graphql';
import { parseRetryAfterSeconds } from './msgraph/retry-after';
import { UpstreamFailure } from './msgraph/upstream-failure';

/** Every error code this gateway puts in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  THROTTLED: 'THROTTLED',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  CLIENT_CLOSED_REQUEST: 'CLIENT_CLOSED_REQUEST',
  /** The operation used up its upstream budget (requests or bytes) while it ran. */
  OPERATION_BUDGET_EXCEEDED: 'OPERATION_BUDGET_EXCEEDED',
  /** The gateway's upstream capacity is saturated: the request was shed with HTTP 503 before it ran. */
  GATEWAY_BUSY: 'GATEWAY_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What an error says about the upstream answer that caused it; never headers, never the token. */
export interface UpstreamErrorDetails {
  status?: number;
  /** Graph's `error.code`, e.g. "ResourceNotFound". */
  code?: string;
  /** Graph's `request-id` response header, for Microsoft support. */
  requestId?: string;
  /** Seconds the upstream asked us to wait (429/503). */
  retryAfterSeconds?: number;
}

/** The parts of an upstream answer the error mapping needs. */
export interface UpstreamAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export function gatewayError(code: ErrorCode, message: string, upstream?: UpstreamErrorDetails): GraphQLError {
  return new GraphQLError(message, { extensions: upstream ? { code, upstream } : { code } });
}

/** The one mapping from an upstream HTTP status to our error code. */
export function codeForUpstreamStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return ErrorCode.BAD_USER_INPUT;
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
    case 410:
      return ErrorCode.NOT_FOUND;
    case 409:
    case 412:
      return ErrorCode.CONFLICT;
    case 429:
      return ErrorCode.THROTTLED;
    default:
      return ErrorCode.UPSTREAM_ERROR;
  }
}

function graphErrorOf(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message.slice(0, 500) : undefined,
  };
}

/** Maps a failed upstream answer to a GraphQL error; `action` says what we were doing ("PATCH entity 'x'"). */
export function errorFromUpstream(answer: UpstreamAnswer, action: string): GraphQLError {
  const graph = graphErrorOf(answer.body);
  const details: UpstreamErrorDetails = { status: answer.status };
  if (graph.code) details.code = graph.code;
  if (answer.headers['request-id']) details.requestId = answer.headers['request-id'];
  const retryAfter = parseRetryAfterSeconds(answer.headers['retry-after']);
  if (retryAfter !== undefined) details.retryAfterSeconds = retryAfter;
  const reason = graph.code ? `${graph.code}${graph.message ? `: ${graph.message}` : ''}` : `HTTP ${answer.status}`;
  return gatewayError(codeForUpstreamStatus(answer.status), `Upstream refused ${action} (${answer.status} ${reason})`, details);
}

/** What the boundary needs to know about the operation a failure ended. */
export interface FailureContext {
  /** GRAPH_TIMEOUT_MS, named in the timeout message. */
  budgetMs: number;
  /** The GraphQL caller disconnected: whatever the failure, the call was cancelled. */
  callerGone: boolean;
}

/**
 * The other half of the boundary: an upstream call that produced no usable answer (see
 * msgraph/upstream-failure.ts) becomes a GraphQL error. Anything else thrown is wrapped, never leaked.
 */
export function errorFromFailure(error: unknown, action: string, context: FailureContext): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const code = error instanceof UpstreamFailure ? error.code : undefined;
  if (code === 'DEADLINE_EXCEEDED') {
    return gatewayError(ErrorCode.UPSTREAM_TIMEOUT, `Upstream did not complete ${action} within the operation's budget of ${context.budgetMs} ms (GRAPH_TIMEOUT_MS)`);
  }
  if (code === 'CALLER_GONE' || context.callerGone) return gatewayError(ErrorCode.CLIENT_CLOSED_REQUEST, `The client disconnected; ${action} was cancelled`);
  const failure = error as UpstreamFailure;
  switch (code) {
    case 'INVALID_JSON':
      return gatewayError(ErrorCode.UPSTREAM_ERROR, `${action}: ${failure.message}`);
    case 'BODY_TOO_LARGE':
      return gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream answered ${action} with ${failure.message}; it was not read`);
    case 'BUDGET_EXCEEDED':
      return gatewayError(ErrorCode.OPERATION_BUDGET_EXCEEDED, `Stopped ${action}: ${failure.message}; split the operation into smaller ones`);
    case 'NETWORK':
      return gatewayError(ErrorCode.UPSTREAM_ERROR, `Could not reach the upstream to ${action} (${failure.message})`);
    default:
      return gatewayError(ErrorCode.UPSTREAM_ERROR, `Unexpected failure while trying to ${action}`);
  }
}

export function isGatewayError(error: unknown, code: ErrorCode): boolean {
  return error instanceof GraphQLError && error.extensions?.code === code;
}
