import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { documentIdOf } from '../../src/trusted-documents/document-id';
import { spawnGateway } from '../support/gateway-process';
import { BY_ID, COMMITTED_MANIFEST } from './trusted-documents-support';

const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const committed = JSON.parse(readFileSync(COMMITTED_MANIFEST, 'utf8')) as Record<string, string>;
const VALID_TEXT = '{ __typename }';
const VALID_ID = documentIdOf(VALID_TEXT);
/** The committed manifest with one document changed and its key kept: what an edit by hand (or an attacker) leaves. */
const tampered = file('tampered.json', JSON.stringify({ ...committed, [BY_ID]: committed[BY_ID]!.replace('windows10Mobile', 'windows10Mobile __schema { types { name } }') }));

describe('TRUSTED_DOCUMENTS configuration', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is off by default', () => {
    expect(loadConfig({}).trustedDocuments).toBeUndefined();
  });

  it('loads the committed manifest in allow mode by default, and merges several files', () => {
    const extra = file('extra.json', JSON.stringify({ [VALID_ID]: VALID_TEXT }));
    const config = loadConfig({ TRUSTED_DOCUMENTS: `${COMMITTED_MANIFEST}, ${extra}` });
    expect(config.trustedDocuments!.mode).toBe('allow');
    expect(config.trustedDocuments!.manifests).toEqual([COMMITTED_MANIFEST, extra]);
    expect(config.trustedDocuments!.documents.size).toBe(Object.keys(committed).length + 1);
    expect(config.trustedDocuments!.documents.get(BY_ID)).toBe(committed[BY_ID]);
    expect(loadConfig({ TRUSTED_DOCUMENTS: extra, TRUSTED_DOCUMENTS_MODE: 'require' }).trustedDocuments!.mode).toBe('require');
  });

  it('accepts the bare hex keys older client preset versions wrote', () => {
    const bare = file('bare.json', JSON.stringify({ [VALID_ID.slice('sha256:'.length)]: VALID_TEXT }));
    expect([...loadConfig({ TRUSTED_DOCUMENTS: bare }).trustedDocuments!.documents.keys()]).toEqual([VALID_ID]);
  });

  it.each<[string, () => string, RegExp]>([
    ['a missing file', () => join(dir, 'absent.json'), /absent\.json": cannot be read \(ENOENT/],
    ['a file that is not JSON', () => file('broken.json', '{"sha256:'), /broken\.json": is not JSON \(.*\): expected a JSON object mapping document ids/],
    ['an array', () => file('array.json', '[]'), /array\.json": holds an array: expected a JSON object mapping document ids/],
    ['an empty object', () => file('empty.json', '{}'), /empty\.json": holds no documents/],
    ['a key that is not an id', () => file('key.json', JSON.stringify({ 'md5:abc': VALID_TEXT })), /key\.json": key "md5:abc" is not a document id: expected "sha256:" followed by 64 lower-case hex digits/],
    ['a document that is not a string', () => file('number.json', JSON.stringify({ [VALID_ID]: 42 })), /key "sha256:[0-9a-f]{64}" maps to a number: expected the document's text as a string/],
    ['a tampered document', () => tampered, new RegExp(`tampered\\.json": key "${BY_ID}" is not the sha256 of its document \\(the document hashes to sha256:[0-9a-f]{64}\\)`)],
    ['a document that does not parse', () => file('syntax.json', JSON.stringify({ [documentIdOf('{ a (')]: '{ a (' })), /syntax\.json": key "sha256:[0-9a-f]{64}" maps to a document that does not parse: Syntax Error/],
    ['a document with no operation', () => file('sdl.json', JSON.stringify({ [documentIdOf('type A { a: Int }')]: 'type A { a: Int }' })), /maps to a document with no operation/],
  ])('refuses %s with a message naming the file and what is wrong', (_edge, path, message) => {
    const env = { TRUSTED_DOCUMENTS: path() };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists at most five problems of one file', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [documentIdOf(`{ a${i} }`), `{ b${i} }`]));
    try {
      loadConfig({ TRUSTED_DOCUMENTS: file('many.json', JSON.stringify(many)) });
      throw new Error('expected a ConfigError');
    } catch (error: unknown) {
      expect((error as ConfigError).problems).toHaveLength(6);
      expect((error as ConfigError).problems[5]).toMatch(/many\.json": \.\.\. and 7 more problems$/);
    }
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ TRUSTED_DOCUMENTS: COMMITTED_MANIFEST, TRUSTED_DOCUMENTS_MODE: 'strict' }, /TRUSTED_DOCUMENTS_MODE="strict": expected one of allow, require/],
    [{ TRUSTED_DOCUMENTS_MODE: 'require' }, /TRUSTED_DOCUMENTS_MODE="require" needs TRUSTED_DOCUMENTS=<path\[,path\]>/], // require with nothing would refuse everything
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('stops the real process at start on a tampered manifest, naming the file and the bad key', async () => {
    const gateway = spawnGateway({ PORT: '0', TRUSTED_DOCUMENTS: tampered, TRUSTED_DOCUMENTS_MODE: 'require' });
    expect(await gateway.exited).toBe(1);
    expect(gateway.output()).toContain('Invalid configuration:');
    expect(gateway.output()).toContain(`TRUSTED_DOCUMENTS file ${JSON.stringify(tampered)}: key "${BY_ID}" is not the sha256 of its document`);
    expect(gateway.output()).not.toContain('ready at');
  });
});
