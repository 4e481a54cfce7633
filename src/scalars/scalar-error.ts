import { GraphQLError, type ValueNode } from 'graphql';

/** A value a scalar cannot represent; the message names the value and what was expected. */
export class ScalarValueError extends Error {}

/**
 * Runs a scalar conversion and turns its ScalarValueError into the GraphQLError graphql-js expects,
 * with the literal's AST node attached so the error points at the query text.
 */
export function convertOrGraphQLError<T>(convert: () => T, node?: ValueNode): T {
  try {
    return convert();
  } catch (error: unknown) {
    if (error instanceof ScalarValueError) throw new GraphQLError(error.message, node ? { nodes: node } : undefined);
    throw error;
  }
}
