import { encodeEntityKey, entityPath, MAX_ID_LENGTH } from '../../src/msgraph/entity-path';

describe('entity path', () => {
  it.each<[string, string]>([
    ['proplus', 'proplus'],
    ['../secret', '..%2Fsecret'], // a slash can never open a new segment
    ['a?b=c', 'a%3Fb%3Dc'], // no query string smuggled in
    ['a#b', 'a%23b'], // no fragment
    ['a/b', 'a%2Fb'],
    ["o'brien", 'o%27brien'], // OData key quotes
    ['a"b', 'a%22b'],
    ['f(x)*!', 'f%28x%29%2A%21'],
    ['%2e%2e', '%252e%252e'], // pre-encoded dots stay literal text
    ['ä ü', '%C3%A4%20%C3%BC'],
    ['a..b', 'a..b'], // dots inside a key are harmless
  ])('encodes %p as the single segment %p', (id, segment) => {
    expect(encodeEntityKey(id)).toBe(segment);
    expect(decodeURIComponent(encodeEntityKey(id))).toBe(id);
  });

  it.each<[string, RegExp]>([
    ['.', /not a valid entity key/], // URL normalization would drop it
    ['..', /not a valid entity key/], // would address the parent collection
    ['', /must not be empty/],
    ['x'.repeat(MAX_ID_LENGTH + 1), /at most 1024/],
    ['\uD800', /unpaired UTF-16 surrogate/],
  ])('refuses %p', (id, message) => {
    expect(() => encodeEntityKey(id)).toThrow(message);
  });

  it('adds a sorted $select that always includes id', () => {
    expect(entityPath('/r', 'a', ['windows', 'mac'])).toBe('/r/a?$select=id,mac,windows');
    expect(entityPath('/r', 'a')).toBe('/r/a');
  });
});
