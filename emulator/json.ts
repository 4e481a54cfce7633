import { isInteger, parse, stringify } from 'lossless-json';

/**
 * The emulator's own lossless JSON, independent of the gateway's (src/msgraph or src/graph json):
 * end-to-end tests then compare two implementations, and a bug in one shows up against the other.
 * Integer numbers become bigints (Graph's Int64 arrive as plain JSON numbers); others stay numbers.
 */
export function parseJson(text: string): unknown {
  return parse(text, null, (digits) => (isInteger(digits) ? BigInt(digits) : Number(digits)));
}

/** Writes bigints as exact JSON number digits, as Graph does with IEEE754Compatible=false. */
export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('cannot serialize an undefined body');
  return text;
}
