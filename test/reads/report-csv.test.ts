import { GraphQLError } from 'graphql';
import { parseReportCsv } from '../../src/activation-counts/report/report-csv';

const HEADER = 'Report Refresh Date,Product Type,Windows,Mac,Android,iOS,Windows 10 Mobile';

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
    [`\uFEFF${HEADER}\r\n2017-09-01,Office 365 ProPlus,9157,2457,814,1201,94\r\n`, { productType: 'Office 365 ProPlus', windows: 9157n, windows10Mobile: 94n }], // BOM, CRLF
    [`${HEADER}\n2017-09-01,"A ""quoted"", comma",1,2,3,4,5`, { productType: 'A "quoted", comma', windows: 1n }], // no BOM, LF, quoted field, no final newline
    [`${HEADER}\r\n2017-09-01,"two\r\nlines",1,2,3,4,5\r\n`, { productType: 'two\r\nlines' }], // line break inside quotes
    [`${HEADER}\r\n2017-09-01,,,,,,\r\n`, { productType: null, windows: null, mac: null, windows10Mobile: null }], // empty cells are null
    [`${HEADER}\r\n2017-09-01,x,9223372036854775807,-9223372036854775808,9007199254740993,0,0\r\n`, { windows: 9223372036854775807n, mac: -9223372036854775808n, android: 9007199254740993n }], // Int64 extremes exact
    [`Windows 10 Mobile,iOS,Android,Mac,Windows,Product Type,Report Refresh Date,Extra\r\n5,4,3,2,1,p,2017-09-01,ignored\r\n`, { windows: 1n, windows10Mobile: 5n, productType: 'p' }], // columns found by name
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
    [`${HEADER}\r\n2017-09-01,"unterminated,1,2,3,4,5`, 'could not be parsed'], // broken quoting
    [`${HEADER}\r\n2017-09-01,x,1`, 'could not be parsed'], // short row
  ])('refuses %j with UPSTREAM_ERROR', (csv, message) => {
    const error = upstreamError(csv);
    expect(error.extensions.code).toBe('UPSTREAM_ERROR');
    expect(error.message).toContain(message);
  });

  // A bad cell is an error on that field of that row only, as for entities: the row keeps its other values.
  it.each([
    [`${HEADER}\r\n2017-09-01,x,1.5,2,3,4,5`, 'windows', 'CSV line 2: windows: BigInt cannot represent "1.5"'], // not an integer (echoes line and column)
    [`${HEADER}\r\n2017-09-01,x,99999999999999999999,2,3,4,5`, 'windows', 'outside the Int64 range'], // beyond Int64
    [`${HEADER}\r\n2017-02-30,x,1,2,3,4,5`, 'reportRefreshDate', 'reportRefreshDate'], // not a calendar date
    [`${HEADER}\r\n2017-09-01,x,1,2,3,4,${'9'.repeat(5000)}`, 'windows10Mobile', `windows10Mobile: BigInt cannot represent "${'9'.repeat(40)}…"`], // a huge cell is echoed cut to 40 characters
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
