import { DOCUMENT_ID_SHAPE, documentIdOf, documentIdOfApqHash, isSha256DocumentId } from './document-id';
import type { TrustedDocumentsSettings } from './trusted-documents-config';

/** Codes of the refusals, in `extensions.code`. */
export const TrustedDocumentErrorCode = {
  PERSISTED_DOCUMENT_REQUIRED: 'PERSISTED_DOCUMENT_REQUIRED',
  PERSISTED_DOCUMENT_NOT_FOUND: 'PERSISTED_DOCUMENT_NOT_FOUND',
  PERSISTED_DOCUMENTS_NOT_CONFIGURED: 'PERSISTED_DOCUMENTS_NOT_CONFIGURED',
  BAD_REQUEST: 'BAD_REQUEST',
} as const;
export type TrustedDocumentErrorCode = (typeof TrustedDocumentErrorCode)[keyof typeof TrustedDocumentErrorCode];

/** The parameters of one request that name its document, however it was sent (POST body or GET query string). */
export interface DocumentParameters {
  /** GraphQL-over-HTTP persisted documents: `documentId`. Undefined when absent. */
  documentId: unknown;
  query: unknown;
  /** Apollo APQ: `extensions.persistedQuery` (`{ version: 1, sha256Hash }`). Undefined when absent. */
  persistedQuery: unknown;
}

export type DocumentDecision =
  /** Runs. `document` is set when the request named it by id and the text must be put in its place. */
  | { kind: 'trusted'; document?: string }
  | { kind: 'ad_hoc' }
  | { kind: 'refused'; code: TrustedDocumentErrorCode; message: string }
  /** Nothing here names a document: Apollo explains what is missing. */
  | { kind: 'not_a_document' };

const HOW_TO_SEND = `send {"documentId": "sha256:<hex>", "variables": {...}} with the id of an operation from the client's persisted-documents manifest (npm run codegen writes it)`;

function refused(code: TrustedDocumentErrorCode, message: string): DocumentDecision {
  return { kind: 'refused', code, message };
}

/**
 * Decides, before anything is parsed, whether a request's document runs. Without settings (no
 * TRUSTED_DOCUMENTS) only `documentId` is answered here; Apollo's own APQ keeps working as before.
 */
export function decideDocument(parameters: DocumentParameters, settings: TrustedDocumentsSettings | undefined): DocumentDecision {
  // null means absent, as Apollo reads `query: null` (else `query: null` plus a hash would skip the checks below).
  const present = withoutNulls(parameters);
  const { documentId, query, persistedQuery } = present;
  if (documentId !== undefined) return decideDocumentId(documentId, present, settings);
  if (typeof query === 'string') {
    if (settings === undefined) return { kind: 'ad_hoc' };
    // The exact text of a manifest entry is that entry (same id): an APQ client's fallback request sends it.
    if (settings.documents.has(documentIdOf(query))) return { kind: 'trusted' };
    if (settings.mode === 'allow') return { kind: 'ad_hoc' };
    return refused(
      TrustedDocumentErrorCode.PERSISTED_DOCUMENT_REQUIRED,
      `This gateway accepts only trusted documents (TRUSTED_DOCUMENTS_MODE=require), and the operation text sent is not one of them; ad-hoc operations (GraphiQL, a hand-written query) are refused: ${HOW_TO_SEND}`,
    );
  }
  if (query !== undefined || persistedQuery === undefined || settings === undefined) return { kind: 'not_a_document' };
  return decideApqHash(persistedQuery, settings);
}

function withoutNulls(parameters: DocumentParameters): DocumentParameters {
  const { documentId, query, persistedQuery } = parameters;
  return { documentId: documentId ?? undefined, query: query ?? undefined, persistedQuery: persistedQuery ?? undefined };
}

function decideDocumentId(documentId: unknown, parameters: DocumentParameters, settings: TrustedDocumentsSettings | undefined): DocumentDecision {
  if (typeof documentId !== 'string') {
    return refused(TrustedDocumentErrorCode.BAD_REQUEST, `documentId must be a string: expected ${DOCUMENT_ID_SHAPE}`);
  }
  if (parameters.query !== undefined || parameters.persistedQuery !== undefined) {
    const other = parameters.query !== undefined ? '"query"' : '"extensions.persistedQuery"';
    return refused(TrustedDocumentErrorCode.BAD_REQUEST, `The request has both "documentId" and ${other}: send only one of them`);
  }
  if (settings === undefined) {
    return refused(
      TrustedDocumentErrorCode.PERSISTED_DOCUMENTS_NOT_CONFIGURED,
      `documentId ${JSON.stringify(documentId)} cannot be looked up: trusted documents are not configured on this gateway (its operator sets TRUSTED_DOCUMENTS to a manifest); send the operation text as "query" instead`,
    );
  }
  if (!isSha256DocumentId(documentId)) {
    return refused(
      TrustedDocumentErrorCode.PERSISTED_DOCUMENT_NOT_FOUND,
      `documentId ${JSON.stringify(documentId)} is not a document id this gateway knows: expected ${DOCUMENT_ID_SHAPE}`,
    );
  }
  return lookUp(documentId, `documentId ${documentId}`, settings);
}

function decideApqHash(persistedQuery: unknown, settings: TrustedDocumentsSettings): DocumentDecision {
  const hash = (persistedQuery as { sha256Hash?: unknown } | null)?.sha256Hash;
  const id = typeof hash === 'string' ? documentIdOfApqHash(hash) : undefined;
  const document = id !== undefined && isSha256DocumentId(id) ? settings.documents.get(id) : undefined;
  if (document !== undefined) return { kind: 'trusted', document };
  // allow: Apollo's APQ answers PERSISTED_QUERY_NOT_FOUND (or its cached text), so APQ clients fall back to sending the text.
  if (settings.mode === 'allow') return { kind: 'ad_hoc' };
  return notFound(`extensions.persistedQuery.sha256Hash ${JSON.stringify(hash)}`, settings);
}

function lookUp(id: string, what: string, settings: TrustedDocumentsSettings): DocumentDecision {
  const document = settings.documents.get(id);
  return document !== undefined ? { kind: 'trusted', document } : notFound(what, settings);
}

function notFound(what: string, settings: TrustedDocumentsSettings): DocumentDecision {
  return refused(
    TrustedDocumentErrorCode.PERSISTED_DOCUMENT_NOT_FOUND,
    `${what} is not one of the ${settings.documents.size} trusted documents of this gateway: the client was built with operations the deployed manifest does not hold; rebuild it, or deploy its manifest`,
  );
}
