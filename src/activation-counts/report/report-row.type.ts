import { ObjectType } from 'type-graphql';
import { ActivationCountsFields } from '../activation-counts-fields.type';

/** One row of GET /reports/getOffice365ActivationCounts: the entity's properties, without the id. */
@ObjectType('Office365ActivationCountsReportRow', {
  description: 'One row of the Office 365 activation counts report (GET /reports/getOffice365ActivationCounts).',
  simpleResolvers: true,
})
export class Office365ActivationCountsReportRow extends ActivationCountsFields {}
