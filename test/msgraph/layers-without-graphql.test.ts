import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const MSGRAPH_DIR = join(__dirname, '..', '..', 'src', 'msgraph');
/** The client's layers and everything they import must work without GraphQL: errors.ts is the one boundary. */
const LAYERS = ['upstream-pipeline.ts', 'transport.ts', 'retry-layer.ts', 'retry-policy.ts', 'attempt-identity-layer.ts', 'observe-layer.ts', 'operation-scope.ts', 'operation-budget-layer.ts', 'caller-fairness-layer.ts', 'upstream-admission.ts', 'tracing-layer.ts', 'batch-span.ts'];

/** Every module specifier `file` imports, followed through relative imports. */
function importsOf(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1]!);
  seen.set(file, specifiers);
  for (const s of specifiers) if (s.startsWith('.')) importsOf(`${resolve(dirname(file), s)}.ts`, seen);
  return seen;
}

describe('the upstream client layers', () => {
  it.each(LAYERS)('%s imports neither graphql nor errors.ts, directly or through its imports', (layer) => {
    const offending = [...importsOf(join(MSGRAPH_DIR, layer))].flatMap(([file, specifiers]) =>
      specifiers.filter((s) => s === 'graphql' || s.endsWith('/errors')).map((s) => `${file.slice(MSGRAPH_DIR.length + 1)} → ${s}`),
    );
    expect(offending).toEqual([]);
  });
});
