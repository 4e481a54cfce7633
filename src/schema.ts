import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ACTIVATION_COUNTS_REFERENCE_RESOLVERS, ACTIVATION_COUNTS_RESOLVERS } from './activation-counts/activation-counts.feature';
import { toSubgraphSchema } from './composition/subgraph-schema';

/**
 * The served schema: built from the type-graphql classes, then made an Apollo Federation 2 subgraph
 * (`_service`, `_entities`) that keeps every plain field.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: ACTIVATION_COUNTS_RESOLVERS,
    validate: false,
  });
  return toSubgraphSchema(schema, ACTIVATION_COUNTS_REFERENCE_RESOLVERS);
}
