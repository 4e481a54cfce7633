import { join } from 'node:path';
import { request } from 'undici';
import { ActivationCountsByIdDocument, UpdateWindowsOnlyDocument } from '../generated/client/graphql';
import { TOKEN } from '../support/harness';

/** The manifest `npm run codegen` writes from test/operations/*.graphql (committed; the drift test keeps it current). */
export const COMMITTED_MANIFEST = join(__dirname, '..', 'generated', 'client', 'persisted-documents.json');

/** The client preset puts each document's id in `__meta__.hash`: what a frontend built with it sends. */
function idOf(document: unknown): string {
  return (document as { __meta__: { hash: string } }).__meta__.hash;
}
export const BY_ID = idOf(ActivationCountsByIdDocument);
export const UPDATE_WINDOWS = idOf(UpdateWindowsOnlyDocument);
/** A well-formed id no manifest holds. */
export const UNKNOWN_ID = `sha256:${'0'.repeat(64)}`;

export interface Answer {
  status: number;
  body: any;
}

/** POSTs a JSON body as it is, so requests without `query` can be sent. */
export async function postJson(url: string, body: unknown): Promise<Answer> {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: TOKEN },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: await response.body.json() };
}

/** GET /graphql with these parameters; with Apollo's CSRF header unless `preflight` is false. */
export async function getWith(url: string, params: Record<string, string>, options: { preflight?: boolean } = {}): Promise<Answer> {
  const headers: Record<string, string> = { authorization: TOKEN };
  if (options.preflight ?? true) headers['apollo-require-preflight'] = 'true';
  const response = await request(`${url}/graphql?${new URLSearchParams(params).toString()}`, { headers });
  return { status: response.statusCode, body: await response.body.json() };
}

/** The value of gateway_graphql_documents_total{kind=...}, 0 when the series is absent. */
export async function documentsCounted(url: string, kind: string): Promise<number> {
  const text = await (await request(`${url}/metrics`)).body.text();
  const line = text.split('\n').find((l) => l.startsWith(`gateway_graphql_documents_total{kind="${kind}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}
