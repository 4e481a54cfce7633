import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isInternalAddress } from './internal-addresses';

/** node:dns's lookup with `all: true`, or a stand-in (tests). */
export type ResolveAll = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/** The code of a connect refused by this lookup; its message says which host resolved to which address. */
export const INTERNAL_ADDRESS_REFUSED = 'EINTERNALADDRESS';

const resolveAllWithDns: ResolveAll = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * The lookup every upstream socket connects with: a host other than the trusted ones (the
 * configured upstream) may not resolve to a loopback, link-local or private address. Why here, at
 * connect time: the report download follows a URL from Graph's redirect to another origin, checked
 * before it is fetched (download-target.ts), but the socket resolves the name again; a name that
 * answers a public address to the check and an internal one to the connect (DNS rebinding) would
 * have made the gateway a proxy into its own network. Checking the very addresses it connects to
 * closes that gap. The refusal fails the connect with code INTERNAL_ADDRESS_REFUSED.
 */
export function lookupRefusingInternalAddresses(isTrustedHost: (hostname: string) => boolean, resolveAll: ResolveAll = resolveAllWithDns): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      if (!isTrustedHost(hostname)) {
        const internal = addresses.find((a) => isInternalAddress(a.address));
        if (internal) {
          const refusal: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${internal.address}, a loopback, link-local or private address: not connected`);
          refusal.code = INTERNAL_ADDRESS_REFUSED;
          return callback(refusal, '', 0);
        }
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} resolves to no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
