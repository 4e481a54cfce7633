import { GraphQLScalarType, Kind } from 'graphql';
import { convertOrGraphQLError as wrap, ScalarValueError } from './scalar-error';

class DateError extends ScalarValueError {}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function describe(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'a list' : 'an object') : String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return typeof value === 'string' ? JSON.stringify(short) : short;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The one validator for Edm.Date: a YYYY-MM-DD string naming a real calendar date. */
export function toEdmDate(value: unknown): string {
  if (typeof value !== 'string') {
    throw new DateError(`Date cannot represent ${describe(value)}: expected a string in the form YYYY-MM-DD`);
  }
  const match = DATE_SHAPE.exec(value);
  if (!match) throw new DateError(`Date cannot represent ${describe(value)}: expected the form YYYY-MM-DD`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) throw new DateError(`Date cannot represent ${describe(value)}: month must be 01 to 12`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DateError(`Date cannot represent ${describe(value)}: ${year}-${match[2]} has no day ${match[3]}`);
  }
  return value;
}

/** Edm.Date: a calendar date without time zone, always YYYY-MM-DD. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Edm.Date: a calendar date without a time zone, as YYYY-MM-DD (a real date: 2021-02-29 is refused).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => wrap(() => toEdmDate(value)),
  parseValue: (value) => wrap(() => toEdmDate(value)),
  parseLiteral: (ast) =>
    wrap(() => {
      if (ast.kind !== Kind.STRING) throw new DateError(`Date cannot represent a ${ast.kind} literal: expected a String "YYYY-MM-DD"`);
      return toEdmDate(ast.value);
    }, ast),
});
