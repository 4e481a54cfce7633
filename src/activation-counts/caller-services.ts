import { ErrorCode, gatewayError } from '../errors';
import type { GraphClient } from '../msgraph/client';
import { ActivationCountsLoader } from './activation-counts.loader';
import { ActivationCountsUpstream } from './activation-counts.upstream';
import { ActivationCountsPages } from './list/activation-counts-pages';
import type { CursorSigner } from './list/cursor-signature';
import { ActivationCountsReport } from './report/activation-counts-report';
import { CallerReport } from './report/caller-report';
import type { ReportCacheService } from './report/report-cache-service';
import type { ReportAnswerSlot } from './report/report-extension-plugin';
import type { Office365ActivationCountsReportRow } from './report/report-row.type';

/** The feature's settings, resolved once at start (config.ts holds every default). */
export interface ActivationCountsSettings {
  /** GRAPH_RESOURCE_PATH: the entity collection below the version root. */
  resourcePath: string;
  /** MAX_IDS_PER_QUERY: cap on office365ActivationCountsByIds' ids. */
  maxIdsPerQuery: number;
  /** Signs and checks list cursors with the process's key (CURSOR_SECRET, or generated at start). */
  cursors: CursorSigner;
}

/** What one caller's resolvers use; built per request, bound to that caller's token. */
export interface CallerServices {
  upstream: ActivationCountsUpstream;
  loader: ActivationCountsLoader;
  pages: ActivationCountsPages;
  report: CallerReport;
  maxIdsPerQuery: number;
}

/** What the feature needs of the request context; the app's context extends it. */
export interface ActivationCountsContext extends ReportAnswerSlot {
  /** Present when the request carried a usable bearer token. */
  caller?: CallerServices;
  /** Why there is no caller, for the UNAUTHENTICATED message. */
  authProblem?: string;
}

/** What a caller's report needs beyond its client: its bearer header (the cache keys by its hash) and the process's report cache. */
export interface CallerReportDependencies {
  authorization: string;
  reportCache: ReportCacheService<Office365ActivationCountsReportRow>;
}

/** One caller's services, from a client bound to that caller's token, signal and deadline. */
export function createCallerServices(client: GraphClient, settings: ActivationCountsSettings, report: CallerReportDependencies): CallerServices {
  const upstream = new ActivationCountsUpstream({ client, resourcePath: settings.resourcePath });
  // Paging and the report are built when an operation first asks for them: most read neither.
  let pages: ActivationCountsPages | undefined;
  let callerReport: CallerReport | undefined;
  return {
    upstream,
    loader: new ActivationCountsLoader(upstream),
    get pages() {
      return (pages ??= new ActivationCountsPages({ client, resourcePath: settings.resourcePath, cursors: settings.cursors }));
    },
    get report() {
      return (callerReport ??= new CallerReport(new ActivationCountsReport(client), report.reportCache, report.authorization.slice('Bearer '.length), client));
    },
    maxIdsPerQuery: settings.maxIdsPerQuery,
  };
}

/** The caller's services, or UNAUTHENTICATED before any upstream call is made. */
export function requireCaller(context: ActivationCountsContext): CallerServices {
  if (!context.caller) throw gatewayError(ErrorCode.UNAUTHENTICATED, context.authProblem ?? 'Authentication required');
  return context.caller;
}
