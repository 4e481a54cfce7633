import { Kind } from 'graphql';
import { DateScalar } from '../../src/scalars/date.scalar';

describe('Date scalar', () => {
  it.each([
    '2017-09-01', // the sample report's date
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400: leap
    '0001-01-01', // smallest four-digit year
    '9999-12-31', // largest four-digit year
  ])('accepts %p as input, literal and output', (value) => {
    expect(DateScalar.parseValue(value)).toBe(value);
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value })).toBe(value);
    expect(DateScalar.serialize(value)).toBe(value);
  });

  it.each<[unknown, RegExp]>([
    ['2021-02-29', /2021-02 has no day 29/], // not a leap year
    ['1900-02-29', /1900-02 has no day 29/], // divisible by 100, not by 400
    ['2021-04-31', /has no day 31/], // April has 30 days
    ['2021-13-01', /month must be 01 to 12/],
    ['2021-00-10', /month must be 01 to 12/],
    ['2021-01-00', /has no day 00/],
    ['2021-1-01', /expected the form YYYY-MM-DD/], // unpadded month
    ['2021-01-01T00:00:00Z', /expected the form YYYY-MM-DD/], // a timestamp is not a date
    [' 2021-01-01', /expected the form YYYY-MM-DD/],
    ['', /expected the form YYYY-MM-DD/],
    [20210101, /expected a string in the form YYYY-MM-DD/],
    [null, /expected a string/],
  ])('refuses %p', (value, message) => {
    expect(() => DateScalar.parseValue(value)).toThrow(message);
    expect(() => DateScalar.serialize(value)).toThrow(message);
  });

  it('refuses a non-string literal, naming its kind', () => {
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20210101' })).toThrow(/IntValue literal: expected a String/);
  });
});
