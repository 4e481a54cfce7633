import { request, type Dispatcher } from 'undici';
import type { AbortEmitter } from './call-signal';
import { INTERNAL_ADDRESS_REFUSED } from '../security/connect-lookup';
import { parseUpstreamJson, UpstreamJsonError } from './json';
import type { UpstreamCall, UpstreamHandler, UpstreamResponse } from './upstream-call';
import { UpstreamFailure } from './upstream-failure';

export interface TransportOptions {
  /** The process's one shared pool (dispatcher.ts). */
  dispatcher: Dispatcher;
  /** Bodies above this are refused rather than buffered without bound. Default 16 MiB. */
  maxResponseBytes?: number;
  /** Parses a JSON body; default parseUpstreamJson (lossless). */
  parseJson?: (text: string) => unknown;
}

const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  // for...in rather than Object.entries: once per upstream answer, without an array per header.
  for (const name in headers) {
    const value = headers[name];
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

async function readBody(response: Dispatcher.ResponseData, maxBytes: number, call: UpstreamCall): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    // The operation's byte budget is checked as the body streams in, not after it is buffered.
    call.scope.budget.countBytes((chunk as Buffer).length, response.statusCode);
    if (size > maxBytes) {
      response.body.destroy();
      throw new UpstreamFailure('BODY_TOO_LARGE', `a body larger than ${maxBytes} bytes`, response.statusCode);
    }
    chunks.push(chunk as Buffer);
  }
  // Most answers arrive in one chunk: concat would copy it for nothing.
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

function parseBody(text: string, contentType: string | undefined, status: number, parseJson: (text: string) => unknown): unknown {
  if (text.length === 0) return undefined;
  const looksJson = contentType?.includes('json') || /^\s*[{[]/.test(text);
  if (!looksJson) return undefined;
  try {
    return parseJson(text);
  } catch (error: unknown) {
    // An error status keeps its status mapping even when its body is garbage.
    if (status >= 400) return undefined;
    const message = error instanceof UpstreamJsonError ? error.message : String(error);
    throw new UpstreamFailure('INVALID_JSON', message, status, { cause: error });
  }
}

function throwIfStopped(call: UpstreamCall): void {
  if (call.scope.hasStopped()) throw call.scope.stopped();
}

/** An abort is the caller leaving or the budget ending; anything else is the network. */
function classify(error: unknown, signal: AbortEmitter, call: UpstreamCall): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  if (signal.aborted) return call.scope.stopped(error);
  const code = error instanceof Error ? (error as { code?: string }).code : undefined;
  // A system error is named by its code (ECONNREFUSED, ETIMEDOUT); a connect refused by the
  // lookup keeps its message, which says why.
  const reason = error instanceof Error ? (code === INTERNAL_ADDRESS_REFUSED ? error.message : (code ?? error.message)) : String(error);
  return new UpstreamFailure('NETWORK', reason, undefined, { cause: error });
}

/**
 * The innermost layer: one HTTP exchange through the shared dispatcher, bounded by the operation's
 * deadline and the caller's signal, the body capped and read to the end (never left pinning a
 * socket), JSON parsed losslessly. Answers every status; throws only UpstreamFailure.
 */
export function createTransport(options: TransportOptions): UpstreamHandler {
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const parseJson = options.parseJson ?? parseUpstreamJson;
  return async (call: UpstreamCall): Promise<UpstreamResponse> => {
    if (call.scope.remainingMs() <= 0) throw call.scope.stopped();
    // Released once the body is read: the budget's timer must not outlive the call (see call-signal.ts).
    const callSignal = call.scope.startCall();
    const { signal } = callSignal;
    let status: number;
    let headers: Record<string, string | undefined>;
    let raw: Buffer;
    try {
      const response = await request(call.url, { method: call.method, headers: call.headers, body: call.body, dispatcher: options.dispatcher, signal });
      status = response.statusCode;
      headers = flattenHeaders(response.headers);
      try {
        raw = await readBody(response, maxBytes, call);
      } catch (error: unknown) {
        response.body.destroy();
        throw error;
      }
    } catch (error: unknown) {
      throw classify(error, signal, call);
    } finally {
      callSignal.release();
    }
    // Parsing a large body takes time too: it never starts past the deadline, and a parse that
    // ends past it does not count as an answer in time.
    throwIfStopped(call);
    const text = raw.toString('utf8');
    const body = parseBody(text, headers['content-type'], status, parseJson);
    throwIfStopped(call);
    return { status, headers, text, body, bytes: raw.length };
  };
}
