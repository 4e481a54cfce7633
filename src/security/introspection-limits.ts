import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

export interface IntrospectionLimits {
  /** `__schema`/`__type` fields in one operation (aliases count each). */
  maxFields: number;
  /** Deepest selection below one of them (leaf fields count 1). */
  maxDepth: number;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Depth of a selection set through fragments; `seen` stops fragment cycles that another rule reports. */
function depthOf(selectionSet: SelectionSetNode | undefined, context: ValidationContext, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, context, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, context, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
}

/** Introspection root fields of a selection set (through fragments), with their depth. */
function introspectionFields(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>, out: number[]): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (INTROSPECTION_ROOTS.has(selection.name.value)) out.push(1 + depthOf(selection.selectionSet, context, new Set()));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      introspectionFields(selection.selectionSet, context, seen, out);
    } else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      if (fragment) introspectionFields(fragment.selectionSet, context, new Set([...seen, selection.name.value]), out);
    }
  }
}

/**
 * Introspection is exempt from the depth and cost rules (graphql-armor cannot price it), so it is
 * bounded here: 50 aliased `__schema` answered 2.2 MB for a 5 KB request, and `__Type` refers to
 * itself, so a deep enough selection grows exponentially. The defaults admit graphql's
 * `getIntrospectionQuery()` (one `__schema`, depth 15), which GraphiQL and schema stitching send.
 */
export function introspectionLimitRule(limits: IntrospectionLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depths: number[] = [];
      introspectionFields(operation.selectionSet, context, new Set(), depths);
      if (depths.length > limits.maxFields) {
        context.reportError(
          new GraphQLError(`Introspection limit of ${limits.maxFields} __schema/__type fields per operation exceeded, found ${depths.length} (MAX_INTROSPECTION_FIELDS): ask once and reuse the answer`, { nodes: [operation] }),
        );
      }
      const deepest = Math.max(0, ...depths);
      if (deepest > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`Introspection depth limit of ${limits.maxDepth} exceeded, found ${deepest} (MAX_INTROSPECTION_DEPTH): graphql's getIntrospectionQuery() needs 15`, { nodes: [operation] }),
        );
      }
    },
  });
}
