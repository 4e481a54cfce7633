import fc from 'fast-check';
import { BigIntScalar } from '../../src/scalars/bigint.scalar';
import { INT64_MAX, INT64_MIN } from '../../src/scalars/int64';
import { parseUpstreamJson, stringifyUpstreamJson, UpstreamJsonError } from '../../src/msgraph/json';

const int64 = fc.bigInt({ min: INT64_MIN, max: INT64_MAX });

describe('upstream JSON', () => {
  it('keeps every digit of Int64 numbers above 2^53', () => {
    const body = parseUpstreamJson('{"windows":9007199254740993,"mac":9223372036854775807,"android":-9223372036854775808}') as Record<string, unknown>;
    expect(BigIntScalar.serialize(body.windows)).toBe('9007199254740993');
    expect(BigIntScalar.serialize(body.mac)).toBe('9223372036854775807');
    expect(BigIntScalar.serialize(body.android)).toBe('-9223372036854775808');
  });

  it('takes the JSON.parse fast path only when every number is short (and gives the same values)', () => {
    expect(parseUpstreamJson('{"windows":9157,"id":"a"}')).toEqual({ windows: 9157, id: 'a' });
  });

  it('accepts Int64 sent as strings too (IEEE754Compatible=true)', () => {
    const body = parseUpstreamJson('{"windows":"9223372036854775807"}') as Record<string, unknown>;
    expect(BigIntScalar.serialize(body.windows)).toBe('9223372036854775807');
  });

  it('writes bigint as exact JSON number digits', () => {
    expect(stringifyUpstreamJson({ windows: 9223372036854775807n, mac: null, productType: 'x' })).toBe('{"windows":9223372036854775807,"mac":null,"productType":"x"}');
  });

  it.each(['{"windows":', '{"a":1}}', 'not json', '{"a":12345678901234567,}'])('refuses malformed body %p with a clear error', (text) => {
    expect(() => parseUpstreamJson(text)).toThrow(UpstreamJsonError);
    expect(() => parseUpstreamJson(text)).toThrow(/not valid JSON/);
  });

  it('property: any Int64 survives input → upstream body → upstream response → output exactly', () => {
    fc.assert(
      fc.property(int64, fc.boolean(), (value, asString) => {
        const input = BigIntScalar.parseValue(asString || value > 2n ** 53n || value < -(2n ** 53n) ? value.toString() : Number(value));
        const requestBody = stringifyUpstreamJson({ windows: input });
        // The upstream echoes the number as it received it, as Graph does (a JSON number).
        const responseText = requestBody.replace('{"windows":', '{"id":"x","@odata.type":"#microsoft.graph.office365ActivationCounts","windows":');
        const parsed = parseUpstreamJson(responseText) as Record<string, unknown>;
        expect(BigIntScalar.serialize(parsed.windows)).toBe(value.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the fast path and the lossless path agree on every JSON document of integers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(int64, fc.integer()), { maxLength: 8 }), (numbers) => {
        const text = `[${numbers.join(',')}]`;
        const parsed = parseUpstreamJson(text) as unknown[];
        expect(parsed.map((n) => BigIntScalar.serialize(n))).toEqual(numbers.map(String));
      }),
      { numRuns: 1000 },
    );
  });
});
