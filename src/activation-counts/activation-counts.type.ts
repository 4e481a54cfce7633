import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ActivationCountsFields } from './activation-counts-fields.type';

export type { Int64Value } from './activation-counts-fields.type';

/**
 * The entity: the shared property fields plus its key. type-graphql lists inherited fields
 * first, so `id` comes last in the printed schema.
 */
@Directive('@key(fields: "id")')
// simpleResolvers for the one field declared here (the inherited ones carry the base's setting).
@ObjectType('Office365ActivationCounts', {
  description: 'Activation counts of one Office 365 product type (microsoft.graph.office365ActivationCounts).',
  simpleResolvers: true,
})
export class Office365ActivationCounts extends ActivationCountsFields {
  @Field(_type => ID)
  id!: string;
}
