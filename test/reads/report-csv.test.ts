import { GraphQLError } from 'graphql';
import { REPORT_COLUMNS } from '../../src/activation-counts/activation-counts.properties';
import { parseReportCsv } from '../../src/activation-counts/report/report-csv';
import { REPORT_CSV_HEADER as HEADER, reportCsvHeader, reportCsvLine, type ReportCells } from '../support/report-csv';

const line = (cells: ReportCells) => reportCsvLine(cells);

/** A valid row whose cells the field-error cases below spoil one at a time. */
const VALID: ReportCells = { reportRefreshDate: '2017-09-01', productType: 'x', windows: '1', mac: '2', android: '3', ios: '4', windows10Mobile: '5' };

/** Every column in reverse order, then one the table does not know, to show columns are found by name. */
const REVERSED = [...REPORT_COLUMNS].reverse();
const REVERSED_CELLS: ReportCells = { ...VALID, productType: 'p' };
const REVERSED_CSV = `${reportCsvHeader(REVERSED)},Extra\r\n${reportCsvLine(REVERSED_CELLS, REVERSED)},ignored\r\n`;

function upstreamError(text: string): GraphQLError {
  try {
    parseReportCsv(text);
  } catch (error: unknown) {
    return error as GraphQLError;
  }
  throw new Error('expected parseReportCsv to throw');
}

describe('parseReportCsv', () => {
  it.each([
    [`\uFEFF${HEADER}\r\n${line({ reportRefreshDate: '2017-09-01', productType: 'Office 365 ProPlus', windows: '9157', mac: '2457', android: '814', ios: '1201', windows10Mobile: '94' })}\r\n`, { productType: 'Office 365 ProPlus', windows: 9157n, windows10Mobile: 94n }], // BOM, CRLF
    [`${HEADER}\n${line({ ...VALID, productType: '"A ""quoted"", comma"' })}`, { productType: 'A "quoted", comma', windows: 1n }], // no BOM, LF, quoted field, no final newline
    [`${HEADER}\r\n${line({ ...VALID, productType: '"two\r\nlines"' })}\r\n`, { productType: 'two\r\nlines' }], // line break inside quotes
    [`${HEADER}\r\n${line({ reportRefreshDate: '2017-09-01' })}\r\n`, { productType: null, windows: null, mac: null, windows10Mobile: null }], // empty cells are null
    [`${HEADER}\r\n${line({ reportRefreshDate: '2017-09-01', productType: 'x', windows: '9223372036854775807', mac: '-9223372036854775808', android: '9007199254740993', ios: '0', windows10Mobile: '0' })}\r\n`, { windows: 9223372036854775807n, mac: -9223372036854775808n, android: 9007199254740993n }], // Int64 extremes exact
    [REVERSED_CSV, { windows: 1n, windows10Mobile: 5n, productType: 'p' }], // columns found by name
  ])('parses %j', (csv, expected) => {
    const [row] = parseReportCsv(csv);
    expect(row).toMatchObject(expected);
  });

  it('answers no rows for a header alone', () => {
    expect(parseReportCsv(`\uFEFF${HEADER}\r\n`)).toEqual([]);
  });

  it.each([
    ['', 'empty'], // no header row
    [HEADER.replace(',iOS', ''), 'no column "iOS"'], // a documented column missing
    [`${HEADER}\r\n${line({ ...VALID, productType: '"unterminated' })}`, 'could not be parsed'], // broken quoting
    [`${HEADER}\r\n2017-09-01,x,1`, 'could not be parsed'], // short row
  ])('refuses %j with UPSTREAM_ERROR', (csv, message) => {
    const error = upstreamError(csv);
    expect(error.extensions.code).toBe('UPSTREAM_ERROR');
    expect(error.message).toContain(message);
  });

  // A bad cell is an error on that field of that row only, as for entities: the row keeps its other values.
  it.each([
    [`${HEADER}\r\n${line({ ...VALID, windows: '1.5' })}`, 'windows', 'CSV line 2: windows: BigInt cannot represent "1.5"'], // not an integer (echoes line and column)
    [`${HEADER}\r\n${line({ ...VALID, windows: '99999999999999999999' })}`, 'windows', 'outside the Int64 range'], // beyond Int64
    [`${HEADER}\r\n${line({ ...VALID, reportRefreshDate: '2017-02-30' })}`, 'reportRefreshDate', 'reportRefreshDate'], // not a calendar date
    [`${HEADER}\r\n${line({ ...VALID, windows10Mobile: '9'.repeat(5000) })}`, 'windows10Mobile', `windows10Mobile: BigInt cannot represent "${'9'.repeat(40)}…"`], // a huge cell is echoed cut to 40 characters
  ])('keeps %j as an UPSTREAM_ERROR on that field', (csv, field, message) => {
    const [row] = parseReportCsv(csv) as unknown as Record<string, unknown>[];
    const error = row![field] as GraphQLError;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions.code).toBe('UPSTREAM_ERROR');
    expect(error.message).toContain(message);
    expect(error.message.length).toBeLessThan(300);
    expect(row!.productType).toBe('x');
  });
});
