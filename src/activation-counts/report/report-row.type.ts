import { Field, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../scalars/bigint.scalar';
import { DateScalar } from '../../scalars/date.scalar';

/** One row of GET /reports/getOffice365ActivationCounts (rows carry no id). */
@ObjectType('Office365ActivationCountsReportRow', {
  description: 'One row of the Office 365 activation counts report (GET /reports/getOffice365ActivationCounts).',
})
export class Office365ActivationCountsReportRow {
  @Field(_type => DateScalar, { nullable: true })
  reportRefreshDate!: string | null;

  @Field(_type => String, { nullable: true })
  productType!: string | null;

  @Field(_type => BigIntScalar, { nullable: true })
  windows!: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  mac!: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  android!: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  ios!: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  windows10Mobile!: bigint | null;
}
