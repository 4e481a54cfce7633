import { loadManifests, type TrustedDocumentMap } from './manifest';

/** `allow`: known ids run and ad-hoc documents still do; `require`: only documents of the manifests run. */
export type TrustedDocumentsMode = 'allow' | 'require';

const MODES: readonly TrustedDocumentsMode[] = ['allow', 'require'];

export interface TrustedDocumentsSettings {
  /** The manifest files, as TRUSTED_DOCUMENTS lists them (comma-separated). */
  manifests: string[];
  /** TRUSTED_DOCUMENTS_MODE. Default allow. */
  mode: TrustedDocumentsMode;
  /** Every document of every manifest, verified at start. */
  documents: TrustedDocumentMap;
}

type Env = Record<string, string | undefined>;

/** Reads TRUSTED_DOCUMENTS and TRUSTED_DOCUMENTS_MODE; undefined when no manifest is configured. */
export function readTrustedDocuments(env: Env, problems: string[]): TrustedDocumentsSettings | undefined {
  const manifests = (env.TRUSTED_DOCUMENTS ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const rawMode = env.TRUSTED_DOCUMENTS_MODE ?? '';
  const mode = rawMode === '' ? 'allow' : (MODES.find((m) => m === rawMode) ?? 'allow');
  if (rawMode !== '' && mode !== rawMode) problems.push(`TRUSTED_DOCUMENTS_MODE=${JSON.stringify(rawMode)}: expected one of ${MODES.join(', ')}`);
  if (manifests.length === 0) {
    // "require" with nothing to require would refuse every operation: surely a forgotten manifest.
    if (rawMode !== '') problems.push(`TRUSTED_DOCUMENTS_MODE=${JSON.stringify(rawMode)} needs TRUSTED_DOCUMENTS=<path[,path]> (the persisted-documents manifests)`);
    return undefined;
  }
  const { documents, problems: manifestProblems } = loadManifests(manifests);
  problems.push(...manifestProblems);
  return { manifests, mode, documents };
}
