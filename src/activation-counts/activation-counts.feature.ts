import { ActivationCountsReadsResolver } from './activation-counts-reads.resolver';
import { resolveActivationCountsReference } from './activation-counts.reference';
import { ActivationCountsResolver } from './activation-counts.resolver';
import { ActivationCountsReportResolver } from './report/report.resolver';

export { createCallerServices, requireCaller, type ActivationCountsContext, type ActivationCountsSettings, type CallerServices } from './caller-services';

/** What the app needs of the feature: its resolvers, its reference resolver and (above) its services factory. */
export const ACTIVATION_COUNTS_RESOLVERS = [ActivationCountsResolver, ActivationCountsReadsResolver, ActivationCountsReportResolver] as const;

/** Federation `__resolveReference` per entity type. */
export const ACTIVATION_COUNTS_REFERENCE_RESOLVERS = { Office365ActivationCounts: { __resolveReference: resolveActivationCountsReference } };
