import type { GraphQLError } from 'graphql';
import type { ReportCacheSettings } from '../../config';
import { ErrorCode, gatewayError, isGatewayError } from '../../errors';
import { readTokenClaims, type TokenClaims } from '../../security/token-claims';
import { ReportCache, type ReportCopy } from './report-cache';
import { callerCopyKey, tenantCopyKey } from './report-cache-key';
import { cachedReportExtension, upstreamReportExtension, type ReportAnswerExtension } from './report-extension';
import { ReportProofs } from './report-proofs';
import { mayShareTenantCopy } from './report-sharing-rule';
import { ReportThrottles } from './report-throttles';

/** What the operator's metrics hear from the cache (observability/metrics.ts); every member optional. */
export interface ReportCacheEvents {
  /** A fresh copy answered: the caller's own, or the tenant's (shared by the proof rule). */
  onHit?(copy: 'own' | 'tenant'): void;
  /** No fresh copy: Graph is asked. */
  onMiss?(): void;
  /** Graph throttled and a copy answered instead of THROTTLED. */
  onStale?(copy: 'own' | 'tenant'): void;
  /** Graph's remembered Retry-After had not passed: answered `stale` or `throttled` without asking Graph. */
  onThrottleRemembered?(answer: 'stale' | 'throttled'): void;
}

