import type { DashboardReportQuery } from './generated/graphql';

export type ReportRow = DashboardReportQuery['office365ActivationCountsReport'][number];

/** The Int64 count fields of a row or entity, in the order the chart, table and editor show them. */
export const PLATFORMS = [
  { field: 'windows', label: 'Windows', color: '#2563eb' },
  { field: 'mac', label: 'Mac', color: '#9333ea' },
  { field: 'android', label: 'Android', color: '#16a34a' },
  { field: 'ios', label: 'iOS', color: '#ea580c' },
  { field: 'windows10Mobile', label: 'Windows 10 Mobile', color: '#0891b2' },
] as const;

export type PlatformField = (typeof PLATFORMS)[number]['field'];
