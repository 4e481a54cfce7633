import { request } from 'undici';
import { graphError } from '../../emulator/graph-error';
import { UpdateActivationCountsDocument, UpdateWindowsOnlyDocument } from '../generated/client/graphql';
import { useHarness, TOKEN } from '../support/harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('updateOffice365ActivationCounts over real HTTP', () => {
  const h = useHarness();
  beforeEach(() => {
    h.emulator.clearLog();
    h.emulator.faults.clear();
  });

  const patches = () => h.emulator.httpRequests().filter((r) => r.method === 'PATCH');

  it('round-trips Int64 extremes given as literals, digit for digit, to the upstream and back', async () => {
    const { status, body } = await h.gql(`mutation {
      updateOffice365ActivationCounts(id: "proplus", input: { windows: 9223372036854775807, mac: -9223372036854775808, android: 9007199254740993 }) {
        id windows mac android ios
      }
    }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.updateOffice365ActivationCounts).toEqual({
      id: 'proplus', windows: '9223372036854775807', mac: '-9223372036854775808', android: '9007199254740993', ios: '1201',
    });
    const [patch] = patches();
    expect(patch!.bodyText).toBe('{"windows":9223372036854775807,"mac":-9223372036854775808,"android":9007199254740993}');
    expect(h.emulator.store.get('proplus')!.android).toBe(9007199254740993n);
  });

  it('round-trips Int64 extremes given as string variables', async () => {
    const { body } = await h.op(UpdateActivationCountsDocument, {
      id: 'business',
      input: { windows: '-9223372036854775808', mac: '9223372036854775807', android: '9007199254740993' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateOffice365ActivationCounts).toMatchObject({ windows: '-9223372036854775808', mac: '9223372036854775807', android: '9007199254740993' });
    expect(patches()[0]!.bodyText).toBe('{"windows":-9223372036854775808,"mac":9223372036854775807,"android":9007199254740993}');
  });

  it('accepts a safe-integer JSON number variable and refuses an unsafe one before any upstream call', async () => {
    const safe = await h.op(UpdateWindowsOnlyDocument, { id: 'project', windows: 9007199254740991 });
    expect(safe.body.data!.updateOffice365ActivationCounts.windows).toBe('9007199254740991');
    h.emulator.clearLog();
    // JSON.stringify writes 2^63-1 as 9223372036854776000: the digits are gone before the scalar runs.
    const unsafe = await h.gql('mutation ($w: BigInt) { updateOffice365ActivationCounts(id: "project", input: { windows: $w }) { windows } }', { w: 9223372036854775807 });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unsafe.body.errors[0].message).toMatch(/9223372036854776000 exactly.*send the value as a string/);
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['a float', 1.5, /non-integer value: 1\.5/],
    ['an exponent string', '1e3', /expected decimal digits/],
    ['a plus sign', '+5', /expected decimal digits/],
    ['whitespace', ' 5', /expected decimal digits/],
    ['hex', '0x1F', /expected decimal digits/],
    ['an empty string', '', /expected decimal digits/],
    ['INT64_MAX + 1', '9223372036854775808', /outside the Int64 range/],
  ])('refuses %s as a BigInt variable with a specific message', async (_label, value, message) => {
    const { status, body } = await h.gql('mutation ($w: BigInt) { updateOffice365ActivationCounts(id: "project", input: { windows: $w }) { windows } }', { w: value });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(message);
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('answers a bad literal GRAPHQL_VALIDATION_FAILED and the same value as a variable BAD_USER_INPUT (as the README says)', async () => {
    const literal = await h.gql('mutation { updateOffice365ActivationCounts(id: "project", input: { windows: 1.5 }) { windows } }');
    expect([literal.status, literal.body.errors[0].extensions.code]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const variable = await h.gql('mutation ($w: BigInt) { updateOffice365ActivationCounts(id: "project", input: { windows: $w }) { windows } }', { w: 1.5 });
    expect([variable.status, variable.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('accepts the JSON number 1e3 as a variable: JSON parsing made it exactly 1000', async () => {
    const response = await request(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: TOKEN },
      // Written by hand: JSON.stringify would print 1000.
      body: '{"query":"mutation ($w: BigInt) { updateOffice365ActivationCounts(id: \\"project\\", input: { windows: $w }) { windows } }","variables":{"w":1e3}}',
    });
    const body = (await response.body.json()) as any;
    expect(body).toEqual({ data: { updateOffice365ActivationCounts: { windows: '1000' } } });
  });

  it('refuses an out-of-range literal and an impossible date as validation errors', async () => {
    const big = await h.gql('mutation { updateOffice365ActivationCounts(id: "project", input: { windows: 9223372036854775808 }) { windows } }');
    expect(big.status).toBe(400);
    expect(big.body.errors[0].message).toMatch(/outside the Int64 range/);
    const date = await h.gql('mutation { updateOffice365ActivationCounts(id: "project", input: { reportRefreshDate: "2021-02-29" }) { id } }');
    expect(date.status).toBe(400);
    expect(date.body.errors[0].message).toMatch(/2021-02 has no day 29/);
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('sends the PATCH as Graph expects: path, token byte for byte, JSON, fresh client-request-id, only the given fields', async () => {
    const token = 'Bearer eyJ0eXAi.OiJKV1Qi-_~+/=';
    await h.gql('mutation { updateOffice365ActivationCounts(id: "visio", input: { productType: "Visio Plan 2", mac: null }) { id } }', undefined, { token });
    await h.gql('mutation { updateOffice365ActivationCounts(id: "visio", input: { ios: 3 }) { id } }', undefined, { token });
    const [first, second] = patches();
    expect(first!.url).toBe('/v1.0/reports/office365ActivationCounts/visio');
    expect(first!.headers.authorization).toBe(token);
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.headers['client-request-id']).toMatch(UUID);
    expect(second!.headers['client-request-id']).toMatch(UUID);
    expect(second!.headers['client-request-id']).not.toBe(first!.headers['client-request-id']);
    // null clears the property; absent fields are not sent at all.
    expect(first!.bodyText).toBe('{"productType":"Visio Plan 2","mac":null}');
    expect(second!.bodyText).toBe('{"ios":3}');
    expect(h.emulator.store.get('visio')).toMatchObject({ productType: 'Visio Plan 2', mac: null, ios: 3n });
  });

  it('refuses an empty input without calling the upstream', async () => {
    const { body } = await h.gql('mutation { updateOffice365ActivationCounts(id: "visio", input: {}) { id } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/set at least one property/);
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('answers UNAUTHENTICATED without any upstream call when the token is missing or not a bearer token', async () => {
    for (const token of [null, 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      const { body } = await h.gql('mutation { updateOffice365ActivationCounts(id: "visio", input: { ios: 1 }) { id } }', undefined, { token });
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toMatch(/Bearer <access token>/);
    }
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('keeps every id inside the resource path, and refuses "." and ".." before any upstream call', async () => {
    const ids = ['../secret', 'a?b=c', 'a#b', 'a/b', `q'u"o`, 'ä ü', 'a..b'];
    for (const id of ids) h.emulator.store.put({ ...h.emulator.store.get('visio')!, id });
    for (const id of ids) {
      const { body } = await h.gql('mutation ($id: ID!) { updateOffice365ActivationCounts(id: $id, input: { windows: 7 }) { id windows } }', { id });
      expect(body.errors).toBeUndefined();
      expect(body.data.updateOffice365ActivationCounts).toEqual({ id, windows: '7' });
    }
    for (const request of patches()) expect(request.url).toMatch(/^\/v1\.0\/reports\/office365ActivationCounts\/[^/?#]+$/);
    expect(patches()).toHaveLength(ids.length);
    h.emulator.clearLog();
    for (const id of ['.', '..']) {
      const { body } = await h.gql('mutation ($id: ID!) { updateOffice365ActivationCounts(id: $id, input: { windows: 7 }) { id } }', { id });
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/not a valid entity key/);
    }
    expect(h.emulator.httpRequests()).toHaveLength(0);
  });

  it('tolerates @odata.type in upstream bodies and never exposes it', async () => {
    const { body } = await h.gql('{ office365ActivationCounts(id: "big-numbers") { id ios windows10Mobile } }');
    expect(body.data.office365ActivationCounts).toEqual({ id: 'big-numbers', ios: '12345678901234567', windows10Mobile: '9007199254740992' });
    const bad = await h.gql('{ office365ActivationCounts(id: "big-numbers") { _odataType: id @skip(if: false) odataType } }');
    expect(bad.status).toBe(400);
  });

  it('answers null for an entity the upstream does not have', async () => {
    const { body } = await h.gql('{ office365ActivationCounts(id: "missing") { id } }');
    expect(body).toEqual({ data: { office365ActivationCounts: null } });
  });
});

describe('updateOffice365ActivationCounts after a 204 No Content', () => {
  const h = useHarness({ emulator: { honourPreferReturn: false } });

  it('reads the entity back and answers it', async () => {
    const { body } = await h.gql('mutation { updateOffice365ActivationCounts(id: "proplus", input: { windows: 9223372036854775807, productType: "P" }) { id productType windows mac } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.updateOffice365ActivationCounts).toEqual({ id: 'proplus', productType: 'P', windows: '9223372036854775807', mac: '2457' });
    const requests = h.emulator.httpRequests();
    expect(requests.map((r) => [r.method, r.status])).toEqual([['PATCH', 204], ['GET', 200]]);
    expect(requests[1]!.headers.authorization).toBe(TOKEN);
  });
});
