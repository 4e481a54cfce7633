import type { Dispatcher } from 'undici';
import { ActivationCountsLoader } from './activation-counts/activation-counts.loader';
import { ActivationCountsUpstream } from './activation-counts/activation-counts.upstream';
import { ActivationCountsPages } from './activation-counts/list/activation-counts-pages';
import { ActivationCountsReport } from './activation-counts/report/activation-counts-report';
import { CallerReport } from './activation-counts/report/caller-report';
import type { ReportCacheService } from './activation-counts/report/report-cache-service';
import type { ReportAnswerSlot } from './activation-counts/report/report-extension-plugin';
import type { Office365ActivationCountsReportRow } from './activation-counts/report/report-row.type';
import { ErrorCode, gatewayError } from './errors';
import { GraphClient } from './graph/client';
import type { UpstreamHooks } from './graph/upstream-hooks';

/** What one caller's resolvers use; built per request, bound to that caller's token. */
export interface CallerServices {
  client: GraphClient;
  upstream: ActivationCountsUpstream;
  loader: ActivationCountsLoader;
  pages: ActivationCountsPages;
  report: CallerReport;
  /** Cap on office365ActivationCountsByIds' ids (MAX_IDS_PER_QUERY). */
  maxIdsPerQuery: number;
}

export interface GatewayContext extends ReportAnswerSlot {
  /** Our id for this GraphQL request, in logs and error extensions. */
  requestId: string;
  /** Present when the request carried a usable bearer token. */
  caller?: CallerServices;
  /** Why there is no caller, for the UNAUTHENTICATED message. */
  authProblem?: string;
}

export interface ContextDependencies {
  baseUrl: string;
  resourcePath: string;
  timeoutMs: number;
  maxRetries: number;
  /** Cap on office365ActivationCountsByIds' ids. Default 500 (as MAX_IDS_PER_QUERY). */
  maxIdsPerQuery?: number;
  dispatcher: Dispatcher;
  hooks?: UpstreamHooks;
  /** The process's report cache (server.ts builds one per gateway). */
  reportCache: ReportCacheService<Office365ActivationCountsReportRow>;
  now?: () => number;
}

export interface IncomingCall {
  requestId: string;
  authorization: string | undefined;
  /** Aborts when the client disconnects before the answer is sent. */
  signal?: AbortSignal;
}

const BEARER = /^Bearer [\x21-\x7e]+$/i;

/** Builds the per-request context. No upstream call happens here; resolvers ask for the caller. */
export function createContext(deps: ContextDependencies, call: IncomingCall): GatewayContext {
  const context: GatewayContext = { requestId: call.requestId };
  if (call.authorization === undefined || call.authorization === '') {
    context.authProblem = 'No Authorization header: send "Authorization: Bearer <access token>"';
    return context;
  }
  if (!BEARER.test(call.authorization)) {
    context.authProblem = 'The Authorization header is not a bearer token: expected "Bearer <access token>"';
    return context;
  }
  const now = deps.now ?? Date.now;
  const client = new GraphClient({
    baseUrl: deps.baseUrl,
    authorization: call.authorization,
    dispatcher: deps.dispatcher,
    deadlineAt: now() + deps.timeoutMs,
    budgetMs: deps.timeoutMs,
    maxRetries: deps.maxRetries,
    signal: call.signal,
    hooks: deps.hooks,
    now,
  });
  const upstream = new ActivationCountsUpstream({
    client,
    resourcePath: deps.resourcePath,
    maxRetries: deps.maxRetries,
    onBatch: deps.hooks?.onBatch ? (size) => deps.hooks!.onBatch!({ size }) : undefined,
  });
  context.caller = {
    client,
    upstream,
    loader: new ActivationCountsLoader(upstream),
    pages: new ActivationCountsPages({ client, resourcePath: deps.resourcePath }),
    report: new CallerReport(new ActivationCountsReport(client), deps.reportCache, call.authorization.slice('Bearer '.length)),
    maxIdsPerQuery: deps.maxIdsPerQuery ?? 500,
  };
  return context;
}

/** The caller's services, or UNAUTHENTICATED before any upstream call is made. */
export function requireCaller(context: GatewayContext): CallerServices {
  if (!context.caller) throw gatewayError(ErrorCode.UNAUTHENTICATED, context.authProblem ?? 'Authentication required');
  return context.caller;
}
