/** Tokens the emulator answers `401 InvalidAuthenticationToken`, so tests can show what a refused caller gets. */
export interface TokenRefusalOptions {
  /** Exact tokens (without "Bearer ") to refuse. */
  tokens?: string[];
  /** Any token starting with one of these is refused. */
  prefixes?: string[];
}

/** Whether the bearer token in `authorization` is one the emulator was told to refuse. */
export function isRefusedToken(options: TokenRefusalOptions | undefined, authorization: string | undefined): boolean {
  if (!options) return false;
  const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return false;
  return (options.tokens ?? []).includes(token) || (options.prefixes ?? []).some((prefix) => prefix !== '' && token.startsWith(prefix));
}
