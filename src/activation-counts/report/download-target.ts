import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address it has (node:dns by default; tests may pass their own). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Addresses a report download must never reach: this host, its link and private networks. */
function internalAddresses(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
    ['172.16.0.0', 12], // private
    ['192.168.0.0', 16], // private
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ] as const) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
  ] as const) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

const INTERNAL = internalAddresses();

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it carries. */
function isInternal(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  return family === 0 || INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why the redirect target must not be fetched, or undefined when it may be. A 302 from the
 * upstream is a URL the gateway fetches from inside its network: pointing it at loopback, a
 * private range or the metadata address would make the gateway a proxy into that network. When
 * the configured upstream is itself on loopback (the emulator) loopback targets are expected.
 * Names are resolved here and every address is checked; undici resolves again when it connects,
 * so a name that changes its answer in between is not caught (rebinding).
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
  const internal = addresses.find(isInternal);
  if (addresses.length === 0) return `its host ${JSON.stringify(host)} resolves to no address`;
  return internal === undefined ? undefined : `its host ${JSON.stringify(host)} is ${internal}, a loopback, link-local or private address`;
}
