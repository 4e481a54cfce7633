/**
 * The decoded name of one `name=value` pair of a query string, as application/x-www-form-urlencoded
 * reads it (`+` is a space, percent escapes decoded), so `%24select` is `$select` and `%76ariables`
 * is `variables`. A malformed escape leaves the name as written.
 */
export function decodedParameterName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
