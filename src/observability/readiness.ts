import { request, type Dispatcher } from 'undici';

export interface ReadinessResult {
  ready: boolean;
  /** What was checked and what happened, for the /ready body (no secrets: the probe sends no token). */
  detail: string;
}

/**
 * Ready when the upstream answers anything at all (even 401 or 404) to an unauthenticated GET of
 * its version root within `timeoutMs`: that proves DNS, TCP, TLS and a live HTTP server. Nothing
 * better is possible without a token, and a token must not be kept for probes.
 */
export async function checkUpstreamReachable(baseUrl: string, dispatcher: Dispatcher, timeoutMs: number): Promise<ReadinessResult> {
  try {
    const response = await request(baseUrl, { method: 'GET', dispatcher, signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    await response.body.dump();
    return { ready: true, detail: `upstream answered HTTP ${response.statusCode}` };
  } catch (error: unknown) {
    const reason = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : String(error);
    return { ready: false, detail: `upstream ${new URL(baseUrl).origin} not reachable within ${timeoutMs} ms (${reason})` };
  }
}
