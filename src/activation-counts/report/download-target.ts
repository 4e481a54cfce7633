import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isInternalAddress } from '../../security/internal-addresses';

/** Resolves a host name to every address it has (node:dns by default; tests may pass their own). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why the redirect target must not be fetched, or undefined when it may be. A 302 from the
 * upstream is a URL the gateway fetches from inside its network: pointing it at loopback, a
 * private range or the metadata address would make the gateway a proxy into that network. When
 * the configured upstream is itself on loopback (the emulator) loopback targets are expected.
 * Names are resolved here and every address is checked, for a clear refusal. undici resolves again
 * when it connects; that resolution is checked too (security/connect-lookup.ts), so a name that
 * changes its answer in between (rebinding) fails to connect instead.
 */
export async function refusedDownloadTarget(target: URL, upstreamIsLoopback: boolean, resolve: ResolveHost = resolveWithDns): Promise<string | undefined> {
  if (upstreamIsLoopback) return undefined;
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch (error: unknown) {
    return `its host ${JSON.stringify(host)} does not resolve (${(error as { code?: string }).code ?? 'lookup failed'})`;
  }
  const internal = addresses.find(isInternalAddress);
  if (addresses.length === 0) return `its host ${JSON.stringify(host)} resolves to no address`;
  return internal === undefined ? undefined : `its host ${JSON.stringify(host)} is ${internal}, a loopback, link-local or private address`;
}
