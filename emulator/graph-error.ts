import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from './emulator.types';

/** JSON content type Graph answers with: Int64 values are JSON numbers. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false';

/** A Graph-shaped error answer, with request-id headers as Graph sends them. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): EmulatorResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'content-type': GRAPH_JSON, 'request-id': requestId, 'client-request-id': requestId, ...headers },
    body: { error: { code, message, innerError: { 'request-id': requestId, date: new Date().toISOString() } } },
  };
}

export function graphJson(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'content-type': GRAPH_JSON, 'request-id': randomUUID(), ...headers }, body };
}
