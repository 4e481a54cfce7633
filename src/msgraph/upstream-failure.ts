/**
 * Stable codes for an upstream call that produced no usable answer. The transport throws these and
 * knows nothing of GraphQL; errors.ts is the one place that turns them into GraphQL errors.
 */
export type UpstreamFailureCode =
  /** The operation's budget (GRAPH_TIMEOUT_MS) ran out before the call completed. */
  | 'DEADLINE_EXCEEDED'
  /** The GraphQL caller disconnected; the call was aborted. */
  | 'CALLER_GONE'
  /** No HTTP answer: connection refused or reset, DNS, TLS, a body cut short. */
  | 'NETWORK'
  /** The answer's body exceeded the transport's cap; it was not buffered. */
  | 'BODY_TOO_LARGE'
  /** A success status whose body claims or looks like JSON but does not parse. */
  | 'INVALID_JSON'
  /** The operation's upstream budget (requests or bytes, operation-budget.ts) is used up. */
  | 'BUDGET_EXCEEDED';

export class UpstreamFailure extends Error {
  constructor(
    readonly code: UpstreamFailureCode,
    message: string,
    /** The HTTP status when an answer arrived (BODY_TOO_LARGE, INVALID_JSON, BUDGET_EXCEEDED on bytes). */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamFailure';
  }
}
