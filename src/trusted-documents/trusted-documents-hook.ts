import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Counter } from 'prom-client';
import { decideDocument, TrustedDocumentErrorCode, type DocumentParameters } from './document-decision';
import type { TrustedDocumentsSettings } from './trusted-documents-config';

export interface TrustedDocumentsOptions {
  /** From config (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_MODE); undefined: no manifest, `documentId` is answered with an explanation. */
  settings: TrustedDocumentsSettings | undefined;
  /** Counts each request's document by kind: trusted, ad_hoc or refused. */
  documents: Counter<'kind'>;
  /** The GraphQL route. Default /graphql. */
  endpoint?: string;
}

type JsonObject = Record<string, unknown>;
type Refusal = { code: string; message: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves persisted-document requests into plain GraphQL requests, and refuses the documents the
 * mode does not allow, in a preHandler: after the body is read, before Apollo parses anything. The
 * request Apollo then sees carries the trusted text as `query`, so its own pipeline applies as for
 * any request: CSRF prevention, GET-is-not-a-mutation (405), limits, the parsed-document cache.
 */
export function registerTrustedDocuments(app: FastifyInstance, options: TrustedDocumentsOptions): void {
  const endpoint = options.endpoint ?? '/graphql';
  // A callback hook, not an async one: a request let through (nearly all of them) costs no promise.
  // A refusal sends its answer and does not call done.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.routeOptions.url !== endpoint) return done();
    const get = request.method === 'GET';
    if (!get && request.method !== 'POST') return done();
    const found = get ? parametersOfQueryString(request) : parametersOfBody(request.body);
    if ('refusal' in found) return void refuse(request, reply, options, found.refusal);
    const decision = decideDocument(found, options.settings);
    if (decision.kind === 'not_a_document') return done();
    if (decision.kind === 'refused') return void refuse(request, reply, options, decision);
    options.documents.inc({ kind: decision.kind });
    if (decision.kind === 'trusted' && decision.document !== undefined) (get ? rewriteQueryString : rewriteBody)(request, decision.document);
    done();
  });
}

function refuse(request: FastifyRequest, reply: FastifyReply, options: TrustedDocumentsOptions, refusal: Refusal): FastifyReply {
  options.documents.inc({ kind: 'refused' });
  request.log.info({ code: refusal.code }, 'document refused before parsing');
  return reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: refusal.message, extensions: { code: refusal.code, requestId: String(request.id) } }] });
}

function parametersOfBody(body: unknown): DocumentParameters {
  // A body that is not an object is Apollo's to refuse ("POST body missing...").
  if (!isObject(body)) return { documentId: undefined, query: undefined, persistedQuery: undefined };
  const extensions = body.extensions;
  return { documentId: body.documentId, query: body.query, persistedQuery: isObject(extensions) ? extensions.persistedQuery : undefined };
}

function searchParamsOf(request: FastifyRequest): URLSearchParams {
  const start = request.url.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : request.url.slice(start + 1));
}

function parametersOfQueryString(request: FastifyRequest): DocumentParameters | { refusal: Refusal } {
  const params = searchParamsOf(request);
  const ids = params.getAll('documentId');
  if (ids.length > 1) return { refusal: { code: TrustedDocumentErrorCode.BAD_REQUEST, message: `The documentId parameter is given ${ids.length} times: give it once` } };
  return { documentId: ids[0], query: params.get('query') ?? undefined, persistedQuery: parsedExtensions(params.get('extensions'))?.persistedQuery };
}

/** Invalid JSON here is left to Apollo, which explains it ("The extensions search parameter contains invalid JSON"). */
function parsedExtensions(extensions: string | null): JsonObject | undefined {
  if (extensions === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(extensions);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function withoutPersistedQuery(extensions: JsonObject): JsonObject {
  // Apollo's APQ would otherwise store a copy of a document the manifest already holds.
  const { persistedQuery: _resolved, ...rest } = extensions;
  return rest;
}

function rewriteBody(request: FastifyRequest, document: string): void {
  const { documentId: _resolved, ...body } = request.body as JsonObject;
  if (isObject(body.extensions)) body.extensions = withoutPersistedQuery(body.extensions);
  request.body = { ...body, query: document };
}

function rewriteQueryString(request: FastifyRequest, document: string): void {
  const params = searchParamsOf(request);
  params.delete('documentId');
  params.set('query', document);
  const extensions = parsedExtensions(params.get('extensions'));
  if (extensions?.persistedQuery !== undefined) params.set('extensions', JSON.stringify(withoutPersistedQuery(extensions)));
  // The Apollo integration reads a GET request's parameters from the URL (request.url is raw.url).
  const path = request.url.split('?', 1)[0];
  request.raw.url = `${path}?${params.toString()}`;
}
