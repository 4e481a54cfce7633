import { parseJson, stringifyJson } from './json';
import type { EmulatorRequest, EmulatorResponse } from './emulator.types';
import { graphError, graphJson } from './graph-error';

const MAX_BATCH_REQUESTS = 20;

type Dispatch = (request: EmulatorRequest) => Promise<EmulatorResponse>;

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * POST /$batch as Graph answers it: at most 20 requests, unique ids, each item handled on its own
 * (its own status), answers in shuffled order so clients must match by id.
 */
export async function handleBatch(request: EmulatorRequest, dispatch: Dispatch, random: () => number): Promise<EmulatorResponse> {
  let body: unknown;
  try {
    body = parseJson(request.bodyText);
  } catch {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  }
  const requests = (body as { requests?: unknown })?.requests;
  if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format: "requests" must be a non-empty array.');
  if (requests.length > MAX_BATCH_REQUESTS) return graphError(400, 'BadRequest', `Number of batch request steps exceeds the maximum value of ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const item of requests as Record<string, unknown>[]) {
    if (typeof item?.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string') {
      return graphError(400, 'BadRequest', 'Each batch request needs string "id", "method" and "url".');
    }
    if (ids.has(item.id)) return graphError(400, 'BadRequest', `Batch request ids must be unique; '${item.id}' is repeated.`);
    ids.add(item.id);
  }
  const responses = await Promise.all(
    (requests as { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[]).map(async (item) => {
      const url = new URL(item.url, 'http://batch.invalid');
      const headers: Record<string, string | undefined> = { authorization: request.headers.authorization };
      for (const [k, v] of Object.entries(item.headers ?? {})) headers[k.toLowerCase()] = v;
      const answer = await dispatch({
        method: item.method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        bodyText: item.body === undefined ? '' : stringifyJson(item.body),
        version: request.version,
        transport: 'batch',
      });
      return { id: item.id, status: answer.status, headers: answer.headers, body: answer.body };
    }),
  );
  return graphJson(200, { responses: shuffle(responses, random) });
}
