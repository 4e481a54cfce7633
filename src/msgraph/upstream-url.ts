import { decodedParameterName } from '../query-parameter-name';

/**
 * The path below the version root (with its query) when `link` is on the base URL's origin and
 * under its path, else undefined. Links are compared after WHATWG normalization, so `..` or
 * `%2E%2E` segments cannot climb out of the base path, and the caller's token is only ever sent
 * where the configuration says.
 */
export function pathUnderBase(baseUrl: string, link: string): string | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || url.username || url.password) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (!url.pathname.startsWith(`${basePath}/`)) return undefined;
  return `${url.pathname.slice(basePath.length)}${url.search}`;
}

/**
 * Replaces the `$select` option of a path with `select` (e.g. "$select=id,mac", or '' for none),
 * leaving every other option byte for byte (a next link's `$skiptoken` is opaque).
 */
export function withSelect(pathAndQuery: string, select: string): string {
  const at = pathAndQuery.indexOf('?');
  const path = at < 0 ? pathAndQuery : pathAndQuery.slice(0, at);
  const query = at < 0 ? '' : pathAndQuery.slice(at + 1);
  const kept = query.split('&').filter((pair) => pair !== '' && decodedParameterName(pair) !== '$select');
  if (select) kept.push(select);
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}
