import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..');
const HINT = 'stale generated file: run `npm run codegen` and commit the result';

// @graphql-codegen/cli loads yargs as an ES module, which Jest's CommonJS runtime cannot require;
// plain Node (20.19+) can, so the generator runs in a child process, in memory (saveToFile=false).
const GENERATE_IN_MEMORY = `
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
loadCodegenConfig({ configFilePath: 'codegen.yml' })
  .then(({ config }) => generate({ ...config, cwd: process.cwd(), silent: true }, false))
  .then((outputs) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))))
  .catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;

describe('codegen.yml output', () => {
  it('is committed exactly as GraphQL Code Generator produces it from schema.graphql and test/**/*.graphql, persisted-documents manifest included', async () => {
    // Also fails when an operation under test/ is not valid against schema.graphql.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', GENERATE_IN_MEMORY], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const outputs = JSON.parse(stdout) as { filename: string; content: string }[];
    // Codegen writes its outputs concurrently, so their order varies from run to run: compare as sets.
    expect(outputs.map((o) => o.filename).sort()).toEqual(
      [
        // The client preset: typed documents carrying their hash, and the manifest TRUSTED_DOCUMENTS loads.
        'test/generated/client/index.ts',
        'test/generated/client/gql.ts',
        'test/generated/client/graphql.ts',
        'test/generated/client/persisted-documents.json',
      ].sort(),
    );
    for (const { filename, content } of outputs) {
      const committed = readFileSync(join(ROOT, filename), 'utf8');
      expect({ hint: HINT, filename, content: committed }).toEqual({ hint: HINT, filename, content });
    }
  });
});
