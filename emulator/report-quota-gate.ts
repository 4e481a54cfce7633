import type { EmulatorRequest, EmulatorResponse } from './emulator.types';
import { graphError } from './graph-error';
import type { ReportFormat, ReportQuota } from './report-quota';
import { quotaCallerOf } from './token-claims';

/** Answers a report request the quota refuses, or undefined to let it through. */
export type ReportAdmission = (format: ReportFormat) => EmulatorResponse | undefined;

/**
 * The quota check for one report request (plain or a $batch item, which carries its batch's
 * token): the caller comes from the token's claims; over the limit, Graph's 429 with Retry-After.
 */
export function reportAdmission(quota: ReportQuota | undefined, request: EmulatorRequest): ReportAdmission {
  return (format) => {
    if (!quota) return undefined;
    const decision = quota.take(format, quotaCallerOf(request.headers.authorization));
    if (decision.admitted) return undefined;
    const api = format === 'csv' ? 'CSV report' : 'JSON report';
    return graphError(
      429,
      'TooManyRequests',
      `Too many requests: the ${api} allows ${decision.limit} requests per ${quota.limits.windowSeconds} seconds ${decision.scope}. Please retry after ${decision.retryAfterSeconds} seconds.`,
      { 'retry-after': String(decision.retryAfterSeconds) },
    );
  };
}
