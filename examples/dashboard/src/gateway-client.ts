import { Client, fetchExchange, type Exchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

export interface GatewayClientOptions {
  gatewayUrl: string;
  /** Read at each request, so the token lives only in the page's token field. */
  bearerToken: () => string;
  persisted: boolean;
}

/** The hash the client preset stored in each typed document (`__meta__.hash`, "sha256:<hex>"): the manifest's key. */
function manifestHash(_query: string, document: unknown): Promise<string> {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('This document has no persisted hash: regenerate it with `npm run codegen`');
  // Apollo's extensions.persistedQuery.sha256Hash carries the bare hex digest.
  return Promise.resolve(hash.replace(/^sha256:/, ''));
}

/**
 * An urql client for the gateway. No document cache: every view asks the gateway again, so an
 * edit is never hidden behind a stale answer. POST always: Apollo's CSRF prevention refuses a
 * cross-origin GET without a preflight header, and POST keeps one path for persisted and plain operations.
 */
export function createGatewayClient(options: GatewayClientOptions): Client {
  const exchanges: Exchange[] = [fetchExchange];
  if (options.persisted) {
    // enforcePersistedQueries: never fall back to sending the text (a trusted-documents gateway refuses it anyway).
    exchanges.unshift(persistedExchange({ generateHash: manifestHash, enforcePersistedQueries: true, enableForMutation: true, preferGetForPersistedQueries: false }));
  }
  return new Client({
    url: `${options.gatewayUrl}/graphql`,
    exchanges,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: (): RequestInit => {
      const token = options.bearerToken().trim().replace(/^Bearer\s+/i, '');
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
