import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActivationCountsReadsResolver } from './activation-counts/activation-counts-reads.resolver';
import { resolveActivationCountsReference } from './activation-counts/activation-counts.reference';
import { ActivationCountsResolver } from './activation-counts/activation-counts.resolver';
import { ActivationCountsReportResolver } from './activation-counts/report/report.resolver';
import { toSubgraphSchema } from './composition/subgraph-schema';

/**
 * The served schema: built from the type-graphql classes, then made an Apollo Federation 2 subgraph
 * (`_service`, `_entities`) that keeps every plain field.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [ActivationCountsResolver, ActivationCountsReadsResolver, ActivationCountsReportResolver],
    validate: false,
  });
  return toSubgraphSchema(schema, { Office365ActivationCounts: { __resolveReference: resolveActivationCountsReference } });
}
