import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file GraphiQL's page loads, served from this process under /graphiql/assets/{name}. */
export interface GraphiqlAsset {
  name: string;
  path: string;
  contentType: string;
}

// The packages' `exports` maps hide their UMD builds, so resolve each package root through its
// package.json and join the file path.
const FILES: readonly { name: string; pkg: string; file: string; contentType: string }[] = [
  { name: 'react.production.min.js', pkg: 'react', file: 'umd/react.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  { name: 'react-dom.production.min.js', pkg: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: 'text/javascript; charset=utf-8' },
  { name: 'graphiql.min.js', pkg: 'graphiql', file: 'graphiql.min.js', contentType: 'text/javascript; charset=utf-8' },
  { name: 'graphiql.min.css', pkg: 'graphiql', file: 'graphiql.min.css', contentType: 'text/css; charset=utf-8' },
];

/** Locates GraphiQL's and React's browser builds in node_modules; throws naming any missing file. */
export function resolveGraphiqlAssets(resolvePackageJson: (pkg: string) => string = (pkg) => require.resolve(`${pkg}/package.json`)): GraphiqlAsset[] {
  return FILES.map(({ name, pkg, file, contentType }) => {
    const path = join(dirname(resolvePackageJson(pkg)), file);
    if (!existsSync(path)) throw new Error(`GraphiQL asset ${name} not found at ${path}: is ${pkg} installed (npm ci)?`);
    return { name, path, contentType };
  });
}
