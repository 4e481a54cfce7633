/**
 * Whether the gateway says its upstream is the embedded emulator (`GET /health` answers
 * `upstream: "emulator"`). Any failure means "not known to be the emulator": no token is suggested.
 */
export async function gatewayRunsOnEmulator(gatewayUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${gatewayUrl}/health`, { headers: { accept: 'application/json' } });
    if (!response.ok) return false;
    const body = (await response.json()) as { upstream?: unknown };
    return body.upstream === 'emulator';
  } catch {
    return false;
  }
}
