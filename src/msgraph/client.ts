import type { GraphQLError } from 'graphql';
import type { Dispatcher } from 'undici';
import { errorFromFailure } from '../errors';
import type { StopSignal } from './call-signal';
import { callerKeyOf } from '../security/token-hash';
import { stringifyUpstreamJson } from './json';
import { OperationBudget, UNLIMITED_OPERATION, type OperationLimits } from './operation-budget';
import { OperationScope } from './operation-scope';
import { RetryPolicy } from './retry-policy';
import { createTransport } from './transport';
import type { UpstreamAdmission } from './upstream-admission';
import type { UpstreamHandler, UpstreamResponse } from './upstream-call';
import type { UpstreamHooks, UpstreamRetryEvent } from './upstream-hooks';
import { createDownloadPipeline, createUpstreamPipeline } from './upstream-pipeline';
import type { BatchTrace, UpstreamTracing } from './upstream-tracing';
import { waitWithinScope } from './wait-within-scope';

export type { UpstreamResponse } from './upstream-call';

export interface UpstreamRequest {
  method: 'GET' | 'PATCH' | 'POST';
  /** Path below the version root, already encoded, may hold a query string. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** What this call does, for error messages ("read entity 'x'"). */
  action: string;
}

/** What the retry policy is told of a $batch item: a GET sent inside a $batch call. */
const BATCH_ITEM = { method: 'GET', path: '/$batch' } as const;

/** The upstream settings, resolved once at start (config.ts). */
export interface UpstreamSettings {
  /** Upstream version root, no trailing slash. */
  baseUrl: string;
  /** GRAPH_TIMEOUT_MS: budget for all upstream work of one operation. */
  timeoutMs: number;
  /** GRAPH_MAX_RETRIES. */
  maxRetries: number;
  dispatcher: Dispatcher;
  /** Combined once at start (metrics, logs, tests). */
  hooks: UpstreamHooks;
  /** OpenTelemetry spans and `traceparent`; undefined when tracing is off (no OTLP endpoint). */
  tracing?: UpstreamTracing;
  /** What one operation may spend upstream; unlimited when undefined. */
  operationLimits?: OperationLimits;
  /** Per-caller and global concurrency, shared by every caller; none when undefined. */
  admission?: UpstreamAdmission;
  now?: () => number;
  random?: () => number;
}

export interface UpstreamCaller {
  /** The caller's Authorization header value, forwarded byte for byte and to this origin only. */
  authorization: string;
  /** Fires when the GraphQL caller disconnects: in-flight upstream calls are aborted. */
  signal?: StopSignal;
}

/** What the report download's calls carry as their path, for metrics and logs: the real one may hold the download's credential. */
export const REPORT_DOWNLOAD_PATH = '/report-download';

/** What every caller's client shares: built once at start. */
interface SharedUpstream {
  settings: UpstreamSettings;
  pipeline: UpstreamHandler;
  /** The report download: without credentials, no attempt id or trace header for another origin; coalesced (concurrent fetches of one pre-authenticated URL share one download), retried, budgeted and observed like every other call. */
  download: UpstreamHandler;
  retryPolicy: RetryPolicy;
}

/**
 * Builds the layers once; answers a factory of caller-bound clients (one per GraphQL request).
 */
export function createUpstreamClients(settings: UpstreamSettings): (caller: UpstreamCaller) => GraphClient {
  const retryPolicy = new RetryPolicy({ maxRetries: settings.maxRetries, hooks: settings.hooks, random: settings.random });
  const transport = createTransport({ dispatcher: settings.dispatcher });
  const pipeline = createUpstreamPipeline({ transport, hooks: settings.hooks, retryPolicy, admission: settings.admission, tracingLayer: settings.tracing?.attemptLayer });
  const download = createDownloadPipeline({ transport, hooks: settings.hooks, retryPolicy, admission: settings.admission });
  const shared: SharedUpstream = { settings, retryPolicy, pipeline, download };
  const limits = settings.operationLimits ?? UNLIMITED_OPERATION;
  return (caller) => {
    const budget = new OperationBudget(limits, () => callerKeyOf(caller.authorization), caller.authorization);
    return new GraphClient(shared, caller, new OperationScope(settings.timeoutMs, caller.signal, settings.now, budget));
  };
}


