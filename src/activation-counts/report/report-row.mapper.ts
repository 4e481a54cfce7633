import { REPORT_COLUMNS, type ReportProperty } from '../activation-counts.properties';
import { upstreamValue } from '../upstream-value';
import { Office365ActivationCountsReportRow } from './report-row.type';

/**
 * Builds one row from the JSON shape (values as parsed losslessly) or the CSV shape (strings, ''
 * for an empty cell). Each property is converted on its own, and a value it cannot hold becomes an
 * error on that field only (see upstreamValue), exactly as in entities; `where` names the row.
 */
export function reportRowFrom(raw: Partial<Record<ReportProperty, unknown>>, where: string): Office365ActivationCountsReportRow {
  const row = new Office365ActivationCountsReportRow();
  const target = row as unknown as Record<string, unknown>;
  for (const { name, edmType } of REPORT_COLUMNS) {
    const value = raw[name];
    target[name] = value === undefined || value === null || value === '' ? null : upstreamValue(edmType, value, `report ${where}`, name);
  }
  return row;
}
