import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { request, type Dispatcher } from 'undici';
import { ErrorCode, gatewayError, type UpstreamAnswer } from '../errors';
import { createCallSignal } from './call-signal';
import { parseUpstreamJson, stringifyUpstreamJson, UpstreamJsonError } from './json';
import { RETRYABLE_STATUSES, retryDelayMs, sleep } from './retry-policy';
import type { UpstreamHooks } from './upstream-hooks';

export interface GraphClientOptions {
  /** Upstream version root, no trailing slash. */
  baseUrl: string;
  /** The caller's Authorization header value, forwarded byte for byte and to this origin only. */
  authorization: string;
  dispatcher: Dispatcher;
  /** Epoch ms after which no upstream call is started or awaited (the operation's budget). */
  deadlineAt: number;
  /** The budget deadlineAt was computed from, for error messages. */
  budgetMs: number;
  maxRetries: number;
  /** Fires when the GraphQL caller disconnects: in-flight upstream calls are aborted. */
  signal?: AbortSignal;
  hooks?: UpstreamHooks;
  now?: () => number;
  random?: () => number;
}

export interface UpstreamRequest {
  method: 'GET' | 'PATCH' | 'POST';
  /** Path below the version root, already encoded, may hold a query string. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** What this call does, for error messages ("read entity 'x'"). */
  action: string;
}

export interface UpstreamResponse extends UpstreamAnswer {
  /** The raw body text (the report's CSV is not JSON). */
  text: string;
}

/** Upstream bodies above this are refused rather than buffered without bound. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

class DeadlineExceeded extends Error {}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

async function readText(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      throw new Error(`response body larger than ${MAX_RESPONSE_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  const looksJson = contentType?.includes('json') || /^\s*[{[]/.test(text);
  return looksJson ? parseUpstreamJson(text) : undefined;
}

/**
 * The caller's view of Microsoft Graph: one instance per GraphQL request, bound to that caller's
 * token, signal and deadline. Retries 429/503/504 (and network failures of idempotent calls) with
 * Retry-After or jittered backoff, never past the deadline. Returns every HTTP answer to the caller,
 * which maps statuses; throws GraphQL errors only for timeouts and unreachable upstreams.
 */
export class GraphClient {
  private readonly now: () => number;

  constructor(private readonly options: GraphClientOptions) {
    this.now = options.now ?? Date.now;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  remainingMs(): number {
    return this.options.deadlineAt - this.now();
  }

  async send(upstream: UpstreamRequest): Promise<UpstreamResponse> {
    const idempotent = upstream.method === 'GET' || upstream.path.startsWith('/$batch');
    for (let attempt = 1; ; attempt++) {
      let response: UpstreamResponse;
      try {
        response = await this.attempt(upstream, attempt);
      } catch (error: unknown) {
        if (!idempotent || attempt > this.options.maxRetries || !(error instanceof NetworkFailure)) throw this.toGraphQLError(error, upstream.action);
        const delayMs = retryDelayMs(attempt, undefined, this.options.random);
        if (!this.fitsDeadline(delayMs)) throw this.toGraphQLError(error, upstream.action);
        this.options.hooks?.onRetry?.({ method: upstream.method, status: 'network', attempt, delayMs });
        await this.wait(delayMs, upstream.action);
        continue;
      }
      if (!RETRYABLE_STATUSES.has(response.status) || attempt > this.options.maxRetries) return response;
      const delayMs = retryDelayMs(attempt, response.headers['retry-after'], this.options.random);
      if (!this.fitsDeadline(delayMs)) return response;
      this.options.hooks?.onRetry?.({ method: upstream.method, status: response.status, attempt, delayMs });
      await this.wait(delayMs, upstream.action);
    }
  }

  /** Waits inside the operation's budget; used by per-item batch retries too. */
  async wait(delayMs: number, action: string): Promise<void> {
    try {
      await sleep(delayMs, this.operationSignal());
    } catch (error: unknown) {
      throw this.toGraphQLError(error, action);
    }
  }

  fitsDeadline(delayMs: number): boolean {
    // Leave room for the retried call itself; a retry that cannot finish is not worth starting.
    return this.now() + delayMs + 50 < this.options.deadlineAt;
  }

  /**
   * GET an absolute URL on another origin WITHOUT the caller's token (Graph's pre-authenticated
   * report download). Same deadline and signal as every other call.
   */
  async fetchWithoutCredentials(url: string, action: string): Promise<UpstreamResponse> {
    try {
      return await this.dispatch(url, { method: 'GET', headers: { accept: 'text/csv, */*' } });
    } catch (error: unknown) {
      throw this.toGraphQLError(error, action);
    }
  }

  private operationSignal(): AbortSignal {
    const remaining = Math.max(0, this.remainingMs());
    const timeout = AbortSignal.timeout(remaining);
    const signals = [timeout];
    if (this.options.signal) signals.push(this.options.signal);
    return AbortSignal.any(signals);
  }

  private async attempt(upstream: UpstreamRequest, attempt: number): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {
      authorization: this.options.authorization,
      accept: 'application/json',
      'client-request-id': randomUUID(),
      ...upstream.headers,
    };
    if (attempt > 1) headers['retry-attempt'] = String(attempt - 1);
    let body: string | undefined;
    if (upstream.body !== undefined) {
      body = stringifyUpstreamJson(upstream.body);
      headers['content-type'] = 'application/json';
    }
    const started = this.now();
    try {
      const response = await this.dispatch(`${this.options.baseUrl}${upstream.path}`, { method: upstream.method, headers, body });
      this.options.hooks?.onResponse?.({ method: upstream.method, status: response.status, durationMs: this.now() - started, attempt });
      return response;
    } catch (error: unknown) {
      if (error instanceof NetworkFailure) {
        this.options.hooks?.onNetworkError?.({ method: upstream.method, reason: error.message, durationMs: this.now() - started });
      }
      throw error;
    }
  }

