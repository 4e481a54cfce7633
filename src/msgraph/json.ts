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

/** A valid JSON number token, nothing else: a token that is not one is left for lossless-json to report. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;

function isNumberChar(code: number): boolean {
  // Digits, '.', 'e', 'E', '+', '-': what a number token can be made of, valid or not.
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === MINUS;
}

/** Where the string opening at `open` (a quote) ends, after its closing quote; -1 when it never closes. */
function afterString(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    // An even run of backslashes escapes itself, not the quote.
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/**
 * The text with every number JSON.parse might round (16 digits or more, a fraction, an exponent)
 * written as a string marked by a leading U+0000, which no upstream string can start with here
 * (texts holding the escape \u0000 are not rewritten). Undefined when the text cannot be rewritten
 * safely (an unterminated string, a token that is no valid number, a marker-like escape): the
 * lossless parser then reads it, and reports what is wrong. One pass, linear in the text.
 */
function withInexactNumbersMarked(text: string): string | undefined {
  if (text.includes('\\u0000')) return undefined;
  let marked = '';
  let copiedUpTo = 0;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = afterString(text, at);
      if (at < 0) return undefined;
      continue;
    }
    if (code !== MINUS && (code < 0x30 || code > 0x39)) {
      at++;
      continue;
    }
    let end = at + 1;
    let plainDigits = true;
    while (end < text.length && isNumberChar(text.charCodeAt(end))) {
      const next = text.charCodeAt(end);
      if (next < 0x30 || next > 0x39) plainDigits = false;
      end++;
    }
    const digits = code === MINUS ? end - at - 1 : end - at;
    if (!plainDigits || digits >= 16) {
      const token = text.slice(at, end);
      if (token.length > MAX_NUMBER_TEXT_LENGTH || !JSON_NUMBER.test(token)) return undefined;
      marked += `${text.slice(copiedUpTo, at)}"\\u0000${token}"`;
      copiedUpTo = end;
    }
    at = end;
  }
  return copiedUpTo === 0 ? text : marked + text.slice(copiedUpTo);
}

function isMarkedNumber(value: unknown): value is string {
  return typeof value === 'string' && value.charCodeAt(0) === 0;
}

/** Turns the marked strings of a parsed value back into exact numbers, in place. */
function restoreMarkedNumbers(value: unknown): unknown {
  if (isMarkedNumber(value)) return parseNumberExactly(value.slice(1));
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreMarkedNumbers(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const item = object[key];
    if (isMarkedNumber(item) || (item !== null && typeof item === 'object')) object[key] = restoreMarkedNumbers(item);
  }
  return value;
}

const NOT_PARSED = Symbol('not parsed');

/** JSON.parse of a marked text; NOT_PARSED when it refuses: its message would quote the marks, so lossless-json reads the original and says what is wrong. */
function parsedOrNot(marked: string): unknown {
  try {
    return JSON.parse(marked);
  } catch {
    return NOT_PARSED;
  }
}

/**
 * Parses an upstream body without losing a digit of any Int64. A text whose numbers are all short
 * integers is JSON.parse's. Otherwise the numbers JSON.parse might round are marked as strings
 * first, parsed with JSON.parse and turned back into bigint (Int64-sized integers) or LosslessNumber
 * (anything else): measured on a PATCH answer holding one 19-digit Int64, 1.9 µs against 2.9 with
 * lossless-json parsing the whole text, and a fraction of its garbage. lossless-json stays for what
 * the marking declines, so malformed bodies get its precise messages.
 */
export function parseUpstreamJson(text: string): unknown {
  try {
    if (!MAY_HOLD_INEXACT_NUMBER.test(text)) return JSON.parse(text);
    const marked = withInexactNumbersMarked(text);
    const parsed = marked === undefined ? NOT_PARSED : parsedOrNot(marked);
    return parsed === NOT_PARSED ? parse(text, null, parseNumberExactly) : restoreMarkedNumbers(parsed);
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
