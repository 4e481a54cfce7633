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

/** The most digits an Int64 has (9223372036854775807); every number of this resource is one. */
export const MAX_DIGIT_RUN = 19;
const DIGIT_RUN_TOO_LONG = new RegExp(`\\d{${MAX_DIGIT_RUN + 1}}`);

export class UpstreamJsonError extends Error {}

function parseNumberExactly(text: string): bigint | LosslessNumber {
  // BigInt() is quadratic in the digits (12 million of them blocked the event loop for 12 s):
  // a run longer than any Int64 is refused first, in time linear in the text.
  if (DIGIT_RUN_TOO_LONG.test(text)) {
    throw new UpstreamJsonError(`upstream answered the number ${upstreamExcerpt(text)}, with a run of more than ${MAX_DIGIT_RUN} digits: no Int64 is that long`);
  }
  // Plain integer text becomes a bigint; any other number form stays as text for the Int64 validator.
  return /^-?\d+$/.test(text) ? BigInt(text) : new LosslessNumber(text);
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
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (holdsExactNumber(item)) return true;
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
