import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * JSON.parse is exact when every number in the text is an integer of at most 15 digits
 * (all below 2^53). A run of 16 digits, or a digit followed by '.', 'e' or 'E', may be a number
 * JSON.parse would round, so such texts take the lossless parser. Strings may trigger the slow path
 * too (an id of 16 digits, "v1.0" in a next link): that only costs time, never exactness.
 */
const MAY_HOLD_INEXACT_NUMBER = /\d{16}|\d[.eE]/;

function parseNumberExactly(text: string): bigint | LosslessNumber {
  // Plain integer text becomes a bigint; any other number form stays as text for the Int64 validator.
  return /^-?\d+$/.test(text) ? BigInt(text) : new LosslessNumber(text);
}

export class UpstreamJsonError extends Error {}

/** Parses an upstream body without losing a digit of any Int64. */
export function parseUpstreamJson(text: string): unknown {
  try {
    if (!MAY_HOLD_INEXACT_NUMBER.test(text)) return JSON.parse(text);
    return parse(text, null, parseNumberExactly);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UpstreamJsonError(`upstream answered a body that is not valid JSON (${reason})`, { cause: error });
  }
}

/** Serializes a request body; bigint values are written as exact JSON number digits. */
export function stringifyUpstreamJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('cannot serialize an undefined request body');
  return text;
}
