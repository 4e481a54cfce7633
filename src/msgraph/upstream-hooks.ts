/**
 * Observations the upstream client reports (metrics, logs); every member is optional. Paths are
 * below the version root with query values dropped (`/x/abc?$select`), so no consumer can log
 * a `$skiptoken` or a download signature. No event carries a header value beyond the two ids.
 */
export interface UpstreamAttemptEvent {
  method: string;
  path: string;
  /** 1 for the first try of a call. */
  attempt: number;
  durationMs: number;
  /** The `client-request-id` this attempt sent. */
  clientRequestId: string | undefined;
}

export interface UpstreamResponseEvent extends UpstreamAttemptEvent {
  status: number;
  /** Graph's `request-id` answer header, for Microsoft support. */
  requestId: string | undefined;
  /** Bytes of body received; undefined when the body was refused (too large, not JSON). */
  responseBytes: number | undefined;
}

export interface UpstreamNetworkErrorEvent extends UpstreamAttemptEvent {
  reason: string;
}

export interface UpstreamRetryEvent {
  method: string;
  path: string;
  /** The status (or "network") that caused the retry. */
  status: number | 'network';
  /** The attempt that failed, 1-based. */
  attempt: number;
  delayMs: number;
}

export interface UpstreamHooks {
  onResponse?(event: UpstreamResponseEvent): void;
  onNetworkError?(event: UpstreamNetworkErrorEvent): void;
  /** Once per request retried: a plain call, or one $batch item. */
  onRetry?(event: UpstreamRetryEvent): void;
  onBatch?(event: { size: number }): void;
  /** A GET joined an identical one of the same caller already in flight (coalescing-layer.ts): no upstream request. */
  onCoalesced?(event: { method: string; path: string }): void;
}

/** Calls every given hook set, in order; combine once at start, not per request. */
export function combineHooks(...sets: (UpstreamHooks | undefined)[]): UpstreamHooks {
  const present = sets.filter((s): s is UpstreamHooks => s !== undefined);
  return {
    onResponse: (e) => present.forEach((s) => s.onResponse?.(e)),
    onNetworkError: (e) => present.forEach((s) => s.onNetworkError?.(e)),
    onRetry: (e) => present.forEach((s) => s.onRetry?.(e)),
    onBatch: (e) => present.forEach((s) => s.onBatch?.(e)),
    onCoalesced: (e) => present.forEach((s) => s.onCoalesced?.(e)),
  };
}

/** `path` with every query value dropped, names kept: `/a/b?$select=id&$top=5` → `/a/b?$select&$top`. */
export function pathWithoutQueryValues(path: string): string {
  const at = path.indexOf('?');
  if (at < 0) return path;
  const names = path.slice(at + 1).split('&').filter(Boolean).map((pair) => pair.split('=', 1)[0]);
  return names.length > 0 ? `${path.slice(0, at)}?${names.join('&')}` : path.slice(0, at);
}
