import { parseUpstreamJson } from '../graph/json';
import { toEdmDate } from '../scalars/date.scalar';
import { toInt64 } from '../scalars/int64';
import type { StoredEntity } from './entity-store';

const INT64_FIELDS = new Set(['windows', 'mac', 'android', 'ios', 'windows10Mobile']);

/** Validates a PATCH body the way Graph would: known properties only, right types, exact Int64. */
export function parsePatchBody(bodyText: string): { changes: Partial<StoredEntity> } | { problem: string } {
  let body: unknown;
  try {
    body = parseUpstreamJson(bodyText);
  } catch {
    return { problem: 'The request body is not valid JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'The request body must be a JSON object.' };
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '@odata.type') continue;
    if (name === 'id') return { problem: "Property 'id' is read-only." };
    try {
      if (INT64_FIELDS.has(name)) changes[name] = value === null ? null : toInt64(value);
      else if (name === 'reportRefreshDate') changes[name] = value === null ? null : toEdmDate(value);
      else if (name === 'productType') {
        if (value !== null && typeof value !== 'string') return { problem: "Property 'productType' must be a string." };
        changes[name] = value;
      } else return { problem: `Property '${name}' does not exist on type 'microsoft.graph.office365ActivationCounts'.` };
    } catch (error: unknown) {
      return { problem: `Property '${name}': ${(error as Error).message}` };
    }
  }
  return { changes: changes as Partial<StoredEntity> };
}
