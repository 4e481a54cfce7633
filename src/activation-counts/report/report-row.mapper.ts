import { ErrorCode, gatewayError } from '../../errors';
import { toEdmDate } from '../../scalars/date.scalar';
import { toInt64 } from '../../scalars/int64';
import { INT64_PROPERTIES } from '../activation-counts.properties';
import { Office365ActivationCountsReportRow } from './report-row.type';

export type ReportProperty = keyof Office365ActivationCountsReportRow;

/** The report's properties in CSV column order, with the CSV's documented header names. */
export const REPORT_COLUMNS: readonly { property: ReportProperty; header: string }[] = [
  { property: 'reportRefreshDate', header: 'Report Refresh Date' },
  { property: 'productType', header: 'Product Type' },
  { property: 'windows', header: 'Windows' },
  { property: 'mac', header: 'Mac' },
  { property: 'android', header: 'Android' },
  { property: 'ios', header: 'iOS' },
  { property: 'windows10Mobile', header: 'Windows 10 Mobile' },
];

function reportError(where: string, message: string): Error {
  return gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream report ${where}: ${message}`);
}

/**
 * Validates one row, from the JSON shape (values as parsed losslessly) or the CSV shape (strings,
 * '' for an empty cell). Int64 values stay exact bigints; `where` names the row in errors.
 */
export function reportRowFrom(raw: Partial<Record<ReportProperty, unknown>>, where: string): Office365ActivationCountsReportRow {
  const row = new Office365ActivationCountsReportRow();
  const blank = (value: unknown): boolean => value === undefined || value === null || value === '';
  try {
    row.reportRefreshDate = blank(raw.reportRefreshDate) ? null : toEdmDate(raw.reportRefreshDate);
  } catch (error: unknown) {
    throw reportError(where, `reportRefreshDate: ${(error as Error).message}`);
  }
  if (!blank(raw.productType) && typeof raw.productType !== 'string') throw reportError(where, 'productType is not a string');
  row.productType = blank(raw.productType) ? null : (raw.productType as string);
  for (const property of INT64_PROPERTIES) {
    const value = raw[property];
    try {
      row[property] = blank(value) ? null : toInt64(value);
    } catch (error: unknown) {
      throw reportError(where, `${property}: ${(error as Error).message}`);
    }
  }
  return row;
}
