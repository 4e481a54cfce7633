import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivationCountsResolver } from './activation-counts/activation-counts.resolver';

/** The gateway's executable schema, built from the type-graphql classes. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ActivationCountsResolver],
    validate: false,
  });
}
