/**
 * Credentials are censored in every object a log call writes, whatever a serializer or a future log
 * call includes: a value under a key named `authorization`, `proxy-authorization` or `cookie` (any
 * case) becomes REDACTION_CENSOR, at any of the first MAX_DEPTH levels of the object. Belt and
 * braces: no code logs headers today, and a test scans every log line for the tokens used.
 *
 * Why not pino's `redact` option: pino 10 runs @pinojs/redact 0.4 non-strictly, which re-parses
 * every redaction path, character by character, for every key of every line; with wildcard paths
 * that was ~30 % of the bytes a one-entity read allocated (allocation profile, benchmark A). This
 * walk allocates nothing when there is nothing to censor, which is every line today.
 * It runs as pino's `formatters.log`, on each line's object. Child-logger bindings are not walked
 * (pino formats them once, without that formatter): the only child is Fastify's per request, bound
 * to `reqId`, and a test fails if the gateway's code creates one of its own.
 */
export const REDACTION_CENSOR = '[redacted]';

/** How deep credentials are looked for: `{ a: { b: { headers: { authorization } } } }` is four levels. */
export const MAX_REDACTION_DEPTH = 4;

const CREDENTIAL_KEYS = new Set(['authorization', 'proxy-authorization', 'cookie']);
const CREDENTIAL_KEY_LENGTHS = new Set([...CREDENTIAL_KEYS].map((key) => key.length));

function isCredentialKey(key: string): boolean {
  // The length check first: lower-casing every key of every line would allocate a string per key.
  return CREDENTIAL_KEY_LENGTHS.has(key.length) && CREDENTIAL_KEYS.has(key.toLowerCase());
}

function isWalkable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

/** A copy with the same prototype and own properties (an Error keeps its class, message and stack). */
function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(value)) return value.slice() as unknown as Record<string, unknown>;
  const copy = Object.defineProperties(Object.create(Object.getPrototypeOf(value) as object | null), Object.getOwnPropertyDescriptors(value)) as Record<string, unknown>;
  // Since Node 22, V8 gives an error's `stack` as an accessor that reads the original object's
  // internal slot, so a copied accessor answers undefined: the copy gets the text itself.
  if (value instanceof Error) Object.defineProperty(copy, 'stack', { value: value.stack, writable: true, configurable: true, enumerable: false });
  return copy;
}

function censorAt(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const child = value[key];
    let replacement = child;
    if (isCredentialKey(key)) {
      if (child !== undefined) replacement = REDACTION_CENSOR;
    } else if (depth > 1 && isWalkable(child)) {
      replacement = censorAt(child, depth - 1);
    }
    if (replacement !== child) {
      copy ??= copyOf(value);
      copy[key] = replacement;
    }
  }
  return copy ?? value;
}

/**
 * The object to log: `value` itself when it holds no credential (the common case, no allocation),
 * otherwise a censored copy of the objects on the way to each credential. The caller's objects
 * (request headers, errors) are never changed.
 */
export function censorCredentials<T extends object>(value: T): T {
  return censorAt(value as Record<string, unknown>, MAX_REDACTION_DEPTH) as T;
}
