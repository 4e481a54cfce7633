import { Field, ObjectType } from 'type-graphql';
import { Office365ActivationCounts } from './activation-counts.type';

@ObjectType('PageInfo', { description: 'Relay page information.' })
export class PageInfo {
  @Field(_type => Boolean)
  hasNextPage!: boolean;

  @Field(_type => Boolean, { description: 'True when the page was asked for with `after` (the edges before it exist).' })
  hasPreviousPage!: boolean;

  @Field(_type => String, { nullable: true })
  startCursor!: string | null;

  @Field(_type => String, { nullable: true, description: 'Pass as `after` for the next page; null when the page is empty.' })
  endCursor!: string | null;
}

@ObjectType('Office365ActivationCountsEdge')
export class Office365ActivationCountsEdge {
  @Field(_type => String, { description: 'Opaque; pass as `after` to continue after this entity.' })
  cursor!: string;

  @Field(_type => Office365ActivationCounts)
  node!: Office365ActivationCounts;
}

@ObjectType('Office365ActivationCountsConnection', {
  description: 'A Relay connection over the upstream collection, one upstream page per request.',
})
export class Office365ActivationCountsConnection {
  @Field(_type => [Office365ActivationCountsEdge])
  edges!: Office365ActivationCountsEdge[];

  @Field(_type => [Office365ActivationCounts])
  nodes!: Office365ActivationCounts[];

  @Field(_type => PageInfo)
  pageInfo!: PageInfo;
}

