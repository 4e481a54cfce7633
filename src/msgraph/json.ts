import { LosslessNumber, parse, stringify } from 'lossless-json';
import { truncatedText, upstreamExcerpt } from './upstream-excerpt';

/**
 * JSON.parse is exact when every number in the text is an integer of at most 15 digits
 * (all below 2^53). A number JSON.parse might round has 16 digits or more, a fraction or an
 * exponent; outside strings, every JSON number starts the text or follows ':', ',' or '['
 * (whitespace aside), so only texts holding such a number there take the lossless parser.
 * Anchoring on that position matters: $batch answers carry GUIDs ("c8e2019a-...") in every item's
 * request-id header, and "8e" made every $batch answer take the lossless path (profiled: 8 % of
 * the CPU of a 100-id read). A string may still look like a number after ':' ("time": "at:1.5"):
 * that only costs time, never exactness.
 */
const MAY_HOLD_INEXACT_NUMBER = /(?:^|[:,[])\s*-?(?:\d{16}|\d+[.eE])/;

/** The most digits an Int64 has (9223372036854775807). */
export const MAX_INT64_DIGITS = 19;
/**
 * Longest number text accepted at all: an Int64 needs 20 characters, a double at most 24
 * ("-1.2345678901234567e-308"). Anything longer is no value of this resource.
 */
export const MAX_NUMBER_TEXT_LENGTH = 40;

export class UpstreamJsonError extends Error {}

function parseNumberExactly(text: string): bigint | LosslessNumber {
  // BigInt() is quadratic in the digits (12 million of them blocked the event loop for 12 s): the
  // length is checked first, in time linear in the text, and only Int64-sized digit runs reach BigInt.
  if (text.length > MAX_NUMBER_TEXT_LENGTH) {
    throw new UpstreamJsonError(`upstream answered the number ${upstreamExcerpt(text)}, longer than ${MAX_NUMBER_TEXT_LENGTH} characters: no Int64 has more than ${MAX_INT64_DIGITS} digits`);
  }
  const digits = text.startsWith('-') ? text.length - 1 : text.length;
  // Plain integer text of Int64 size becomes a bigint; a longer run or any other number form stays
  // as text, so the Int64 validator refuses it for its own field ("outside the Int64 range").
  return digits <= MAX_INT64_DIGITS && /^-?\d+$/.test(text) ? BigInt(text) : new LosslessNumber(text);
}

/** Parses an upstream body without losing a digit of any Int64. */
export function parseUpstreamJson(text: string): unknown {
  try {
    if (!MAY_HOLD_INEXACT_NUMBER.test(text)) return JSON.parse(text);
    return parse(text, null, parseNumberExactly);
  } catch (error: unknown) {
    if (error instanceof UpstreamJsonError) throw error;
    // lossless-json's messages quote what it found; cut them so a hostile body is never echoed whole.
    const reason = truncatedText(error instanceof Error ? error.message : String(error), 200);
    throw new UpstreamJsonError(`upstream answered a body that is not valid JSON (${reason})`, { cause: error });
  }
}

/** True when the value holds a bigint or a LosslessNumber anywhere: only those need lossless-json to stay exact. */
function holdsExactNumber(value: unknown): boolean {
  if (typeof value === 'bigint' || value instanceof LosslessNumber) return true;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsExactNumber(item)) return true;
    return false;
  }
  // for...in rather than Object.values: a $batch envelope is walked per call, without an array per object.
  const object = value as Record<string, unknown>;
  for (const key in object) if (holdsExactNumber(object[key])) return true;
  return false;
}

/**
 * Serializes a request body; bigint values are written as exact JSON number digits. Bodies without
 * one ($batch envelopes: strings only) take JSON.stringify, which writes the same text several times
 * faster (profiled: lossless-json's stringify was 6 % of a 100-id read).
 */
export function stringifyUpstreamJson(value: unknown): string {
  const text = holdsExactNumber(value) ? stringify(value) : JSON.stringify(value);
  if (text === undefined) throw new TypeError('cannot serialize an undefined request body');
  return text;
}
