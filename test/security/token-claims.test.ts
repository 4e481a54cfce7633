import { readTokenClaims } from '../../src/security/token-claims';
import { fakeJwt } from '../support/fake-jwt';

const b64 = (text: string): string => Buffer.from(text).toString('base64url');

describe('readTokenClaims (decoded, never verified)', () => {
  it.each<[string, string, object | undefined]>([
    ['a v1 access token', fakeJwt({ tid: 't', appid: 'app', oid: 'user', exp: 1_800_000_000 }), { tid: 't', appId: 'app', oid: 'user', expiresAt: 1_800_000_000_000 }],
    ['a v2 token names its app azp', fakeJwt({ tid: 't', azp: 'spa' }), { tid: 't', appId: 'spa' }],
    ['appid wins over azp', fakeJwt({ appid: 'v1', azp: 'v2' }), { appId: 'v1' }],
    ['fractional exp (NumericDate) becomes whole ms', fakeJwt({ exp: 1_800_000_000.5 }), { expiresAt: 1_800_000_000_500 }],
    ['claims of the wrong type are left out', fakeJwt({ tid: 7, appid: ['x'], oid: '', exp: '1800000000' }), {}],
    ['a negative or infinite exp is no expiry', `a.${b64('{"exp":-5}')}.c`, {}],
    ['an opaque token is not a JWT', 'emulator-sample-token', undefined],
    ['two parts are not a JWT', `${b64('{}')}.${b64('{"tid":"t"}')}`, undefined],
    ['an empty part is not a JWT', `a..c`, undefined],
    ['characters outside base64url', 'a.b+c/.d', undefined],
    ['a payload that is not JSON', `a.${b64('{"tid":')}.c`, undefined],
    ['a payload that is an array', `a.${b64('["tid"]')}.c`, undefined],
    ['a payload that is null', `a.${b64('null')}.c`, undefined],
    ['an oversized token is not decoded', `a.${b64(JSON.stringify({ tid: 't', pad: 'x'.repeat(20_000) }))}.c`, undefined],
  ])('%s', (_edge, token, expected) => {
    expect(readTokenClaims(token)).toEqual(expected);
  });
});
