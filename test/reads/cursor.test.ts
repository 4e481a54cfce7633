import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../../src/activation-counts/list/cursor';
import { pathUnderBase, withSelect } from '../../src/msgraph/upstream-url';

describe('list cursors', () => {
  it('round-trips a page position and stays opaque (base64url only)', () => {
    const position = { url: 'https://graph.microsoft.com/v1.0/reports/office365ActivationCounts?$top=2&$skiptoken=X%2B1', skip: 3 };
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['', 'expected 1 to 8192 characters'], // empty
    ['x'.repeat(8193), 'expected 1 to 8192 characters'], // oversized
    ['abc=', 'not base64url'], // padding / foreign alphabet
    ['bm90IGpzb24', 'undecodable'], // "not json"
    [encoded({ v: 2, u: 'https://x', s: 0 }), 'unexpected content'], // another version
    [encoded({ v: 1, u: 'https://x', s: -1 }), 'unexpected content'], // negative skip
    [encoded({ v: 1, u: 'https://x', s: 1.5 }), 'unexpected content'], // fractional skip
    [encoded({ v: 1, s: 0 }), 'unexpected content'], // no url
    [encoded(null), 'unexpected content'], // not an object
  ])('refuses %j as BAD_USER_INPUT', (cursor, why) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((error as GraphQLError).message).toContain(why);
  });
});

describe('pathUnderBase', () => {
  const base = 'https://graph.microsoft.com/v1.0';
  it.each([
    [`${base}/reports/x?$skiptoken=1`, '/reports/x?$skiptoken=1'], // under the base
    ['https://GRAPH.microsoft.com/v1.0/reports/x', '/reports/x'], // host case does not matter
    [`${base}/reports/../users`, '/users'], // normalized, still under the base
    [`${base}/../beta/reports/x`, undefined], // climbs out of the version root
    [`${base}/%2E%2E/beta/x`, undefined], // encoded dot segments too
    ['https://graph.microsoft.com/v1.0', undefined], // the root itself is not a resource
    ['https://graph.microsoft.com/v1.0x/reports', undefined], // prefix of a segment
    ['http://graph.microsoft.com/v1.0/reports/x', undefined], // other scheme
    ['https://graph.microsoft.com:8443/v1.0/reports/x', undefined], // other port
    ['https://evil.example/v1.0/reports/x', undefined], // other host
    ['https://user:pw@graph.microsoft.com/v1.0/reports/x', undefined], // credentials
    ['/v1.0/reports/x', undefined], // relative
  ])('%s → %p', (link, expected) => {
    expect(pathUnderBase(base, link)).toBe(expected);
  });
});

describe('withSelect', () => {
  it.each([
    ['/r?$top=2', '$select=id,mac', '/r?$top=2&$select=id,mac'], // adds
    ['/r?$top=2&$select=id,windows&$skiptoken=a%2Bb', '$select=id', '/r?$top=2&$skiptoken=a%2Bb&$select=id'], // replaces, other options byte for byte
    ['/r?%24select=id&$top=2', '', '/r?$top=2'], // encoded name, removed for "everything"
    ['/r', '', '/r'], // nothing to do
  ])('%s with %p → %s', (path, select, expected) => {
    expect(withSelect(path, select)).toBe(expected);
  });
});
