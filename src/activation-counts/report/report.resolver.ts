import { Ctx, Query, Resolver } from 'type-graphql';
import { requireCaller, type ActivationCountsContext } from '../caller-services';
import { Office365ActivationCountsReportRow } from './report-row.type';

@Resolver(_of => Office365ActivationCountsReportRow)
export class ActivationCountsReportResolver {
  @Query(_returns => [Office365ActivationCountsReportRow], {
    description: 'GET /reports/getOffice365ActivationCounts: JSON rows on a beta base URL, else the pre-authenticated CSV download (fetched without the token).',
  })
  async office365ActivationCountsReport(@Ctx() context: ActivationCountsContext): Promise<readonly Office365ActivationCountsReportRow[]> {
    const answer = await requireCaller(context).report.answer();
    context.reportAnswer = answer.extension;
    return answer.rows;
  }
}
