import { printSchema, type GraphQLSchema } from 'graphql';

/**
 * The text of schema.graphql, the contract for clients: the served schema exactly as introspection
 * shows it, federation's `_service`/`_entities` and directive definitions included (the server
 * really answers them). `npm run schema:write` writes it; test/schema-drift.test.ts compares it.
 */
export function schemaFileText(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
