import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { ErrorCode, gatewayError } from '../errors';

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
  return withEntitiesResolvedOneByOne(buildSubgraphSchema([{ typeDefs, resolvers: resolvers as GraphQLResolverMap }]));
}

/**
 * @apollo/subgraph's `_entities` maps the representations in one loop, so one representation that
 * is not an object or names an unknown type threw for the whole field. Each representation is
 * resolved on its own here (still in the same tick, so the loader still batches), and a bad one
 * becomes that item's error: graphql-js nulls an item whose value is an Error and reports it at
 * its index.
 */
function withEntitiesResolvedOneByOne(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return schema;
  const resolveAll: GraphQLFieldResolver<unknown, unknown> = field.resolve;
  field.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    return representations.map((representation: unknown, index) => {
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
        return gatewayError(ErrorCode.BAD_USER_INPUT, `_entities representation ${index} is not an object; expected { "__typename": "Office365ActivationCounts", "id": "..." }`);
      }
      const typename = (representation as { __typename?: unknown }).__typename;
      if (typeof typename !== 'string' || !isObjectType(schema.getType(typename)) || typename.startsWith('__')) {
        return gatewayError(ErrorCode.BAD_USER_INPUT, `_entities representation ${index} has __typename ${JSON.stringify(String(typename)).slice(0, 60)}; expected "Office365ActivationCounts"`);
      }
      try {
        return (resolveAll(source, { ...args, representations: [representation] }, context, info) as unknown[])[0];
      } catch (error: unknown) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
  };
  return schema;
}
