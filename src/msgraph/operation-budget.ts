import { callerKeyOf, tokenOf } from '../security/token-hash';
import { FifoSlots } from './fifo-slots';
import { UpstreamFailure } from './upstream-failure';

/** What one GraphQL operation may spend upstream (config.ts holds the defaults and settings). */
export interface OperationLimits {
  /** MAX_UPSTREAM_REQUESTS_PER_OPERATION: HTTP requests, every attempt counted (a $batch is one). */
  maxRequests: number;
  /** MAX_BATCHES_IN_FLIGHT_PER_OPERATION: `$batch` calls of the operation in flight at once. */
  maxBatchesInFlight: number;
  /** MAX_UPSTREAM_BYTES_PER_OPERATION: body bytes of all its upstream answers together. */
  maxBytes: number;
}

/** For clients built without limits (unit tests of single layers). */
export const UNLIMITED_OPERATION: OperationLimits = { maxRequests: Infinity, maxBatchesInFlight: Infinity, maxBytes: Infinity };

/**
 * One operation's running account of upstream work, charged to one caller. Lives in the
 * operation's scope, so it is never shared across requests.
 */
export class OperationBudget {
  private requests = 0;
  private bytes = 0;
  /** Held by each `$batch` call while it is in flight (see operation-budget-layer.ts). */
  readonly batchSlots: FifoSlots;

  private key: string | undefined;
  private identity: string | undefined;

  constructor(
    readonly limits: OperationLimits,
    /** SHA-256 of the caller's token (security/token-hash.ts), or the function that computes it when first needed. */
    private readonly keyOrComputeKey: string | (() => string),
    /** The Authorization header callerKey is computed from, when known: callerKeyFor reuses the hash for it. */
    private readonly keyedAuthorization?: string,
  ) {
    this.batchSlots = new FifoSlots(limits.maxBatchesInFlight);
  }

  /**
   * The caller's key for anything that outlives its calls: the SHA-256 of its token. Computed on
   * first use: an operation that shares no call and keeps nothing (a write) never hashes.
   */
  get callerKey(): string {
    if (this.key === undefined) this.key = typeof this.keyOrComputeKey === 'string' ? this.keyOrComputeKey : this.keyOrComputeKey();
    return this.key;
  }

  /**
   * Tells callers apart while their calls are in flight (upstream-admission.ts), and only then: the
   * token text when the operation has one ("bearer x" and "Bearer x" are one), else the key. The
   * map keyed by it holds counts, no data, and an entry lives only while its caller has calls in
   * flight, whose own headers carry the token anyway; so no hash is needed, which saved ~2 µs of
   * SHA-256 per operation. The two forms cannot collide: they carry different prefixes.
   */
  get callerIdentity(): string {
    if (this.identity === undefined) this.identity = this.keyedAuthorization === undefined ? `key ${this.callerKey}` : `token ${tokenOf(this.keyedAuthorization)}`;
    return this.identity;
  }

  /**
   * The caller key of the Authorization header a call carries: this operation's own key when it is
   * the header the key was computed from (one SHA-256 per operation instead of one per call), else
   * that header's own hash. Compared by value, so a call with another token never gets this key.
   */
  callerKeyFor(authorization: string): string {
    return authorization === this.keyedAuthorization ? this.callerKey : callerKeyOf(authorization);
  }

  get requestsSent(): number {
    return this.requests;
  }

  get bytesReceived(): number {
    return this.bytes;
  }

  /** Counts one attempt about to be sent; throws BUDGET_EXCEEDED (nothing sent) past the limit. */
  countRequest(): void {
    if (this.requests >= this.limits.maxRequests) {
      throw new UpstreamFailure('BUDGET_EXCEEDED', `this operation's budget of ${this.limits.maxRequests} upstream requests (MAX_UPSTREAM_REQUESTS_PER_OPERATION) is used up`);
    }
    this.requests++;
  }

  /** Counts body bytes as they stream in; throws BUDGET_EXCEEDED (the body is then abandoned) past the limit. */
  countBytes(count: number, status: number): void {
    this.bytes += count;
    if (this.bytes > this.limits.maxBytes) {
      throw new UpstreamFailure('BUDGET_EXCEEDED', `this operation's upstream answers passed its budget of ${this.limits.maxBytes} bytes (MAX_UPSTREAM_BYTES_PER_OPERATION)`, status);
    }
  }
}
