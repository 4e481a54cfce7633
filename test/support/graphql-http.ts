import { request, type Dispatcher } from 'undici';

/** An HTTP answer with its body read whole (an unread body would pin the connection). */
export interface HttpAnswer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  /** The content-type header. */
  type: string | undefined;
  text: string;
}

/** The JSON body of a GraphQL POST. */
export interface GraphQLOperation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface SendOptions {
  /** Defaults to undici's global dispatcher. */
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
}

async function answerOf(response: Dispatcher.ResponseData): Promise<HttpAnswer> {
  return { status: response.statusCode, headers: response.headers, type: response.headers['content-type'] as string | undefined, text: await response.body.text() };
}

/** GET `url` (a page, /metrics, /health, or a GraphQL GET with its query in the URL). */
export async function httpGet(url: string, headers: Record<string, string> = {}, options: SendOptions = {}): Promise<HttpAnswer> {
  return answerOf(await request(url, { headers, ...options }));
}

/** POST `body` exactly as given to `${baseUrl}/graphql`: for bodies and content types a well-behaved client would not send. */
export async function postGraphQLBody(baseUrl: string, body: string, headers: Record<string, string> = {}, options: SendOptions = {}): Promise<HttpAnswer> {
  return answerOf(await request(`${baseUrl}/graphql`, { method: 'POST', headers, body, ...options }));
}

/** POST `{ query, variables }` as JSON to `${baseUrl}/graphql`; `headers` may override the content type. */
export function postGraphQL(baseUrl: string, operation: GraphQLOperation, headers: Record<string, string> = {}, options: SendOptions = {}): Promise<HttpAnswer> {
  return postGraphQLBody(baseUrl, JSON.stringify(operation), { 'content-type': 'application/json', ...headers }, options);
}
