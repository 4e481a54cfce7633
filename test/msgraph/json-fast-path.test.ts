import fc from 'fast-check';
import { isLosslessNumber, parse } from 'lossless-json';
import { parseUpstreamJson, stringifyUpstreamJson, UpstreamJsonError } from '../../src/msgraph/json';

/** Every plain JS number in a parsed value; exact numbers come as bigint or LosslessNumber instead. */
function plainNumbers(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => plainNumbers(v, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => plainNumbers(v, into));
  return into;
}

/** Every bigint or LosslessNumber in a parsed value. */
function exactNumbers(value: unknown, into: unknown[] = []): unknown[] {
  if (typeof value === 'bigint' || isLosslessNumber(value)) into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => exactNumbers(v, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => exactNumbers(v, into));
  return into;
}

/** A parsed value with every number written as its text, so a bigint 5n and a number 5 compare equal. */
function numbersAsText(value: unknown): unknown {
  if (typeof value === 'bigint' || typeof value === 'number' || isLosslessNumber(value)) return String(value);
  if (Array.isArray(value)) return value.map(numbersAsText);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersAsText(v)]));
  return value;
}

const lossless = (text: string): unknown => parse(text, null, (digits) => (/^-?\d+$/.test(digits) && digits.replace('-', '').length <= 19 ? BigInt(digits) : parse(digits)));

describe('upstream JSON fast path', () => {
  it.each([
    ['{"headers":{"request-id":"c8e2019a-bc51-44a6-94cc-199300d94cbf"},"body":{"windows":1000}}', 0], // GUID digits before "e" inside a string
    ['{"@odata.nextLink":"https://graph.microsoft.com/v1.0/x?$skiptoken=1234567890123456789","top":5}', 0], // "v1.0" and long digits, all in a string
    ['{"windows":9007199254740993}', 1], // 16 digits after ':'
    ['[1, -12345678901234567]', 1], // after ',' and whitespace, negative; the short one stays a number
    ['[1.5]', 1], // a fraction after '['
    ['{"a":\n  2E3}', 1], // an exponent after a newline
    ['12345678901234567', 1], // a bare top-level number
    ['{"windows":123456789012345}', 0], // 15 digits: below 2^53, exact
  ])('%s holds %p numbers read exactly (bigint or LosslessNumber)', (text, exact) => {
    const parsed = parseUpstreamJson(text);
    expect(exactNumbers(parsed).length).toBe(exact);
    // Every other number outside strings is a plain one, and safe.
    for (const n of plainNumbers(parsed)) expect(Number.isSafeInteger(n)).toBe(true);
  });

  it('property: JSON.parse is used only when every number it yields is a safe integer', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        for (const n of plainNumbers(parseUpstreamJson(text))) expect(Number.isSafeInteger(n)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('upstream JSON with numbers JSON.parse would round (marked, then JSON.parse)', () => {
  it('reads strings that hold quotes, backslashes and digits as strings, and the numbers after them exactly', () => {
    const text = '{"a":"x\\\\","b":"say \\"12345678901234567\\", 9","c":12345678901234567,"d":[-1.25e+3,"1.5"]}';
    const parsed = parseUpstreamJson(text) as Record<string, unknown>;
    expect(parsed.a).toBe('x\\');
    expect(parsed.b).toBe('say "12345678901234567", 9');
    expect(parsed.c).toBe(12345678901234567n);
    const [fraction, textFraction] = parsed.d as unknown[];
    expect(isLosslessNumber(fraction) && fraction.toString()).toBe('-1.25e+3');
    expect(textFraction).toBe('1.5');
  });

  it('keeps a string that starts with the escape \\u0000 (the marker) a string', () => {
    const parsed = parseUpstreamJson('{"a":"\\u000012345678901234567","b":12345678901234567}') as Record<string, unknown>;
    expect(parsed.a).toBe('\u000012345678901234567');
    expect(parsed.b).toBe(12345678901234567n);
  });

  it.each([
    '{"a":01234567890123456}', // a leading zero
    '{"a":1.2.3}',
    '{"a":1e}',
    '{"a":12345678901234567', // unterminated object
    '{"a":"unterminated, 12345678901234567', // unterminated string
    '{"a":12345678901234567,}', // trailing comma
    '{"a":12345678901234567 "b":1}', // missing comma
  ])('refuses the malformed body %p as lossless-json would, with a clear error', (text) => {
    expect(() => parseUpstreamJson(text)).toThrow(UpstreamJsonError);
    expect(() => parseUpstreamJson(text)).toThrow(/not valid JSON/);
  });

  it('refuses a number longer than any Int64 or double, in time linear in the text', () => {
    expect(() => parseUpstreamJson(`{"windows":${'9'.repeat(2_000_000)}}`)).toThrow(/longer than 40 characters/);
  });

  it('property: gives the values lossless-json gives, for any JSON text with long integers and fractions in it', () => {
    fc.assert(
      fc.property(fc.json(), fc.array(fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 4 }), (json, numbers) => {
        const text = `{"json":${json},"numbers":[${numbers.map((n) => (typeof n === 'bigint' ? n.toString() : JSON.stringify(n))).join(',')}],"after":"${numbers.length}"}`;
        expect(numbersAsText(parseUpstreamJson(text))).toEqual(numbersAsText(lossless(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('upstream JSON writing', () => {
  it.each([
    [{ requests: [{ id: '1', method: 'GET', url: '/x?$select=id' }] }, '{"requests":[{"id":"1","method":"GET","url":"/x?$select=id"}]}'], // strings only: JSON.stringify
    [{ windows: 9223372036854775807n, mac: null }, '{"windows":9223372036854775807,"mac":null}'], // a bigint: exact digits
    [{ nested: [{ value: 12345678901234567890n }] }, '{"nested":[{"value":12345678901234567890}]}'], // a bigint deep inside
  ])('writes %p exactly', (value, text) => {
    expect(stringifyUpstreamJson(value)).toBe(text);
  });

  it('writes a LosslessNumber read from the upstream with its digits', () => {
    expect(stringifyUpstreamJson({ x: parseUpstreamJson('{"v":1.50}') })).toBe('{"x":{"v":1.50}}');
  });
});
