import type { BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { ErrorCode } from '../errors';
import type { RequestConcern, RequestHooks } from '../execution/request-concerns-plugin';

/** Root fields whose list argument turns into one upstream read per element. */
const ID_LIST_ARGUMENTS: Record<string, string> = { office365ActivationCountsByIds: 'ids', _entities: 'representations' };

export interface IdsPerOperationLimits {
  /** Ids over all office365ActivationCountsByIds fields and `_entities` representations of one operation (MAX_IDS_PER_OPERATION). */
  maxIdsPerOperation: number;
  /** Representations one `_entities` field accepts (MAX_IDS_PER_QUERY, as byIds' `ids`). */
  maxIdsPerField: number;
}

interface FieldCount {
  field: string;
  count: number;
}

/** Elements a list argument will hold once coerced: a lone value becomes a list of one (GraphQL input coercion). */
function elementsOf(value: ValueNode, variables: Record<string, unknown>): number {
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    if (given === undefined || given === null) return 0;
    return Array.isArray(given) ? given.length : 1;
  }
  if (value.kind === Kind.NULL) return 0;
  return value.kind === Kind.LIST ? value.values.length : 1;
}

/**
 * Counts through aliases, inline fragments and fragment spreads (validation already refused
 * cycles). `@skip`/`@include` are not evaluated: a field counts whether or not it would run, so
 * the bound holds for every variable value.
 */
function countIds(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>, out: FieldCount[]): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const argumentName = ID_LIST_ARGUMENTS[selection.name.value];
      const argument = argumentName ? selection.arguments?.find((a) => a.name.value === argumentName) : undefined;
      if (argument) out.push({ field: selection.name.value, count: elementsOf(argument.value, variables) });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      countIds(selection.selectionSet, fragments, variables, out);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment) countIds(fragment.selectionSet, fragments, variables, out);
    }
  }
}

function refusal(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}

/**
 * Bounds the upstream reads one operation can ask for, before any resolver runs: a 192 KB request
 * of 50 aliased byIds fields × 500 ids otherwise became 1,250 $batch calls. Only query roots hold
 * these fields, so mutations are not walked.
 */
export function idsPerOperationConcern(limits: IdsPerOperationLimits): RequestConcern<BaseContext> {
  // Stateless: every request shares one hooks object.
  const hooks: RequestHooks<BaseContext> = {
    didResolveOperation({ operation, document, request }) {
      if (operation?.operation !== 'query') return;
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      const counts: FieldCount[] = [];
      countIds(operation.selectionSet, fragments, request.variables ?? {}, counts);
      const tooManyRepresentations = counts.find((c) => c.field === '_entities' && c.count > limits.maxIdsPerField);
      if (tooManyRepresentations) {
        throw refusal(`_entities holds ${tooManyRepresentations.count} representations; at most ${limits.maxIdsPerField} are accepted per field (MAX_IDS_PER_QUERY): split the call`);
      }
      const total = counts.reduce((sum, c) => sum + c.count, 0);
      if (total > limits.maxIdsPerOperation) {
        throw refusal(
          `The operation asks for ${total} ids over ${counts.length} office365ActivationCountsByIds/_entities fields; at most ${limits.maxIdsPerOperation} are accepted per operation (MAX_IDS_PER_OPERATION): split it into several operations`,
        );
      }
    },
  };
  return () => hooks;
}