  private async dispatch(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<UpstreamResponse> {
    if (this.remainingMs() <= 0) throw new DeadlineExceeded();
    // Released once the body is read: the budget's timer must not outlive the call (see call-signal.ts).
    const call = createCallSignal(this.remainingMs(), this.options.signal);
    const { signal } = call;
    let response: Dispatcher.ResponseData;
    let headers: Record<string, string | undefined>;
    let text: string;
    try {
      try {
        response = await request(url, { ...init, dispatcher: this.options.dispatcher, signal });
      } catch (error: unknown) {
        throw this.classify(error, signal);
      }
      headers = flattenHeaders(response.headers);
      try {
        text = await readText(response.body);
      } catch (error: unknown) {
        response.body.destroy();
        throw this.classify(error, signal);
      }
    } finally {
      call.release();
    }
    let body: unknown;
    try {
      body = parseBody(text, headers['content-type']);
    } catch (error: unknown) {
      // An error status keeps its status mapping even when its body is garbage.
      if (response.statusCode < 400) throw error;
    }
    return { status: response.statusCode, headers, text, body };
  }

  private classify(error: unknown, signal: AbortSignal): Error {
    if (signal.aborted) {
      return this.options.signal?.aborted ? new CallerGone() : new DeadlineExceeded();
    }
    const reason = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
    return new NetworkFailure(reason, { cause: error });
  }

  private toGraphQLError(error: unknown, action: string): GraphQLError {
    if (error instanceof DeadlineExceeded || (error instanceof DOMException && error.name === 'TimeoutError')) {
      return gatewayError(ErrorCode.UPSTREAM_TIMEOUT, `Upstream did not complete ${action} within the operation's budget of ${this.options.budgetMs} ms (GRAPH_TIMEOUT_MS)`);
    }
    if (error instanceof CallerGone || this.options.signal?.aborted) {
      return gatewayError(ErrorCode.CLIENT_CLOSED_REQUEST, `The client disconnected; ${action} was cancelled`);
    }
    if (error instanceof UpstreamJsonError) return gatewayError(ErrorCode.UPSTREAM_ERROR, `${action}: ${error.message}`);
    if (error instanceof NetworkFailure) return gatewayError(ErrorCode.UPSTREAM_ERROR, `Could not reach the upstream to ${action} (${error.message})`);
    return gatewayError(ErrorCode.UPSTREAM_ERROR, `Unexpected failure while trying to ${action}`);
  }
}

class NetworkFailure extends Error {}
class CallerGone extends Error {}
