import type { GraphQLError } from 'graphql';
import type { ReportCacheSettings } from '../../config';
import { ErrorCode, isGatewayError } from '../../errors';
import { readTokenClaims, type TokenClaims } from '../../security/token-claims';
import { ReportCache, type ReportCopy } from './report-cache';
import { callerCopyKey, tenantCopyKey } from './report-cache-key';
import { cachedReportExtension, upstreamReportExtension, type ReportAnswerExtension } from './report-extension';
import { ReportProofs } from './report-proofs';
import { mayShareTenantCopy } from './report-sharing-rule';

/** What the operator's metrics hear from the cache (observability/metrics.ts); every member optional. */
export interface ReportCacheEvents {
  /** A fresh copy answered: the caller's own, or the tenant's (shared by the proof rule). */
  onHit?(copy: 'own' | 'tenant'): void;
  /** No fresh copy: Graph is asked. */
  onMiss?(): void;
  /** Graph throttled and a copy answered instead of THROTTLED. */
  onStale?(copy: 'own' | 'tenant'): void;
}

/** The few logger methods the cache writes with (the gateway's pino logger, which redacts tokens). */
export interface ReportCacheLogger {
  warn(details: object, message: string): void;
}

export interface ReportCacheServiceOptions {
  settings: ReportCacheSettings;
  events?: ReportCacheEvents;
  logger?: ReportCacheLogger;
  /** Epoch ms. Default Date.now. */
  now?: () => number;
}

/** One report answer and what `extensions.office365ActivationCountsReport` says about it. */
export interface ReportAnswer<Row> {
  rows: readonly Row[];
  extension: ReportAnswerExtension;
}

/** A caller as the cache sees it: its token, and the claims read (not verified) from it. */
interface CallerView {
  key: string;
  claims: TokenClaims | undefined;
}

/**
 * The per-process report cache (built once in server.ts, used by every caller's report): fresh
 * copies answer without asking Graph, a throttled call is answered from a copy up to
 * REPORT_STALE_SECONDS old, and 401/403 drop the caller's copy and proof. Scope `caller` keeps one
 * copy per token (by its SHA-256); scope `tenant` also keeps one copy per tenant, served only by
 * the rule in report-sharing-rule.ts; scope `off` always asks Graph.
 */
export class ReportCacheService<Row extends object> {
  private readonly cache: ReportCache<Row>;
  private readonly proofs: ReportProofs;
  /** Tenant scope: the report call in flight that will refresh each tenant's copy, by tid. */
  private readonly refreshing = new Map<string, Promise<unknown>>();
  private readonly now: () => number;

  constructor(private readonly options: ReportCacheServiceOptions) {
    const { settings } = options;
    this.now = options.now ?? Date.now;
    this.cache = new ReportCache<Row>({ freshSeconds: settings.freshSeconds, staleSeconds: settings.staleSeconds, maxEntries: settings.maxEntries, maxBytes: settings.maxBytes, now: this.now });
    this.proofs = new ReportProofs(settings.maxEntries);
  }

  /** The report for the caller holding `token` (the bearer value, without "Bearer "); `fetch` asks Graph with that token. */
  async answer(token: string, fetch: () => Promise<Row[]>): Promise<ReportAnswer<Row>> {
    if (this.options.settings.scope === 'off') return this.fromUpstream(await fetch());
    const caller: CallerView = { key: callerCopyKey(token), claims: readTokenClaims(token) };
    const own = this.cache.get(caller.key);
    if (own?.source === 'cache') return this.hit(own, 'own');
    const shared = this.shareableTenantCopy(caller);
    if (shared?.source === 'cache') return this.hit(shared, 'tenant');
    const refreshed = await this.afterTenantRefresh(caller);
    if (refreshed) return this.hit(refreshed, 'tenant');
    this.options.events?.onMiss?.();
    let rows: Row[];
    try {
      rows = await this.refreshingTenant(caller, fetch());
    } catch (error: unknown) {
      return this.afterFailure(error, caller);
    }
    this.keep(caller, rows, this.now());
    return this.fromUpstream(rows);
  }

  /**
   * A proven caller whose tenant's copy is being refreshed by another token's call waits for that
   * call instead of making its own, then reads the new copy by the same rule (undefined when the
   * call failed or the rule says no): one refresh per tenant per freshness period, not one per caller.
   */
  private async afterTenantRefresh(caller: CallerView): Promise<ReportCopy<Row> | undefined> {
    const tid = caller.claims?.tid;
    const inFlight = tid === undefined ? undefined : this.refreshing.get(tid);
    if (!inFlight || !this.isProvenFor(caller, tid!)) return undefined;
    await inFlight.catch(() => undefined);
    const copy = this.shareableTenantCopy(caller);
    return copy?.source === 'cache' ? copy : undefined;
  }

