import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';

/**
 * Federation 2 header: without `@link`, composition treats the subgraph as Federation 1.
 * Only `@key` is used (on Office365ActivationCounts).
 */
export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** `__resolveReference` per entity type name, as @apollo/subgraph expects in a resolvers map. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

/**
 * Turns the type-graphql schema into an Apollo Federation 2 subgraph schema that still serves every
 * plain field. type-graphql's own printer drops applied directives (`@key`), and buildSubgraphSchema
 * rebuilds every type from SDL, so: print with the directives kept, rebuild, and re-attach the
 * original resolvers and scalars (the GraphQLScalarType objects keep serialize/parseValue/parseLiteral).
 */
export function toSubgraphSchema(schema: GraphQLSchema, referenceResolvers: ReferenceResolvers): GraphQLSchema {
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, { __resolveReference }] of Object.entries(referenceResolvers)) {
    if (!resolvers[typeName]) throw new Error(`toSubgraphSchema: no type ${JSON.stringify(typeName)} in the schema to attach __resolveReference to`);
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap }]);
}
