import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { DOCUMENT_ID_SHAPE, documentIdOf, isSha256DocumentId } from './document-id';

/** Trusted documents by id ("sha256:<hex>" → the document's exact text). */
export type TrustedDocumentMap = ReadonlyMap<string, string>;

export interface LoadedManifests {
  documents: TrustedDocumentMap;
  /** One line per problem, each naming the file (and the key) and what is wrong; empty when all is well. */
  problems: string[];
}

/** A file with every key tampered would otherwise print thousands of lines; the first few say enough. */
const MAX_PROBLEMS_PER_FILE = 5;

const EXPECTED_SHAPE = `a JSON object mapping document ids (${DOCUMENT_ID_SHAPE}) to GraphQL documents, as GraphQL Code Generator's client preset writes persisted-documents.json`;

/**
 * Reads persisted-document manifests and checks each entry: its key must be the sha256 of its
 * document (a manifest edited by hand, or by an attacker, would otherwise run a document under an
 * id the frontend was never built with) and the document must parse. Runs once, at start.
 */
export function loadManifests(paths: string[]): LoadedManifests {
  const documents = new Map<string, string>();
  const problems: string[] = [];
  for (const path of paths) {
    const fileProblems: string[] = [];
    for (const [id, document] of readManifest(path, fileProblems)) documents.set(id, document);
    const shown = fileProblems.slice(0, MAX_PROBLEMS_PER_FILE);
    if (fileProblems.length > shown.length) shown.push(`... and ${fileProblems.length - shown.length} more problems`);
    problems.push(...shown.map((problem) => `TRUSTED_DOCUMENTS file ${JSON.stringify(path)}: ${problem}`));
  }
  return { documents, problems };
}

function readManifest(path: string, problems: string[]): [string, string][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    problems.push(`cannot be read (${(error as Error).message})`);
    return [];
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error: unknown) {
    problems.push(`is not JSON (${(error as Error).message}): expected ${EXPECTED_SHAPE}`);
    return [];
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    problems.push(`holds ${describe(manifest)}: expected ${EXPECTED_SHAPE}`);
    return [];
  }
  const entries = Object.entries(manifest);
  if (entries.length === 0) problems.push(`holds no documents: expected ${EXPECTED_SHAPE}`);
  const verified: [string, string][] = [];
  for (const [key, document] of entries) {
    const problem = problemOfEntry(key, document);
    if (problem) problems.push(`key ${JSON.stringify(key)} ${problem}`);
    else verified.push([normalizeId(key), document as string]);
  }
  return verified;
}

function problemOfEntry(key: string, document: unknown): string | undefined {
  const id = normalizeId(key);
  if (!isSha256DocumentId(id)) return `is not a document id: expected ${DOCUMENT_ID_SHAPE}`;
  if (typeof document !== 'string') return `maps to ${describe(document)}: expected the document's text as a string`;
  const actual = documentIdOf(document);
  if (actual !== id) {
    return `is not the sha256 of its document (the document hashes to ${actual}): the file was changed after it was generated; regenerate it (npm run codegen) instead of editing it`;
  }
  try {
    const parsed = parse(document, { noLocation: true });
    if (!parsed.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) return 'maps to a document with no operation: expected a query or mutation';
  } catch (error: unknown) {
    return `maps to a document that does not parse: ${(error as Error).message}`;
  }
  return undefined;
}

/** Client preset versions before the GraphQL-over-HTTP prefix wrote bare hex keys; both mean the same id. */
function normalizeId(key: string): string {
  return /^[0-9a-f]{64}$/.test(key) ? `sha256:${key}` : key;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
