import type { GraphQLResolveInfo } from 'graphql';
import { requireCaller, type ActivationCountsContext } from './caller-services';
import { ErrorCode, gatewayError } from '../errors';
import { upstreamExcerpt } from '../msgraph/upstream-excerpt';
import type { Office365ActivationCounts } from './activation-counts.type';
import { selectedProperties } from './selected-properties';

function describeId(id: unknown): string {
  if (id === null) return 'null';
  if (typeof id === 'string') return upstreamExcerpt(id);
  if (typeof id === 'number' || typeof id === 'boolean') return `the ${typeof id} ${String(id)}`;
  if (Array.isArray(id)) return 'a list';
  return typeof id === 'object' ? 'an object' : `a ${typeof id}`;
}

/**
 * Federation `_entities` resolution. Every representation of one `_entities` call is resolved in
 * the same tick, so the per-request loader turns 50 references into ceil(50/20) = 3 `$batch` calls,
 * asking only for the fields the router selected. `_Any` is not validated by GraphQL, so the id is
 * checked here; async, so a bad representation fails its own item, never the whole field.
 */
export async function resolveActivationCountsReference(
  reference: { id?: unknown },
  context: ActivationCountsContext,
  info: GraphQLResolveInfo,
): Promise<Office365ActivationCounts | null> {
  const caller = requireCaller(context);
  if (typeof reference.id !== 'string' || reference.id === '') {
    const got = reference.id === undefined ? 'has no id' : `has ${describeId(reference.id)} as id`;
    throw gatewayError(ErrorCode.BAD_USER_INPUT, `_entities representation ${got}; expected { "__typename": "Office365ActivationCounts", "id": "<non-empty string>" }`);
  }
  return caller.loader.load(reference.id, selectedProperties(info));
}
