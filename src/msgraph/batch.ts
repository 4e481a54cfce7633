import type { GraphClient, UpstreamResponse } from './client';
import { pathWithoutQueryValues } from './upstream-hooks';
import type { BatchTrace } from './upstream-tracing';

/** Microsoft Graph refuses JSON batches of more than 20 requests. */
export const MAX_BATCH_SIZE = 20;

export interface BatchSubRequest {
  id: string;
  method: 'GET';
  /** Relative to the version root, e.g. /reports/office365ActivationCounts/abc?$select=id */
  url: string;
}

export interface BatchSubResponse {
  id: string;
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  /**
   * The $batch call carrying this item produced no answer (budget used up, deadline, network):
   * the client's error for it, status 0. Other items of the operation keep their answers.
   */
  error?: Error;
}

export function splitIntoChunks<T>(items: readonly T[], size: number = MAX_BATCH_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function lowerCaseHeaders(value: unknown): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  if (typeof value !== 'object' || value === null) return headers;
  // for...in rather than Object.entries: once per $batch item, without an array per header.
  const source = value as Record<string, unknown>;
  for (const name in source) {
    const v = source[name];
    if (typeof v === 'string') headers[name.toLowerCase()] = v;
  }
  return headers;
}

function syntheticFailure(id: string, status: number, code: string, message: string, headers: Record<string, string | undefined> = {}): BatchSubResponse {
  return { id, status, headers, body: { error: { code, message } } };
}

/**
 * Matches a $batch answer to the ids sent. Graph answers in any order, so matching is by id only;
 * an id the answer leaves out, or answers twice, becomes a 502 for that item alone.
 */
export function matchBatchResponses(answerBody: unknown, sentIds: readonly string[]): Map<string, BatchSubResponse> {
  // One map is both the set of ids sent (undefined: not answered yet) and the answers: no Set per call.
  const byId = new Map<string, BatchSubResponse | undefined>();
  for (const id of sentIds) byId.set(id, undefined);
  const responses = (answerBody as { responses?: unknown } | undefined)?.responses;
  let duplicated: string[] | undefined;
  if (Array.isArray(responses)) {
    for (const raw of responses) {
      if (typeof raw !== 'object' || raw === null) continue;
      const { id, status: rawStatus, headers, body } = raw as Record<string, unknown>;
      // The lossless parser reads every integer as bigint, statuses included.
      const status = typeof rawStatus === 'bigint' ? Number(rawStatus) : rawStatus;
      if (typeof id !== 'string' || typeof status !== 'number' || !byId.has(id)) continue;
      if (byId.get(id) !== undefined) (duplicated ??= []).push(id);
      byId.set(id, { id, status, headers: lowerCaseHeaders(headers), body });
    }
  }
  // Two answers for one request: neither can be trusted to be the one asked for.
  for (const id of duplicated ?? []) {
    byId.set(id, syntheticFailure(id, 502, 'DuplicateBatchResponse', `the $batch answer had more than one response for request ${id}`, byId.get(id)!.headers));
  }
  for (const id of sentIds) {
    if (byId.get(id) === undefined) byId.set(id, syntheticFailure(id, 502, 'MissingBatchResponse', `the $batch answer had no response for request ${id}`));
  }
  return byId as Map<string, BatchSubResponse>;
}

interface ChunkOutcome {
  responses: Map<string, BatchSubResponse>;
  /** The $batch call itself failed: GraphClient.send has already retried it, so its items are not retried again. */
  wholeBatchFailed: boolean;
}

async function sendChunk(client: GraphClient, chunk: readonly BatchSubRequest[], action: string): Promise<ChunkOutcome> {
  const ids = chunk.map((r) => r.id);
  let answer: UpstreamResponse;
  try {
    answer = await client.send({ method: 'POST', path: '/$batch', body: { requests: chunk }, action });
  } catch (error: unknown) {
    // This call alone failed: its items carry the error, the other calls' answers stay.
    const failure = error instanceof Error ? error : new Error(String(error));
    return { responses: new Map(ids.map((id) => [id, { id, status: 0, headers: {}, body: undefined, error: failure }])), wholeBatchFailed: true };
  }
  if (answer.status !== 200) {
    // The whole batch failed (throttled, refused): every item carries that failure.
    const responses = new Map(ids.map((id) => [id, { id, status: answer.status, headers: answer.headers, body: answer.body }]));
    return { responses, wholeBatchFailed: true };
  }
  return { responses: matchBatchResponses(answer.body, ids), wholeBatchFailed: false };
}

/**
 * Sends GET sub-requests as $batch calls of at most 20, concurrently (the operation's budget layer
 * lets MAX_BATCHES_IN_FLIGHT_PER_OPERATION of them fly at once), then retries only the items
 * the client's retry policy retries (429/503/504, after their own Retry-After), never past the
 * client's deadline; each retried item is reported like any retried call. Items that succeeded
 * are never resent.
 */
export function executeBatch(client: GraphClient, requests: readonly BatchSubRequest[], action: string): Promise<Map<string, BatchSubResponse>> {
  return client.inBatchSpan(requests.length, (trace) => sendInRounds(client, requests, action, trace));
}

async function sendInRounds(client: GraphClient, requests: readonly BatchSubRequest[], action: string, trace: BatchTrace | undefined): Promise<Map<string, BatchSubResponse>> {
  const results = new Map<string, BatchSubResponse>();
  let pending: readonly BatchSubRequest[] = requests;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const chunks = splitIntoChunks(pending);
    for (const chunk of chunks) client.reportBatch(chunk.length);
    const answers = await Promise.all(chunks.map((chunk) => sendChunk(client, chunk, action)));
    const delays = new Map<BatchSubRequest, number>();
    answers.forEach((answer, index) => {
      for (const [id, response] of answer.responses) results.set(id, response);
      // The client has already retried a call that failed as a whole: its items are not retried again.
      if (answer.wholeBatchFailed) return;
      for (const request of chunks[index]!) {
        const { status, headers } = answer.responses.get(request.id)!;
        const delayMs = client.retryDelayOfBatchItem(attempt, status, headers['retry-after']);
        if (delayMs !== undefined) delays.set(request, delayMs);
      }
    });
    if (delays.size === 0) break;
    const retried = [...delays.keys()].map((r) => ({ method: r.method, path: pathWithoutQueryValues(r.url), status: results.get(r.id)!.status, attempt }));
    if (!(await client.waitBeforeRetry(Math.max(...delays.values()), retried, action))) break;
    pending = [...delays.keys()];
    trace?.itemsRetried(pending.length, attempt + 1, Math.max(...delays.values()));
  }
  return results;
}
