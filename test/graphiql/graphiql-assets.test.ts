import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveGraphiqlAssets } from '../../src/graphiql/graphiql-assets';

describe('resolveGraphiqlAssets', () => {
  it('finds the four browser builds in the installed packages', () => {
    expect(resolveGraphiqlAssets().map((a) => a.name)).toEqual(['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'graphiql.min.css']);
  });

  it('names the missing file and the package to install when a build is absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-umd-'));
    expect(() => resolveGraphiqlAssets((pkg) => join(empty, pkg, 'package.json'))).toThrow(
      `GraphiQL asset react.production.min.js not found at ${join(empty, 'react', 'umd', 'react.production.min.js')}: is react installed (npm ci)?`,
    );
  });
});
