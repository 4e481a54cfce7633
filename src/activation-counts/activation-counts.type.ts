import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../scalars/bigint.scalar';
import { DateScalar } from '../scalars/date.scalar';

/**
 * Int64 fields hold exact bigints. A property whose upstream value was unusable holds the
 * UPSTREAM_ERROR for it instead (see upstream-value.ts): graphql-js raises an Error found in a
 * field as that field's error, so one bad value never fails the rest of the answer.
 */
export type Int64Value = bigint | null;

@Directive('@key(fields: "id")')
// simpleResolvers: every field is a plain property with no middleware, so graphql-js's default
// resolver reads it directly instead of type-graphql's per-field wrapper (8 calls per entity).
@ObjectType('Office365ActivationCounts', {
  description: 'Activation counts of one Office 365 product type (microsoft.graph.office365ActivationCounts).',
  simpleResolvers: true,
})
export class Office365ActivationCounts {
  @Field(_type => ID)
  id!: string;

  @Field(_type => DateScalar, { nullable: true, description: 'Date the report data was last refreshed.' })
  reportRefreshDate!: string | null;

  @Field(_type => String, { nullable: true, description: 'Product type, e.g. "Office 365 ProPlus".' })
  productType!: string | null;

  @Field(_type => BigIntScalar, { nullable: true })
  windows!: Int64Value;

  @Field(_type => BigIntScalar, { nullable: true })
  mac!: Int64Value;

  @Field(_type => BigIntScalar, { nullable: true })
  android!: Int64Value;

  @Field(_type => BigIntScalar, { nullable: true })
  ios!: Int64Value;

  @Field(_type => BigIntScalar, { nullable: true })
  windows10Mobile!: Int64Value;
}
