import type { ReportQuota } from './report-quota';

/** One line for the start banner, so whoever starts the emulator knows it throttles reports as Graph does. */
export function describeReportQuota(quota: ReportQuota | undefined): string {
  if (!quota) return 'Report quota: off';
  const { csvPerApp, csvPerTenant, jsonPerApp, windowSeconds } = quota.limits;
  return `Report quota per ${windowSeconds} s: CSV ${csvPerApp} per app per tenant and ${csvPerTenant} per tenant, JSON ${jsonPerApp} per app per tenant (tenant/app from the token's tid and appid/azp claims)`;
}