  /** Tenant scope: marks `call` as the refresh of the caller's tenant copy while it is in flight (the first one wins). */
  private refreshingTenant(caller: CallerView, call: Promise<Row[]>): Promise<Row[]> {
    const tid = caller.claims?.tid;
    if (this.options.settings.scope !== 'tenant' || tid === undefined || this.refreshing.has(tid)) return call;
    this.refreshing.set(tid, call);
    const done = (): void => {
      if (this.refreshing.get(tid) === call) this.refreshing.delete(tid);
    };
    call.then(done, done);
    return call;
  }

  private isProvenFor(caller: CallerView, tid: string): boolean {
    return mayShareTenantCopy({ claims: caller.claims, proof: this.proofs.get(caller.key), copyTid: tid, now: this.now(), proofMaxSeconds: this.options.settings.proofMaxSeconds }).share;
  }

  /**
   * Drops the copies that would answer `token` (its own, and in tenant scope its tenant's): called
   * after its write succeeded, so the report it reads next is not from before its own change. Its
   * proof stays (Graph just accepted the token); the copies are refetched on the next report.
   */
  forget(token: string): void {
    this.cache.delete(callerCopyKey(token));
    const tid = readTokenClaims(token)?.tid;
    if (this.options.settings.scope === 'tenant' && tid !== undefined) this.cache.delete(tenantCopyKey(tid));
  }

  private fromUpstream(rows: readonly Row[]): ReportAnswer<Row> {
    return { rows, extension: upstreamReportExtension(this.now()) };
  }

  private hit(copy: ReportCopy<Row>, which: 'own' | 'tenant'): ReportAnswer<Row> {
    this.options.events?.onHit?.(which);
    return { rows: copy.rows, extension: cachedReportExtension(copy) };
  }

  /** The tenant's copy when the rule lets this caller read it, else undefined. */
  private shareableTenantCopy(caller: CallerView): ReportCopy<Row> | undefined {
    if (this.options.settings.scope !== 'tenant' || caller.claims?.tid === undefined) return undefined;
    const copy = this.cache.get(tenantCopyKey(caller.claims.tid));
    if (!copy || copy.tid === undefined) return undefined;
    return this.isProvenFor(caller, copy.tid) ? copy : undefined;
  }

  /** Graph answered this token: its own copy (never past its `exp`), its proof, and in tenant scope the tenant's copy. */
  private keep(caller: CallerView, rows: readonly Row[], fetchedAt: number): void {
    const tid = caller.claims?.tid;
    const own = { rows, fetchedAt, ...(caller.claims?.expiresAt !== undefined ? { notAfter: caller.claims.expiresAt } : {}), ...(tid !== undefined ? { tid } : {}) };
    this.cache.put(caller.key, own);
    if (this.options.settings.scope !== 'tenant') return;
    this.proofs.record(caller.key, fetchedAt);
    if (tid !== undefined) this.cache.put(tenantCopyKey(tid), { rows, fetchedAt, tid });
  }

  private afterFailure(error: unknown, caller: CallerView): ReportAnswer<Row> {
    if (isGatewayError(error, ErrorCode.UNAUTHENTICATED) || isGatewayError(error, ErrorCode.FORBIDDEN)) {
      // Graph no longer accepts this token: nothing it fetched or proved may answer it again.
      this.cache.delete(caller.key);
      this.proofs.forget(caller.key);
      throw error;
    }
    if (!isGatewayError(error, ErrorCode.THROTTLED)) throw error;
    const copy = this.newest(this.cache.get(caller.key), this.shareableTenantCopy(caller));
    if (!copy) throw error;
    const upstream = (error as GraphQLError).extensions.upstream as { retryAfterSeconds?: number } | undefined;
    const retryAfterSeconds = upstream?.retryAfterSeconds;
    const stale: ReportCopy<Row> = { ...copy.copy, source: 'stale' };
    this.options.events?.onStale?.(copy.which);
    this.options.logger?.warn({ ageSeconds: stale.ageSeconds, retryAfterSeconds: retryAfterSeconds ?? null, copy: copy.which }, 'Graph throttled the report: answered from a kept copy with a stale warning');
    return { rows: stale.rows, extension: cachedReportExtension(stale, retryAfterSeconds) };
  }

  private newest(own: ReportCopy<Row> | undefined, tenant: ReportCopy<Row> | undefined): { copy: ReportCopy<Row>; which: 'own' | 'tenant' } | undefined {
    if (own && (!tenant || own.fetchedAt >= tenant.fetchedAt)) return { copy: own, which: 'own' };
    return tenant ? { copy: tenant, which: 'tenant' } : undefined;
  }
}
