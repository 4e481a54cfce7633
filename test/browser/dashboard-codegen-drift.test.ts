import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as generated from '../../examples/dashboard/src/generated/graphql';

const ROOT = join(__dirname, '..', '..');
const CODEGEN_BIN = join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
const MANIFEST = join(ROOT, 'examples', 'dashboard', 'src', 'generated', 'persisted-documents.json');

describe('the dashboard\'s generated typed documents and persisted-documents manifest', () => {
  it('are committed exactly as examples/dashboard/codegen.yml produces them from its .graphql files and schema.graphql', async () => {
    // `--check` generates in memory and exits 1 naming each stale file (a changed operation, schema
    // or codegen version); it also fails when an operation is not valid against schema.graphql.
    const run = promisify(execFile)(process.execPath, [CODEGEN_BIN, '--config', 'examples/dashboard/codegen.yml', '--check'], { cwd: ROOT });
    await expect(run.then(() => 'up to date', (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}\nstale: run \`npm run codegen\` and commit the result`)).resolves.toBe('up to date');
  });

  it('key every document by the sha256 of its text, and every typed document carries its manifest key', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(manifest)) expect(key).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    const documents = Object.values(generated as Record<string, unknown>).filter((value): value is { __meta__: { hash: string } } => typeof value === 'object' && value !== null && '__meta__' in value);
    expect(documents.map((d) => d.__meta__.hash).sort()).toEqual(Object.keys(manifest).sort());
  });
});
