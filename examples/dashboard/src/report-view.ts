import type { DashboardContext } from './dashboard-context';
import { DashboardReportDocument } from './generated/graphql';
import { drawReportChart, type ChartedReport } from './report-chart';
import { describeFreshness } from './report-freshness';
import { renderReportTable } from './report-table';

export interface ReportElements {
  meta: HTMLElement;
  freshness: HTMLElement;
  error: HTMLElement;
  canvas: HTMLCanvasElement;
  chartNote: HTMLElement;
  table: HTMLTableElement;
}

/** The report section: refresh date, cache freshness, chart and exact table. */
export function createReportView(ui: ReportElements, context: DashboardContext) {
  let charted: ChartedReport | undefined;
  return {
    chart: () => charted?.chart,
    async load(): Promise<void> {
      const result = await context.client().query(DashboardReportDocument, {}).toPromise();
      ui.error.textContent = result.error ? context.explain(result.error) : '';
      const rows = result.data?.office365ActivationCountsReport;
      if (!rows) return;
      const dates = [...new Set(rows.map((r) => r.reportRefreshDate).filter((d): d is string => !!d))].sort();
      ui.meta.textContent = `${rows.length} product types; report refreshed ${dates.length ? dates.join(', ') : 'on an unknown date'}.`;
      const notice = describeFreshness(result.extensions);
      ui.freshness.textContent = notice?.text ?? '';
      ui.freshness.classList.toggle('warning', notice?.warning ?? false);
      charted = drawReportChart(ui.canvas, rows, charted);
      ui.chartNote.textContent = charted.leftOut.length
        ? `Not charted (a count is beyond ±2^53, which a chart axis cannot draw exactly; the table shows it): ${charted.leftOut.join(', ')}.`
        : '';
      renderReportTable(ui.table, rows);
    },
  };
}
