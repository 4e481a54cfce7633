import { REPORT_COLUMNS, type ReportProperty } from '../../src/activation-counts/activation-counts.properties';

/** Raw CSV cell texts of one report row by property, written as they appear in the file (quotes included). */
export type ReportCells = Partial<Record<ReportProperty, string>>;

type Columns = readonly (typeof REPORT_COLUMNS)[number][];

/** A header row naming `columns`; by default every report column of the entity table, in order. */
export function reportCsvHeader(columns: Columns = REPORT_COLUMNS): string {
  return columns.map((c) => c.reportColumn).join(',');
}

/** The report's documented header row. */
export const REPORT_CSV_HEADER = reportCsvHeader();

/**
 * One CSV line with a cell per column; a property not given is an empty cell, so a column added
 * to the table is added here without touching the tests.
 */
export function reportCsvLine(cells: ReportCells, columns: Columns = REPORT_COLUMNS): string {
  return columns.map((c) => cells[c.name] ?? '').join(',');
}

/** A report CSV as Graph writes it: the header, then one CRLF-terminated line per row. */
export function reportCsv(rows: readonly ReportCells[], columns: Columns = REPORT_COLUMNS): string {
  return [reportCsvHeader(columns), ...rows.map((cells) => reportCsvLine(cells, columns))].map((line) => `${line}\r\n`).join('');
}

/** The report row the gateway answers for `values`: every report property, null where not given. */
export function reportRow(values: Partial<Record<ReportProperty, string | null>>): Record<ReportProperty, string | null> {
  return Object.fromEntries(REPORT_COLUMNS.map((c) => [c.name, values[c.name] ?? null])) as Record<ReportProperty, string | null>;
}
