import type { EdmType } from '../src/activation-counts/activation-counts.properties';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A value Graph would refuse for a property; the message is what Graph's 400 says. */
export class EdmValueError extends Error {}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Edm.Int64 from a JSON body: an integer number (parsed as bigint) or, IEEE754Compatible-style, a digit string. */
function int64(value: unknown): bigint {
  let exact: bigint | undefined;
  if (typeof value === 'bigint') exact = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) exact = BigInt(value);
  else if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) exact = BigInt(value);
  if (exact === undefined) throw new EdmValueError(`Cannot convert ${shown(value)} to Edm.Int64.`);
  if (exact < INT64_MIN || exact > INT64_MAX) throw new EdmValueError(`The value ${shown(value)} is outside the range of Edm.Int64.`);
  return exact;
}

/** Edm.Date: YYYY-MM-DD naming a real day (the calendar would roll 2021-02-29 over to March). */
function date(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    const parsed = new Date(0);
    // setUTCFullYear, not Date.UTC: the latter reads years 0-99 as 1900-1999.
    parsed.setUTCFullYear(year, month - 1, day);
    if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) return value as string;
  }
  throw new EdmValueError(`Cannot convert ${shown(value)} to Edm.Date: expected YYYY-MM-DD.`);
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw new EdmValueError(`Cannot convert ${shown(value)} to Edm.String.`);
  return value;
}

/** The stored form of a non-null value of each Edm type; throws EdmValueError for a value Graph would refuse. */
export const EDM_VALUE: Record<EdmType, (value: unknown) => string | bigint> = {
  'Edm.String': string,
  'Edm.Date': date,
  'Edm.Int64': int64,
};
