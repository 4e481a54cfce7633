import type { GraphQLResolveInfo } from 'graphql';
import { requireCaller, type ActivationCountsContext } from './caller-services';
import type { Office365ActivationCounts } from './activation-counts.type';
import { selectedProperties } from './selected-properties';

/**
 * Federation `_entities` resolution. Every representation of one `_entities` call is resolved in
 * the same tick, so the per-request loader turns 50 references into ceil(50/20) = 3 `$batch` calls,
 * asking only for the fields the router selected.
 */
export function resolveActivationCountsReference(
  reference: { id: string },
  context: ActivationCountsContext,
  info: GraphQLResolveInfo,
): Promise<Office365ActivationCounts | null> {
  return requireCaller(context).loader.load(reference.id, selectedProperties(info));
}
