import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCaller, type ActivationCountsContext } from './caller-services';
import { UpdateOffice365ActivationCountsInput } from './activation-counts.input';
import { IdLookupArgs, type IdLookup } from './id-lookup.decorator';
import { Office365ActivationCounts } from './activation-counts.type';
import { selectedProperties } from './selected-properties';

@Resolver(_of => Office365ActivationCounts)
export class ActivationCountsResolver {
  @Query(_returns => Office365ActivationCounts, {
    nullable: true,
    description: 'One entity by id; null when the upstream answers 404. Lookups in one operation are batched.',
  })
  office365ActivationCounts(@IdLookupArgs() { id, context, info }: IdLookup): Promise<Office365ActivationCounts | null> {
    return requireCaller(context).loader.load(id, selectedProperties(info));
  }

  @Mutation(_returns => Office365ActivationCounts, {
    description: 'PATCHes the given fields with the caller\'s token and answers the updated entity.',
  })
  async updateOffice365ActivationCounts(
    // Declared input-first: type-graphql registers parameters last to first, so the SDL reads (id, input).
    @Arg('input', _type => UpdateOffice365ActivationCountsInput) input: UpdateOffice365ActivationCountsInput,
    @Arg('id', _type => ID) id: string,
    @Ctx() context: ActivationCountsContext,
  ): Promise<Office365ActivationCounts> {
    const caller = requireCaller(context);
    const entity = await caller.upstream.update(id, input);
    caller.loader.prime(entity);
    caller.report.forgetKeptCopies();
    return entity;
  }
}
