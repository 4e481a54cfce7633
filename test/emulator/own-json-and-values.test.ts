import { EDM_VALUE } from '../../emulator/edm-values';
import { parseJson, stringifyJson } from '../../emulator/json';
import { parsePatchBody } from '../../emulator/patch-validation';

describe("the emulator's own JSON and Edm checks", () => {
  it('parses integers exactly as bigints and writes them back as the same digits', () => {
    const text = '{"windows":9223372036854775807,"mac":-9223372036854775808,"ios":9007199254740993,"ratio":1.5}';
    expect(parseJson(text)).toEqual({ windows: 9223372036854775807n, mac: -9223372036854775808n, ios: 9007199254740993n, ratio: 1.5 });
    expect(stringifyJson(parseJson(text))).toBe(text);
  });

  it.each([
    ['Edm.Int64', 9223372036854775807n, 9223372036854775807n], // largest Int64
    ['Edm.Int64', '-42', -42n], // IEEE754Compatible form
    ['Edm.Date', '2024-02-29', '2024-02-29'], // leap day
    ['Edm.Date', '0001-01-01', '0001-01-01'], // year below 100 is not read as 19xx
    ['Edm.String', 'Office', 'Office'],
  ] as const)('accepts %s %p', (type, value, stored) => {
    expect(EDM_VALUE[type](value)).toEqual(stored);
  });

  it.each([
    ['Edm.Int64', 9223372036854775808n, /outside the range of Edm.Int64/], // one past the largest
    ['Edm.Int64', 1.5, /Cannot convert 1.5 to Edm.Int64/], // not an integer
    ['Edm.Int64', '1e3', /to Edm.Int64/], // exponent text
    ['Edm.Date', '2021-02-29', /to Edm.Date/], // not a leap year
    ['Edm.Date', '2021-1-01', /to Edm.Date/], // not YYYY-MM-DD
    ['Edm.String', 42, /to Edm.String/],
  ] as const)('refuses %s %p', (type, value, message) => {
    expect(() => EDM_VALUE[type](value)).toThrow(message);
  });

  it('validates a PATCH body against the entity table', () => {
    expect(parsePatchBody('{"@odata.type":"#x","windows":9007199254740993,"productType":null}')).toEqual({ changes: { windows: 9007199254740993n, productType: null } });
    expect(parsePatchBody('{"id":"x"}')).toEqual({ problem: "Property 'id' is read-only." });
    // A name no Graph property will take (not a plausible new one such as "linux", which the table may gain).
    expect(parsePatchBody('{"noSuchProperty":1}')).toEqual({ problem: "Property 'noSuchProperty' does not exist on type 'microsoft.graph.office365ActivationCounts'." });
    expect(parsePatchBody('{"mac":"12a"}')).toEqual({ problem: `Property 'mac': Cannot convert "12a" to Edm.Int64.` });
    expect(parsePatchBody('{"mac":')).toEqual({ problem: 'The request body is not valid JSON.' });
  });
});
