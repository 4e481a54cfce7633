import { decideDocument, type DocumentDecision, type DocumentParameters } from '../../src/trusted-documents/document-decision';
import { documentIdOf } from '../../src/trusted-documents/document-id';
import type { TrustedDocumentsSettings } from '../../src/trusted-documents/trusted-documents-config';

const TEXT = 'query Known { __typename }';
const ID = documentIdOf(TEXT);
const HASH = ID.slice('sha256:'.length);
const OTHER = documentIdOf('{ other }');
const settings = (mode: 'allow' | 'require'): TrustedDocumentsSettings => ({ manifests: ['m.json'], mode, documents: new Map([[ID, TEXT]]) });
const params = (p: Partial<DocumentParameters>): DocumentParameters => ({ documentId: undefined, query: undefined, persistedQuery: undefined, ...p });
const apq = (sha256Hash: unknown) => ({ version: 1, sha256Hash });

describe('decideDocument', () => {
  // Every row has five values: with fewer, Jest would pass its done callback as `detail`.
  it.each<[string, Partial<DocumentParameters>, 'allow' | 'require' | 'none', DocumentDecision['kind'], string | undefined]>([
    ['known id', { documentId: ID }, 'allow', 'trusted', TEXT],
    ['known id, require', { documentId: ID }, 'require', 'trusted', TEXT],
    ['unknown id', { documentId: OTHER }, 'allow', 'refused', 'PERSISTED_DOCUMENT_NOT_FOUND'],
    ['id without its prefix', { documentId: HASH }, 'allow', 'refused', 'PERSISTED_DOCUMENT_NOT_FOUND'],
    ['id without manifests', { documentId: ID }, 'none', 'refused', 'PERSISTED_DOCUMENTS_NOT_CONFIGURED'],
    ['id and query', { documentId: ID, query: TEXT }, 'allow', 'refused', 'BAD_REQUEST'],
    ['null id is no id', { documentId: null, query: '{ a }' }, 'allow', 'ad_hoc', undefined],
    ['ad-hoc text, allow', { query: '{ a }' }, 'allow', 'ad_hoc', undefined],
    ['ad-hoc text, require', { query: '{ a }' }, 'require', 'refused', 'PERSISTED_DOCUMENT_REQUIRED'],
    ['ad-hoc text without manifests', { query: '{ a }' }, 'none', 'ad_hoc', undefined],
    ['empty text, require', { query: '' }, 'require', 'refused', 'PERSISTED_DOCUMENT_REQUIRED'],
    ['exact manifest text, require', { query: TEXT }, 'require', 'trusted', undefined], // runs as sent
    ['manifest text with one more space', { query: `${TEXT} ` }, 'require', 'refused', 'PERSISTED_DOCUMENT_REQUIRED'], // ids are over exact text
    ['APQ hash known', { persistedQuery: apq(HASH) }, 'require', 'trusted', TEXT],
    ['APQ hash unknown, allow', { persistedQuery: apq(OTHER.slice(7)) }, 'allow', 'ad_hoc', undefined], // Apollo's APQ answers
    ['APQ hash unknown, require', { persistedQuery: apq(OTHER.slice(7)) }, 'require', 'refused', 'PERSISTED_DOCUMENT_NOT_FOUND'],
    ['APQ hash not a string, require', { persistedQuery: apq(7) }, 'require', 'refused', 'PERSISTED_DOCUMENT_NOT_FOUND'],
    ['APQ hash with query null, require', { query: null, persistedQuery: apq(OTHER.slice(7)) }, 'require', 'refused', 'PERSISTED_DOCUMENT_NOT_FOUND'],
    ['APQ without manifests', { persistedQuery: apq(HASH) }, 'none', 'not_a_document', undefined], // plain Apollo APQ
    ['query not a string', { query: { kind: 'Document' } }, 'require', 'not_a_document', undefined], // Apollo refuses it, unparsed
    ['nothing', {}, 'require', 'not_a_document', undefined],
  ])('%s', (_edge, p, mode, kind, detail) => {
    const decision = decideDocument(params(p), mode === 'none' ? undefined : settings(mode));
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'trusted') expect(decision.document).toBe(detail);
    if (decision.kind === 'refused') expect(decision.code).toBe(detail);
  });
});