/**
 * The caller's view of Microsoft Graph: bound to that caller's token, signal and deadline. Returns
 * every HTTP answer (the feature maps statuses through errors.ts); throws GraphQL errors, made in
 * errors.ts, only when no usable answer came (timeout, disconnect, network, bad body).
 */
export class GraphClient {
  constructor(
    private readonly shared: SharedUpstream,
    private readonly caller: UpstreamCaller,
    private readonly scope: OperationScope,
  ) {}

  get baseUrl(): string {
    return this.shared.settings.baseUrl;
  }

  async send(upstream: UpstreamRequest): Promise<UpstreamResponse> {
    const headers: Record<string, string> = { authorization: this.caller.authorization, accept: 'application/json', ...upstream.headers };
    let body: string | undefined;
    if (upstream.body !== undefined) {
      body = stringifyUpstreamJson(upstream.body);
      headers['content-type'] = 'application/json';
    }
    const call = { method: upstream.method, url: `${this.baseUrl}${upstream.path}`, path: upstream.path, headers, body, attempt: 1, scope: this.scope };
    try {
      return await this.shared.pipeline(call);
    } catch (error: unknown) {
      throw this.failed(error, upstream.action);
    }
  }

  /**
   * GET an absolute URL on another origin WITHOUT the caller's token (Graph's pre-authenticated
   * report download): same deadline, signal and budget, retried on 429/503/504 and network
   * failures like any GET, counted in the upstream metrics. Concurrent fetches of the same URL share
   * one download: the URL itself is the credential, held only by whoever received it from Graph
   * (the joiners of one coalesced report call). So its path never reaches a metric, log line or
   * span: they see REPORT_DOWNLOAD_PATH.
   */
  async fetchWithoutCredentials(url: string, action: string): Promise<UpstreamResponse> {
    const call = { method: 'GET' as const, url, path: REPORT_DOWNLOAD_PATH, headers: { accept: 'text/csv, */*' }, attempt: 1, scope: this.scope };
    try {
      return await this.shared.download(call);
    } catch (error: unknown) {
      throw this.failed(error, action);
    }
  }

  /**
   * Waits for work this operation did not start (another caller's report refresh) within this
   * operation's own deadline and disconnect: UPSTREAM_TIMEOUT or CLIENT_CLOSED_REQUEST when either
   * comes first. Leaving does not cancel `answer` for whoever else needs it.
   */
  async waitWithinOperation<T>(answer: Promise<T>, action: string): Promise<T> {
    try {
      return await waitWithinScope(answer, this.scope);
    } catch (error: unknown) {
      throw this.failed(error, action);
    }
  }

  /**
   * The retry policy's delay for one $batch item that answered `status` (see RetryPolicy.delayBeforeRetry).
   * Every item is a GET inside a $batch, so one description serves them all: none is built per item.
   */
  retryDelayOfBatchItem(attempt: number, status: number, retryAfter: string | undefined): number | undefined {
    return this.shared.retryPolicy.delayBeforeRetry(BATCH_ITEM, attempt, status, retryAfter);
  }

  /** Reports the retried $batch items and waits inside this operation's budget; false when it does not fit. */
  async waitBeforeRetry(delayMs: number, retried: readonly Omit<UpstreamRetryEvent, 'delayMs'>[], action: string): Promise<boolean> {
    try {
      return await this.shared.retryPolicy.waitBeforeRetry(this.scope, delayMs, retried);
    } catch (error: unknown) {
      throw this.failed(error, action);
    }
  }

  /** Runs one $batch read inside its span when tracing is on; bare otherwise. */
  inBatchSpan<T>(itemCount: number, run: (trace: BatchTrace | undefined) => Promise<T>): Promise<T> {
    const tracing = this.shared.settings.tracing;
    return tracing ? tracing.inBatchSpan(itemCount, run) : run(undefined);
  }

  /** Tells the hooks a $batch call of `size` items is sent. */
  reportBatch(size: number): void {
    this.shared.settings.hooks.onBatch?.({ size });
  }

  private failed(error: unknown, action: string): GraphQLError {
    return errorFromFailure(error, action, { budgetMs: this.scope.budgetMs, callerGone: this.scope.signal?.aborted === true });
  }
}
