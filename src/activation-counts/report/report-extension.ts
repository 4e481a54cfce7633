import type { ReportCopy } from './report-cache';

/** Where `extensions` carries how old the report answer is, so a frontend can show "as of". */
export const REPORT_EXTENSION_KEY = 'office365ActivationCountsReport';

export interface ReportAnswerExtension {
  /** `upstream`: Graph answered now; `cache`: a fresh copy; `stale`: an older copy because Graph throttled. */
  source: 'upstream' | 'cache' | 'stale';
  ageSeconds: number;
  /** ISO 8601 time Graph answered the rows. */
  fetchedAt: string;
  /** Graph's Retry-After, with a stale answer. */
  retryAfterSeconds?: number;
}

export function upstreamReportExtension(fetchedAt: number): ReportAnswerExtension {
  return { source: 'upstream', ageSeconds: 0, fetchedAt: new Date(fetchedAt).toISOString() };
}

export function cachedReportExtension(copy: ReportCopy<object>, retryAfterSeconds?: number): ReportAnswerExtension {
  const extension: ReportAnswerExtension = { source: copy.source, ageSeconds: copy.ageSeconds, fetchedAt: new Date(copy.fetchedAt).toISOString() };
  if (retryAfterSeconds !== undefined) extension.retryAfterSeconds = retryAfterSeconds;
  return extension;
}
