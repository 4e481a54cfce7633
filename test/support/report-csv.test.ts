import { REPORT_COLUMNS } from '../../src/activation-counts/activation-counts.properties';
import { parseReportCsv } from '../../src/activation-counts/report/report-csv';
import { REPORT_CSV_HEADER, reportCsv, reportCsvLine, reportRow } from './report-csv';

describe('the report CSV builder for tests', () => {
  it('writes a header naming every report column of the table, in order', () => {
    expect(REPORT_CSV_HEADER.split(',')).toEqual(REPORT_COLUMNS.map((c) => c.reportColumn));
  });

  it('writes a cell per column, empty where no text is given, and raw text as given', () => {
    const cells = reportCsvLine({ productType: '"a, b"', windows: '7' }).split(',');
    expect(cells).toHaveLength(REPORT_COLUMNS.length + 1); // the quoted comma
    expect(reportCsvLine({})).toBe(','.repeat(REPORT_COLUMNS.length - 1));
  });

  it('builds a CSV the gateway parses into the rows it describes', () => {
    const csv = reportCsv([{ reportRefreshDate: '2026-11-01', productType: 'p', windows: '1' }, { mac: '2' }]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseReportCsv(csv)).toEqual([
      { ...reportRow({ reportRefreshDate: '2026-11-01', productType: 'p' }), windows: 1n },
      { ...reportRow({}), mac: 2n },
    ]);
  });
});
