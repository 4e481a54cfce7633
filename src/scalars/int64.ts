import { isLosslessNumber } from 'lossless-json';
import { ScalarValueError } from './scalar-error';

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** Thrown for any value that is not an exact Int64; the message names the value and what was expected. */
export class Int64Error extends ScalarValueError {}

// Canonical decimal digits, optional minus: no '+', whitespace, exponent, hex or fraction.
const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;
// The longest text an in-range Int64 can have ("-9223372036854775808"); checked before BigInt()
// so a megabyte of digits is refused cheaply.
const MAX_INT64_TEXT_LENGTH = 20;

const MAX_ECHOED_LENGTH = 40;

function truncated(text: string): string {
  return text.length > MAX_ECHOED_LENGTH ? `${text.slice(0, MAX_ECHOED_LENGTH)}…` : text;
}

// Every form is cut to 40 characters: an upstream number of a megabyte of digits arrives as a bigint.
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(truncated(value));
  if (typeof value === 'bigint') return truncated(value.toString());
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return truncated(String(value));
}

function inRange(value: bigint, original: unknown): bigint {
  if (value < INT64_MIN || value > INT64_MAX) {
    throw new Int64Error(
      `BigInt cannot represent ${describe(original)}: outside the Int64 range [${INT64_MIN}, ${INT64_MAX}]`,
    );
  }
  return value;
}

function fromDigits(text: string, original: unknown): bigint {
  if (!DECIMAL_INTEGER.test(text)) {
    throw new Int64Error(
      `BigInt cannot represent ${describe(original)}: expected decimal digits with an optional leading '-' (no '+', spaces, exponent, fraction or hex)`,
    );
  }
  if (text.length > MAX_INT64_TEXT_LENGTH) return inRange(INT64_MAX + 1n, original);
  return inRange(BigInt(text), original);
}

/**
 * Exact value of a JSON number's text (e.g. "1e3", "9.007199254740993e15") when it is an integer,
 * else null. Upstream numbers in exponent or fraction form are rare but must never be rounded.
 */
export function exactIntegerFromNumberText(text: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const shift = exponent - fraction.length;
  let magnitude: bigint;
  if (shift >= 0) {
    magnitude = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    const kept = digits.length + shift;
    const dropped = kept > 0 ? digits.slice(kept) : digits;
    if (/[1-9]/.test(dropped)) return null;
    magnitude = kept > 0 ? BigInt(digits.slice(0, kept)) : 0n;
  }
  return sign === '-' ? -magnitude : magnitude;
}

/**
 * The one validator behind every Int64 conversion: scalar serialize/parseValue/parseLiteral and the
 * upstream mapper. Accepts a bigint, a safe-integer number, a string of decimal digits, or a
 * lossless-json number; anything else throws an Int64Error naming the value.
 */
export function toInt64(value: unknown): bigint {
  if (typeof value === 'bigint') return inRange(value, value);
  if (typeof value === 'string') return fromDigits(value, value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new Int64Error(`BigInt cannot represent non-integer value: ${describe(value)}`);
    }
    if (!Number.isSafeInteger(value)) {
      // A JSON number this large has already been rounded by JSON.parse before we see it.
      throw new Int64Error(
        `BigInt cannot represent ${describe(value)} exactly: JSON numbers beyond ±${Number.MAX_SAFE_INTEGER} lose digits; send the value as a string of decimal digits, e.g. "9223372036854775807"`,
      );
    }
    return BigInt(value);
  }
  if (isLosslessNumber(value)) {
    const exact = exactIntegerFromNumberText(value.value);
    if (exact === null) throw new Int64Error(`BigInt cannot represent non-integer value: ${truncated(value.value)}`);
    return inRange(exact, value.value);
  }
  throw new Int64Error(`BigInt cannot represent ${describe(value)}: expected an integer or a string of decimal digits`);
}

/**
 * An Int64 as the model holds it. A safe integer (|n| ≤ 2^53 - 1) is exact as a number, so a value
 * JSON.parse gave is kept as it is (msgraph/json.ts sends any body with a number JSON.parse might
 * round to the lossless parser, which answers bigints): a BigInt made per value, five per entity,
 * only to be turned into text again was ~3 % of the bytes of a 100-id read. Anything else is
 * toInt64's exact bigint, or its error.
 */
export function toInt64Value(value: unknown): bigint | number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : toInt64(value);
}
