/** What the gateway's report cache adds to a response (`extensions.office365ActivationCountsReport`). */
export interface ReportFreshness {
  source: 'upstream' | 'cache' | 'stale';
  ageSeconds: number;
  fetchedAt: string;
  retryAfterSeconds?: number;
}

export interface FreshnessNotice {
  text: string;
  /** True when the gateway served an old copy because the upstream could not answer. */
  warning: boolean;
}

function readFreshness(extensions: Record<string, unknown> | undefined): ReportFreshness | undefined {
  const value = extensions?.office365ActivationCountsReport as Partial<ReportFreshness> | undefined;
  if (!value || typeof value.ageSeconds !== 'number' || typeof value.fetchedAt !== 'string') return undefined;
  if (value.source !== 'upstream' && value.source !== 'cache' && value.source !== 'stale') return undefined;
  return value as ReportFreshness;
}

export function formatAge(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s old`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min old`;
  return `${Math.round(seconds / 3600)} h old`;
}

/** "as of <fetchedAt> (<age>)" when the report came from the gateway's cache; nothing when fresh from the upstream. */
export function describeFreshness(extensions: Record<string, unknown> | undefined): FreshnessNotice | undefined {
  const freshness = readFreshness(extensions);
  if (!freshness || freshness.source === 'upstream') return undefined;
  const asOf = `as of ${freshness.fetchedAt} (${formatAge(freshness.ageSeconds)})`;
  if (freshness.source === 'cache') return { text: asOf, warning: false };
  const retry = freshness.retryAfterSeconds !== undefined ? `; the gateway retries in ${freshness.retryAfterSeconds} s` : '';
  return { text: `Stale: Microsoft Graph could not be asked for a fresh report, showing the copy ${asOf}${retry}.`, warning: true };
}
