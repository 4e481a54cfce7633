import { Field, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../scalars/bigint.scalar';
import { DateScalar } from '../scalars/date.scalar';

/**
 * Int64 fields hold exact values: a bigint, or a number only when it is a safe integer (toInt64Value);
 * the BigInt scalar writes either as a string of decimal digits. A property whose upstream value was unusable holds the
 * UPSTREAM_ERROR for it instead (see upstream-value.ts): graphql-js raises an Error found in a
 * field as that field's error, so one bad value never fails the rest of the answer.
 */
export type Int64Value = bigint | number | null;

/**
 * Every property of microsoft.graph.office365ActivationCounts but the key, written once for the
 * two GraphQL types that carry them: the entity (adds `id` and `@key`) and the report row.
 * A new property is one field here (and one in the update input); the entity table test checks
 * both types against activation-counts.properties.ts.
 *
 * No resolver returns this class, so the schema never shows it as a type of its own (type-graphql 2
 * has no `isAbstract`: it emits only reachable types). simpleResolvers is set here, not only on the
 * subclasses: type-graphql copies an inherited field with the resolver the base class built for it,
 * so the base decides. Every field is a plain property with no middleware, so graphql-js's default
 * resolver reads it directly instead of type-graphql's per-field wrapper.
 */
@ObjectType({ simpleResolvers: true })
export abstract class ActivationCountsFields {
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
