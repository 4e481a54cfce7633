import { GraphQLError } from 'graphql';

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

/**
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients
 * must accept. Matched before Date.parse, which reads almost anything ("-5" was a date in 2001).
 */
const HTTP_DATE = new RegExp(
  [
    '^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$',
    '^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT$',
    '^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}$',
  ].join('|'),
);

/** Seconds from a Retry-After header: non-negative integer seconds or an HTTP-date; anything else is undefined. */
export function parseRetryAfterSeconds(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text);
  if (!HTTP_DATE.test(text)) return undefined;
  // asctime has no zone: it is GMT by definition.
  const date = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
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

export function isGatewayError(error: unknown, code: ErrorCode): boolean {
  return error instanceof GraphQLError && error.extensions?.code === code;
}
