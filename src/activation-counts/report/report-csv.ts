import { parse } from 'csv-parse/sync';
import { ErrorCode, gatewayError } from '../../errors';
import { truncatedText, upstreamExcerpt } from '../../msgraph/upstream-excerpt';
import { REPORT_COLUMNS, type ReportProperty } from '../activation-counts.properties';
import { reportRowFrom } from './report-row.mapper';
import type { Office365ActivationCountsReportRow } from './report-row.type';

/**
 * Parses the report's CSV download: optional UTF-8 BOM, a header row naming the documented
 * columns (REPORT_COLUMNS) (found by name, so order and extra columns do not matter), RFC 4180 quoting.
 */
export function parseReportCsv(text: string): Office365ActivationCountsReportRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
  } catch (error: unknown) {
    throw gatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream report CSV could not be parsed (${truncatedText((error as Error).message, 200)})`);
  }
  const [header, ...rows] = records;
  if (!header) throw gatewayError(ErrorCode.UPSTREAM_ERROR, 'Upstream report CSV is empty: expected a header row');
  const names = header.map((name) => name.trim());
  const indexOf = new Map<ReportProperty, number>();
  for (const { name: property, reportColumn: expected } of REPORT_COLUMNS) {
    const index = names.indexOf(expected);
    if (index < 0) {
      throw gatewayError(
        ErrorCode.UPSTREAM_ERROR,
        // Only a short, sanitised excerpt of the first line: a redirect target may be any document.
        `Upstream report CSV has no column "${expected}"; expected columns ${REPORT_COLUMNS.map((c) => `"${c.reportColumn}"`).join(', ')}, got a header row of ${names.length} fields starting ${upstreamExcerpt(names.join(','), 80)}`,
      );
    }
    indexOf.set(property, index);
  }
  return rows.map((record, i) => {
    const raw: Partial<Record<ReportProperty, string>> = {};
    for (const [property, index] of indexOf) raw[property] = record[index];
    // Line numbers count the header as line 1, as a spreadsheet would show them.
    return reportRowFrom(raw, `CSV line ${i + 2}`);
  });
}
