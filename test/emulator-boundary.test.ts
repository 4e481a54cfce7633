import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..');
const EMULATOR = join(ROOT, 'emulator');
const SRC = join(ROOT, 'src');
/** The one gateway module the emulator may use: the entity table, pure data. */
const ALLOWED_FROM_SRC = new Set(['activation-counts/activation-counts.properties']);

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? typeScriptFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every module specifier of a file: static imports and exports, import(), require(). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)) found.push(match[1]!);
  return found;
}

describe('the emulator is its own implementation', () => {
  const files = typeScriptFiles(EMULATOR);

  it('finds the emulator sources and their imports (the check below is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(specifiers(join(EMULATOR, 'patch-validation.ts'))).toContain('../src/activation-counts/activation-counts.properties');
  });

  it('imports nothing from src/ but the entity table', () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const specifier of specifiers(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(file, '..', specifier);
        if (!target.startsWith(ROOT)) offending.push(`${relative(ROOT, file)} imports ${specifier} (outside the repository)`);
        else if (target.startsWith(SRC + '/') && !ALLOWED_FROM_SRC.has(relative(SRC, target).replace(/\.(ts|js)$/, ''))) {
          offending.push(`${relative(ROOT, file)} imports ${specifier}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
