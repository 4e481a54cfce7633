import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';

/** Options for the one upstream connection pool of a process. */
export interface UpstreamPoolOptions {
  /** Most sockets per upstream origin. Default 64: enough for 50 concurrent callers plus $batch fan-out. */
  connections?: number;
  /** Idle keep-alive before a socket is closed. Default 30 s. */
  keepAliveTimeoutMs?: number;
  /** How sockets resolve host names (security/connect-lookup.ts); default node's. */
  lookup?: LookupFunction;
}

/**
 * One keep-alive pool per process, shared by all callers: sockets carry no caller state, tokens
 * travel per request. Header/body timeouts are a backstop; the real deadline is the per-operation
 * AbortSignal in GraphClient.
 */
export function createUpstreamDispatcher(options: UpstreamPoolOptions = {}): Agent {
  return new Agent({
    connections: options.connections ?? 64,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
    ...(options.lookup ? { connect: { lookup: options.lookup } } : {}),
  });
}
