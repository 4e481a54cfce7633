import type { ActivationCountsReport } from './activation-counts-report';
import type { ReportAnswer, ReportCacheService } from './report-cache-service';
import type { Office365ActivationCountsReportRow } from './report-row.type';

/** One caller's report: its own Graph reads, through the process's report cache keyed by its token. */
export class CallerReport {
  constructor(
    private readonly report: ActivationCountsReport,
    private readonly cache: ReportCacheService<Office365ActivationCountsReportRow>,
    /** The bearer value (without "Bearer "); the cache keeps only its SHA-256. */
    private readonly token: string,
  ) {}

  answer(): Promise<ReportAnswer<Office365ActivationCountsReportRow>> {
    return this.cache.answer(this.token, () => this.report.rows());
  }

  /** After this caller changed an entity: its next report asks Graph rather than answer a copy from before the change. */
  forgetKeptCopies(): void {
    this.cache.forget(this.token);
  }
}
