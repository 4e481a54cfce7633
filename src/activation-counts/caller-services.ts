import { ErrorCode, gatewayError } from '../errors';
import type { GraphClient } from '../msgraph/client';
import { ActivationCountsLoader } from './activation-counts.loader';
import { ActivationCountsUpstream } from './activation-counts.upstream';
import { ActivationCountsPages } from './list/activation-counts-pages';
import type { CursorSigner } from './list/cursor-signature';
import { ActivationCountsReport } from './report/activation-counts-report';
import { CallerReport } from './report/caller-report';
import type { ReportCacheService } from './report/report-cache-service';
import type { ReportAnswerSlot } from './report/report-extension-concern';
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

/**
 * One caller's services, bound to one client. Paging and the report are built when an operation
 * first asks for them: most read neither. A class, with its getters on the prototype: getters in an
 * object literal made per request cost each request an accessor pair, which V8 allocates in the old
 * generation, so everything the getters close over (the client, its scope) would outlive the
 * request until the next full GC (see execution/apollo-request-passthrough.ts for the measurement).
 */
class BoundCallerServices implements CallerServices {
  readonly upstream: ActivationCountsUpstream;
  readonly loader: ActivationCountsLoader;
  readonly maxIdsPerQuery: number;
  private builtPages: ActivationCountsPages | undefined = undefined;
  private builtReport: CallerReport | undefined = undefined;

  constructor(
    private readonly client: GraphClient,
    private readonly settings: ActivationCountsSettings,
    private readonly reportDependencies: CallerReportDependencies,
  ) {
    this.upstream = new ActivationCountsUpstream({ client, resourcePath: settings.resourcePath });
    this.loader = new ActivationCountsLoader(this.upstream);
    this.maxIdsPerQuery = settings.maxIdsPerQuery;
  }

  get pages(): ActivationCountsPages {
    return (this.builtPages ??= new ActivationCountsPages({ client: this.client, resourcePath: this.settings.resourcePath, cursors: this.settings.cursors }));
  }

  get report(): CallerReport {
    const { reportCache, authorization } = this.reportDependencies;
    return (this.builtReport ??= new CallerReport(new ActivationCountsReport(this.client), reportCache, authorization.slice('Bearer '.length), this.client));
  }
}

/** One caller's services, from a client bound to that caller's token, signal and deadline. */
export function createCallerServices(client: GraphClient, settings: ActivationCountsSettings, report: CallerReportDependencies): CallerServices {
  return new BoundCallerServices(client, settings, report);
}

/** The caller's services, or UNAUTHENTICATED before any upstream call is made. */
export function requireCaller(context: ActivationCountsContext): CallerServices {
  if (!context.caller) throw gatewayError(ErrorCode.UNAUTHENTICATED, context.authProblem ?? 'Authentication required');
  return context.caller;
}
