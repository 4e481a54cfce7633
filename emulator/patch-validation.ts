import { ACTIVATION_COUNTS_PROPERTIES } from '../src/activation-counts/activation-counts.properties';
import { EDM_VALUE, EdmValueError } from './edm-values';
import type { StoredEntity } from './entity-store';
import { parseJson } from './json';

const TYPE_NAME = 'microsoft.graph.office365ActivationCounts';

/** Validates a PATCH body the way Graph would: known properties only, right types, exact Int64. */
export function parsePatchBody(bodyText: string): { changes: Partial<StoredEntity> } | { problem: string } {
  let body: unknown;
  try {
    body = parseJson(bodyText);
  } catch {
    return { problem: 'The request body is not valid JSON.' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'The request body must be a JSON object.' };
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '@odata.type') continue;
    const property = ACTIVATION_COUNTS_PROPERTIES.find((p) => p.name === name);
    if (!property) return { problem: `Property '${name}' does not exist on type '${TYPE_NAME}'.` };
    if (!property.nullable) return { problem: `Property '${name}' is read-only.` };
    try {
      changes[name] = value === null ? null : EDM_VALUE[property.edmType](value);
    } catch (error: unknown) {
      if (error instanceof EdmValueError) return { problem: `Property '${name}': ${error.message}` };
      throw error;
    }
  }
  return { changes: changes as Partial<StoredEntity> };
}
