import type { RequestConcern } from '../../execution/request-concerns-plugin';
import { REPORT_EXTENSION_KEY, type ReportAnswerExtension } from './report-extension';

/** The context slot the report resolver fills, so the answer can say how old the report is. */
export interface ReportAnswerSlot {
  reportAnswer?: ReportAnswerExtension;
}

/**
 * Writes `extensions.office365ActivationCountsReport` ({ source, ageSeconds, fetchedAt,
 * retryAfterSeconds? }) into every answer whose report field was resolved; nothing otherwise.
 */
export function reportExtensionConcern(): RequestConcern<ReportAnswerSlot> {
  return () => ({
    willSendResponse({ response, contextValue }) {
      if (response.body.kind !== 'single' || contextValue.reportAnswer === undefined) return;
      const result = response.body.singleResult;
      result.extensions = { ...result.extensions, [REPORT_EXTENSION_KEY]: contextValue.reportAnswer };
    },
  });
}
