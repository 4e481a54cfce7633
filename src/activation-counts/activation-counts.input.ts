import { Field, InputType } from 'type-graphql';
import { BigIntScalar } from '../scalars/bigint.scalar';
import { DateScalar } from '../scalars/date.scalar';

/** Fields to change: an absent field is left as it is, `null` clears the property upstream. */
@InputType('UpdateOffice365ActivationCountsInput')
export class UpdateOffice365ActivationCountsInput {
  @Field(_type => DateScalar, { nullable: true })
  reportRefreshDate?: string | null;

  @Field(_type => String, { nullable: true })
  productType?: string | null;

  @Field(_type => BigIntScalar, { nullable: true })
  windows?: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  mac?: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  android?: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  ios?: bigint | null;

  @Field(_type => BigIntScalar, { nullable: true })
  windows10Mobile?: bigint | null;
}
