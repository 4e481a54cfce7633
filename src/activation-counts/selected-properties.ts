import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { isEntityProperty, type EntityProperty } from './activation-counts.properties';

function collect(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Set<EntityProperty>, seen: Set<string>): void {
  if (!selectionSet) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') {
      if (isEntityProperty(selection.name.value)) into.add(selection.name.value);
      // Connections and edges wrap the entity: look through them for its fields.
      collect(selection.selectionSet, info, into, seen);
    } else if (selection.kind === 'InlineFragment') {
      collect(selection.selectionSet, info, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(info.fragments[selection.name.value]?.selectionSet, info, into, seen);
    }
  }
}

/**
 * The entity properties an operation selects below the current field, for `$select` pushdown.
 * Directives (@skip/@include) are ignored: selecting one property too many is harmless.
 */
export function selectedProperties(info: GraphQLResolveInfo): EntityProperty[] {
  const properties = new Set<EntityProperty>(['id']);
  const seen = new Set<string>();
  for (const node of info.fieldNodes as readonly FieldNode[]) collect(node.selectionSet, info, properties, seen);
  return [...properties];
}
