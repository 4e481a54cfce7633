import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { requireCaller, type ActivationCountsContext } from './caller-services';
import { DEFAULTS } from '../config';
import { ErrorCode, gatewayError } from '../errors';
import { ENTITY_PROPERTIES } from './activation-counts.properties';
import { Office365ActivationCounts } from './activation-counts.type';
import { Office365ActivationCountsConnection } from './connection.type';
import { selectedProperties } from './selected-properties';

export const DEFAULT_PAGE_SIZE = 50;

/** Reads of many entities: by ids (what schema stitching's batched merging calls) and the paged list. */
@Resolver(_of => Office365ActivationCounts)
export class ActivationCountsReadsResolver {
  @Query(_returns => [Office365ActivationCounts], {
    nullable: 'items',
    description: `Entities by id, in the order of \`ids\` and as many; null where the upstream has none. Goes through the same per-request loader as office365ActivationCounts (duplicates read once, $batch of ≤ 20). At most MAX_IDS_PER_QUERY ids (default ${DEFAULTS.maxIdsPerQuery}).`,
  })
  async office365ActivationCountsByIds(
    @Arg('ids', _type => [ID]) ids: string[],
    @Ctx() context: ActivationCountsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(Office365ActivationCounts | null | Error)[]> {
    const caller = requireCaller(context);
    if (ids.length > caller.maxIdsPerQuery) {
      throw gatewayError(ErrorCode.BAD_USER_INPUT, `ids holds ${ids.length} ids; at most ${caller.maxIdsPerQuery} are accepted per query (MAX_IDS_PER_QUERY): split the call`);
    }
    // An Error in the list nulls that item alone and reports it under its index.
    return caller.loader.loadMany(ids, selectedProperties(info));
  }

  @Query(_returns => Office365ActivationCountsConnection, {
    description: 'The upstream collection as a Relay connection: `first` becomes $top (1 to 999), `after` resumes at an opaque cursor built from @odata.nextLink.',
  })
  office365ActivationCountsList(
    // Declared after-first: type-graphql registers parameters last to first, so the SDL reads (first, after).
    @Arg('after', _type => String, { nullable: true }) after: string | null | undefined,
    @Arg('first', _type => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number | null | undefined,
    @Ctx() context: ActivationCountsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Office365ActivationCountsConnection> {
    const caller = requireCaller(context);
    const properties = selectedProperties(info);
    const everything = properties.length >= ENTITY_PROPERTIES.length;
    return caller.pages.connection(first ?? DEFAULT_PAGE_SIZE, after ?? null, everything ? undefined : properties);
  }
}