/** Calls every given set of report cache observers (metrics, and span events when tracing is on). */
export function combineReportCacheEvents(...sets: ReportCacheEvents[]): ReportCacheEvents {
  return {
    onHit: (copy) => sets.forEach((s) => s.onHit?.(copy)),
    onMiss: () => sets.forEach((s) => s.onMiss?.()),
    onStale: (copy) => sets.forEach((s) => s.onStale?.(copy)),
    onThrottleRemembered: (answer) => sets.forEach((s) => s.onThrottleRemembered?.(answer)),
  };
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

/** How a caller's report reaches Graph: its own fetch, and a wait bounded by its own operation. */
export interface ReportUpstream<Row> {
  /**
   * Asks Graph with the caller's token (the whole fetch, CSV download included); calls
   * `onGraphAnswered` when Graph has answered and only the download is left.
   */
  fetch(onGraphAnswered?: () => void): Promise<Row[]>;
  /**
   * Waits for work another caller started within this caller's deadline and disconnect; rejects
   * UPSTREAM_TIMEOUT or CLIENT_CLOSED_REQUEST when either comes first, leaving the work running.
   */
  waitFor(work: Promise<void>): Promise<void>;
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
  private readonly throttles: ReportThrottles;
  /** Tenant scope: the report call in flight that will refresh each tenant's copy, by tid. */
  private readonly refreshing = new Map<string, Promise<unknown>>();
  /** Each caller's own fetch in flight, by caller key: settles once its outcome is kept (copy, proof or throttle). */
  private readonly fetching = new Map<string, { graphAnswered: boolean; settled: Promise<void> }>();
  private readonly now: () => number;

  constructor(private readonly options: ReportCacheServiceOptions) {
    const { settings } = options;
    this.now = options.now ?? Date.now;
    this.cache = new ReportCache<Row>({ freshSeconds: settings.freshSeconds, staleSeconds: settings.staleSeconds, maxEntries: settings.maxEntries, maxBytes: settings.maxBytes, now: this.now });
    this.proofs = new ReportProofs(settings.maxEntries);
    this.throttles = new ReportThrottles(settings.maxEntries, this.now);
  }

  /** The report for the caller holding `token` (the bearer value, without "Bearer "); `upstream` asks Graph with that token. */
  async answer(token: string, upstream: ReportUpstream<Row>): Promise<ReportAnswer<Row>> {
    if (this.options.settings.scope === 'off') return this.fromUpstream(await upstream.fetch());
    const caller: CallerView = { key: callerCopyKey(token), claims: readTokenClaims(token) };
    const kept = this.withoutAsking(caller);
    if (kept) return kept;
    const refreshed = await this.afterTenantRefresh(caller, upstream);
    if (refreshed) return refreshed;
    const downloaded = await this.afterOwnDownload(caller, upstream);
    if (downloaded) return downloaded;
    this.options.events?.onMiss?.();
    const fetching = { graphAnswered: false, settled: Promise.resolve() };
    let settle!: () => void;
    fetching.settled = new Promise<void>((resolve) => (settle = resolve));
    this.fetching.set(caller.key, fetching);
    let rows: Row[];
    try {
      rows = await this.refreshingTenant(caller, upstream.fetch(() => void (fetching.graphAnswered = true)));
      this.keep(caller, rows, this.now());
    } catch (error: unknown) {
      return this.afterFailure(error, caller);
    } finally {
      if (this.fetching.get(caller.key) === fetching) this.fetching.delete(caller.key);
      settle();
    }
    return this.fromUpstream(rows);
  }

  /**
   * The same token's fetch is past Graph's answer (its 302) and downloading the CSV: wait for it
   * (within this caller's own deadline and disconnect) rather than spend another report call, then
   * answer from what it kept. Before the 302 the coalescing layer already joins identical GETs.
   */
  private async afterOwnDownload(caller: CallerView, upstream: ReportUpstream<Row>): Promise<ReportAnswer<Row> | undefined> {
    const fetching = this.fetching.get(caller.key);
    if (!fetching?.graphAnswered) return undefined;
    await upstream.waitFor(fetching.settled);
    return this.withoutAsking(caller);
  }

  /**
   * The answer that needs no upstream call: a fresh copy the caller may read, or, while Graph's
   * remembered Retry-After for it has not passed, a stale copy or THROTTLED (thrown). Undefined: ask Graph.
   */
  private withoutAsking(caller: CallerView): ReportAnswer<Row> | undefined {
    const own = this.cache.get(caller.key);
    if (own?.source === 'cache') return this.hit(own, 'own');
    const shared = this.shareableTenantCopy(caller);
    if (shared?.source === 'cache') return this.hit(shared, 'tenant');
    const retryAfterSeconds = this.rememberedRetryAfter(caller);
    if (retryAfterSeconds === undefined) return undefined;
    const copy = this.newest(own, shared);
    this.options.events?.onThrottleRemembered?.(copy ? 'stale' : 'throttled');
    if (copy) return this.stale(copy, retryAfterSeconds);
    throw gatewayError(ErrorCode.THROTTLED, `Graph throttled the activation counts report and asked to wait; it is not asked again for ${retryAfterSeconds} s (its Retry-After)`, { retryAfterSeconds });
  }

  /**
   * Seconds left of Graph's Retry-After for this caller's own report path or, in tenant scope, its
   * token's tenant. The tenant's applies to an unproven token of that tid too: it is told THROTTLED
   * (what Graph would answer) and learns nothing of the tenant's copy, and its call is not spent.
   */
  private rememberedRetryAfter(caller: CallerView): number | undefined {
    const own = this.throttles.remainingSeconds(caller.key);
    const tid = caller.claims?.tid;
    const tenant = this.options.settings.scope === 'tenant' && tid !== undefined ? this.throttles.remainingSeconds(tenantCopyKey(tid)) : undefined;
    if (own === undefined) return tenant;
    return tenant === undefined ? own : Math.max(own, tenant);
  }

  /**
   * A proven caller whose tenant's copy is being refreshed by another token's call waits for that
   * call instead of making its own, within its own deadline and disconnect (never cancelling the
   * refresh for the others), then answers as if it had just arrived: one refresh per tenant per
   * freshness period, not one per caller. At its deadline a stale copy it may read answers, else
   * UPSTREAM_TIMEOUT. Undefined: the refresh left nothing for it (it failed, or the rule says no).
   */
  private async afterTenantRefresh(caller: CallerView, upstream: ReportUpstream<Row>): Promise<ReportAnswer<Row> | undefined> {
    const tid = caller.claims?.tid;
    const inFlight = tid === undefined ? undefined : this.refreshing.get(tid);
    if (!inFlight || !this.isProvenFor(caller, tid!)) return undefined;
    try {
      await upstream.waitFor(inFlight.then(() => undefined, () => undefined));
    } catch (error: unknown) {
      const copy = isGatewayError(error, ErrorCode.UPSTREAM_TIMEOUT) ? this.newest(this.cache.get(caller.key), this.shareableTenantCopy(caller)) : undefined;
      if (!copy) throw error;
      return this.stale(copy);
    }
    return this.withoutAsking(caller);
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
    // Every write calls this: with nothing kept there is nothing to find, so no token hash and no JWT decode.
    if (this.cache.size === 0) return;
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
    this.throttles.forget(caller.key);
    if (this.options.settings.scope !== 'tenant') return;
    this.proofs.record(caller.key, fetchedAt);
    if (tid === undefined) return;
    this.cache.put(tenantCopyKey(tid), { rows, fetchedAt, tid });
    this.throttles.forget(tenantCopyKey(tid));
  }

  private afterFailure(error: unknown, caller: CallerView): ReportAnswer<Row> {
    if (isGatewayError(error, ErrorCode.UNAUTHENTICATED) || isGatewayError(error, ErrorCode.FORBIDDEN)) {
      // Graph no longer accepts this token: nothing it fetched or proved may answer it again.
      this.cache.delete(caller.key);
      this.proofs.forget(caller.key);
      throw error;
    }
    if (!isGatewayError(error, ErrorCode.THROTTLED)) throw error;
    const upstream = (error as GraphQLError).extensions.upstream as { retryAfterSeconds?: number } | undefined;
    const retryAfterSeconds = upstream?.retryAfterSeconds;
    if (retryAfterSeconds !== undefined) this.throttles.record(this.throttleKey(caller), retryAfterSeconds);
    const copy = this.newest(this.cache.get(caller.key), this.shareableTenantCopy(caller));
    if (!copy) throw error;
    return this.stale(copy, retryAfterSeconds);
  }

  /**
   * Whose report path a 429 is remembered for: the tenant's only when the token is proven for its
   * tid (its claims authentic, as Graph accepted it), so a forged JWT carrying a real tid cannot
   * hold a tenant's callers back from Graph; otherwise the caller's own.
   */
  private throttleKey(caller: CallerView): string {
    const tid = caller.claims?.tid;
    const tenantScope = this.options.settings.scope === 'tenant' && tid !== undefined;
    return tenantScope && this.isProvenFor(caller, tid) ? tenantCopyKey(tid) : caller.key;
  }

  private stale(kept: { copy: ReportCopy<Row>; which: 'own' | 'tenant' }, retryAfterSeconds?: number): ReportAnswer<Row> {
    const stale: ReportCopy<Row> = { ...kept.copy, source: 'stale' };
    this.options.events?.onStale?.(kept.which);
    this.options.logger?.warn({ ageSeconds: stale.ageSeconds, retryAfterSeconds: retryAfterSeconds ?? null, copy: kept.which }, 'Graph throttled the report: answered from a kept copy with a stale warning');
    return { rows: stale.rows, extension: cachedReportExtension(stale, retryAfterSeconds) };
  }

  private newest(own: ReportCopy<Row> | undefined, tenant: ReportCopy<Row> | undefined): { copy: ReportCopy<Row>; which: 'own' | 'tenant' } | undefined {
    if (own && (!tenant || own.fetchedAt >= tenant.fetchedAt)) return { copy: own, which: 'own' };
    return tenant ? { copy: tenant, which: 'tenant' } : undefined;
  }
}
