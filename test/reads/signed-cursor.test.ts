import { encodeCursor } from '../../src/activation-counts/list/cursor';
import { ConfigError, loadConfig } from '../../src/config';
import { startHarness, type Harness } from '../support/harness';
import { manyEntities } from '../support/sample-data';

const LIST = 'query($first: Int, $after: String) { office365ActivationCountsList(first: $first, after: $after) { edges { cursor node { id } } pageInfo { endCursor } } }';
const SECRET = 'a-cursor-secret-of-at-least-32-characters';

describe('list cursors are signed (HMAC-SHA256)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ emulator: { seed: manyEntities(10) }, env: { CURSOR_SECRET: SECRET } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.emulator.clearLog());

  it('carries only the page query and the position, not the upstream base URL', async () => {
    const { body } = await h.gql(LIST, { first: 2 });
    const cursor: string = body.data.office365ActivationCountsList.pageInfo.endCursor;
    const payload = JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8'));
    expect(payload.u).toMatch(/^\?\$top=2&.*\$skiptoken=2$/);
    expect(JSON.stringify(payload)).not.toContain('127.0.0.1');
    expect(JSON.stringify(payload)).not.toContain('http');
  });

  it('refuses a forged cursor that would bypass first ≤ 999, before any upstream call', async () => {
    const forged = encodeCursor({ url: '?$top=999999&$expand=*&$filter=true', skip: 0 });
    const { body } = await h.gql(LIST, { after: forged });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('is not a cursor this gateway issued (unsigned, altered, forged, or signed with another CURSOR_SECRET');
    expect(h.emulator.log).toEqual([]);
  });

  it('refuses a tampered cursor (payload changed, signature kept)', async () => {
    const { body: first } = await h.gql(LIST, { first: 2 });
    const [payload, mac] = (first.data.office365ActivationCountsList.pageInfo.endCursor as string).split('.');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const tampered = `${Buffer.from(JSON.stringify({ ...decoded, u: '?$top=999999' })).toString('base64url')}.${mac}`;
    h.emulator.clearLog();
    const { body } = await h.gql(LIST, { after: tampered });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(h.emulator.log).toEqual([]);
    const flipped = `${payload}.${mac!.startsWith('A') ? 'B' : 'A'}${mac!.slice(1)}`;
    expect((await h.gql(LIST, { after: flipped })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('accepts its own cursor and resumes where it said', async () => {
    const { body: first } = await h.gql(LIST, { first: 2 });
    const { body } = await h.gql(LIST, { first: 2, after: first.data.office365ActivationCountsList.pageInfo.endCursor });
    expect(body.errors).toBeUndefined();
    const ids = (b: typeof body) => b.data.office365ActivationCountsList.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids(body)).not.toEqual(ids(first));
    expect(ids(body)).toHaveLength(2);
  });

  it('a cursor survives a restart with the same CURSOR_SECRET, and not with a generated key', async () => {
    const { body: first } = await h.gql(LIST, { first: 2 });
    const cursor = first.data.office365ActivationCountsList.pageInfo.endCursor;
    const same = await startHarness({ emulator: { seed: manyEntities(10) }, env: { CURSOR_SECRET: SECRET } });
    const generated = await startHarness({ emulator: { seed: manyEntities(10) } });
    try {
      expect((await same.gql(LIST, { first: 2, after: cursor })).body.errors).toBeUndefined();
      const refused = await generated.gql(LIST, { first: 2, after: cursor });
      expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(generated.emulator.log).toEqual([]);
    } finally {
      await same.close();
      await generated.close();
    }
  });
});

describe('CURSOR_SECRET validation', () => {
  it('refuses a short secret, naming its length but not its content', () => {
    let error: unknown;
    try {
      loadConfig({ CURSOR_SECRET: 'short-secret' });
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('CURSOR_SECRET (12 characters): expected at least 32 characters');
    expect((error as ConfigError).message).not.toContain('short-secret');
  });

  it('generates a different key per start when unset', () => {
    expect(loadConfig({}).cursorSecret.equals(loadConfig({}).cursorSecret)).toBe(false);
    expect(loadConfig({ CURSOR_SECRET: SECRET }).cursorSecretConfigured).toBe(true);
  });
});
