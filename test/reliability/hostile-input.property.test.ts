import fc from 'fast-check';
import { httpGet } from '../support/graphql-http';
import { useHarness } from '../support/harness';

const RESOURCE = '/reports/office365ActivationCounts';
const UPDATE = 'mutation ($id: ID!, $input: UpdateOffice365ActivationCountsInput!) { updateOffice365ActivationCounts(id: $id, input: $input) { id windows reportRefreshDate } }';
const RUNS = { numRuns: 60 };

/** Independent oracles, written from the contract rather than from the scalars' code. */
function isInt64Text(text: string): boolean {
  return /^-?(0|[1-9][0-9]*)$/.test(text) && text.length <= 20 && BigInt(text) >= -(2n ** 63n) && BigInt(text) <= 2n ** 63n - 1n;
}
function isEdmDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
function isForwardableId(id: string): boolean {
  return id.length > 0 && id.length <= 1024 && id !== '.' && id !== '..' && id.isWellFormed();
}

const int64Like = fc.oneof(
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String), // in and just out of range
  fc.string(),
  fc.constantFrom('', '-', '+1', ' 1', '1 ', '01', '-0', '1e3', '1.0', '0x10', '9223372036854775808', '-9223372036854775809', '１２', '1_000'),
);
const dateLike = fc.oneof(
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.string(),
  fc.constantFrom('2021-02-29', '2020-02-29', '1900-02-29', '2000-02-29', '2021-04-31', '2021-1-01', '2021-01-01T00:00:00Z', ' 2021-01-01', '２０２１-01-01'),
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `a${String.fromCharCode(c)}b`);
const idLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('.', '..', '', '/', '../x', '%2F', '%2e%2e', '?$select=id', '#x', "o'reilly", 'a(b)', 'a b', 'proplus', 'x'.repeat(1025)),
  loneSurrogate,
);

describe('hostile input over real HTTP (fast-check)', () => {
  const h = useHarness();

  it('a BigInt given as any string either reaches the upstream digit for digit, or is refused with 400 and no upstream call', async () => {
    await fc.assert(
      fc.asyncProperty(int64Like, async (text) => {
        h.emulator.clearLog();
        const { status, body } = await h.gql(UPDATE, { id: 'proplus', input: { windows: text } });
        const patches = h.emulator.httpRequests().filter((r) => r.method === 'PATCH');
        if (isInt64Text(text)) {
          const canonical = BigInt(text).toString(); // "-0" is accepted as 0
          expect(body.data.updateOffice365ActivationCounts.windows).toBe(canonical);
          expect(patches).toHaveLength(1);
          expect(patches[0]!.bodyText).toBe(`{"windows":${canonical}}`);
        } else {
          expect(status).toBe(400);
          expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
          expect(body.errors[0].message).toMatch(/BigInt cannot represent/);
          expect(patches).toHaveLength(0);
        }
      }),
      RUNS,
    );
  });

  it('a Date given as any string either is a real calendar date sent as is, or is refused with 400 and no upstream call', async () => {
    await fc.assert(
      fc.asyncProperty(dateLike, async (text) => {
        h.emulator.clearLog();
        const { status, body } = await h.gql(UPDATE, { id: 'proplus', input: { reportRefreshDate: text } });
        const patches = h.emulator.httpRequests().filter((r) => r.method === 'PATCH');
        if (isEdmDate(text)) {
          expect(body.data.updateOffice365ActivationCounts.reportRefreshDate).toBe(text);
          expect(patches.map((p) => p.bodyText)).toEqual([JSON.stringify({ reportRefreshDate: text })]);
        } else {
          expect(status).toBe(400);
          expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
          expect(body.errors[0].message).toMatch(/Date cannot represent/);
          expect(patches).toHaveLength(0);
        }
      }),
      RUNS,
    );
  });

  it('any id reaches the upstream as exactly one path segment under the resource, or is refused before any call', async () => {
    await fc.assert(
      fc.asyncProperty(idLike, async (id) => {
        h.emulator.clearLog();
        const { status, body } = await h.gql('query ($id: ID!) { office365ActivationCounts(id: $id) { id } }', { id });
        expect(status).toBe(200);
        const calls = h.emulator.httpRequests();
        if (isForwardableId(id)) {
          expect(calls).toHaveLength(1);
          const path = calls[0]!.url.split('?')[0]!;
          expect(path.startsWith(`/v1.0${RESOURCE}/`)).toBe(true);
          const segment = path.slice(`/v1.0${RESOURCE}/`.length);
          expect(segment).not.toMatch(/[/?#]/);
          expect(decodeURIComponent(segment)).toBe(id);
          expect(body.errors).toBeUndefined();
        } else {
          expect(calls).toHaveLength(0);
          expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        }
      }),
      RUNS,
    );
  });

  it('is still up and healthy after all of it', async () => {
    const health = await httpGet(`${h.url}/health`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ status: 'ok' });
  });
});
