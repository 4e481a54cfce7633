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

/**
 * `convert(value)` with the same error translation, for serialize and parseValue: they run once per
 * field value of an answer, and this form needs no closure per value.
 */
export function convertValueOrGraphQLError<T>(convert: (value: unknown) => T, value: unknown): T {
  try {
    return convert(value);
  } catch (error: unknown) {
    if (error instanceof ScalarValueError) throw new GraphQLError(error.message);
    throw error;
  }
}
