import fc from 'fast-check';
import { parseUpstreamJson, stringifyUpstreamJson } from '../../src/msgraph/json';

/** Every plain JS number in a parsed value; the lossless path yields bigint or LosslessNumber instead. */
function plainNumbers(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => plainNumbers(v, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => plainNumbers(v, into));
  return into;
}

describe('upstream JSON fast path', () => {
  it.each([
    ['{"headers":{"request-id":"c8e2019a-bc51-44a6-94cc-199300d94cbf"},"body":{"windows":1000}}', true], // GUID digits before "e" inside a string
    ['{"@odata.nextLink":"https://graph.microsoft.com/v1.0/x?$skiptoken=1234567890123456789","top":5}', true], // "v1.0" and long digits, all in a string
    ['{"windows":9007199254740993}', false], // 16 digits after ':'
    ['[1, -12345678901234567]', false], // after ',' and whitespace, negative
    ['[1.5]', false], // a fraction after '['
    ['{"a":\n  2E3}', false], // an exponent after a newline
    ['12345678901234567', false], // a bare top-level number
    ['{"windows":123456789012345}', true], // 15 digits: below 2^53, exact
  ])('%s takes the fast path: %p', (text, fast) => {
    // Each row holds a number outside strings: JSON.parse yields it as a plain number, the lossless parser never does.
    expect(plainNumbers(parseUpstreamJson(text)).length > 0).toBe(fast);
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
