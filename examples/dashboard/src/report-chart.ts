import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { PLATFORMS, type ReportRow } from './platforms';

/** A count the chart can draw without rounding: a chart axis is a double, unlike the table. */
function exactNumber(count: string | null | undefined): number | null | undefined {
  if (count === null || count === undefined) return null;
  const value = Number(count);
  return Number.isSafeInteger(value) ? value : undefined;
}

export interface ChartedReport {
  chart: Chart<'bar', (number | null)[], string>;
  /** Product types left out because a count is beyond ±2^53 (the table shows them exactly). */
  leftOut: string[];
}

/** Draws the report as grouped bars: one bar series per platform, one group per product type. */
export function drawReportChart(canvas: HTMLCanvasElement, rows: readonly ReportRow[], previous?: ChartedReport): ChartedReport {
  previous?.chart.destroy();
  // Only the parts a bar chart needs (tree-shaken bundle); registering again is a no-op.
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
  const charted: { label: string; counts: (number | null)[] }[] = [];
  const leftOut: string[] = [];
  for (const row of rows) {
    const label = row.productType ?? '(no product type)';
    const counts = PLATFORMS.map((p) => exactNumber(row[p.field]));
    if (counts.some((c) => c === undefined)) leftOut.push(label);
    else charted.push({ label, counts: counts as (number | null)[] });
  }
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: charted.map((c) => c.label),
      datasets: PLATFORMS.map((platform, index) => ({
        label: platform.label,
        backgroundColor: platform.color,
        data: charted.map((c) => c.counts[index]!),
      })),
    },
    options: {
      // No animation: the chart is final when drawn (the browser test and screenshots read it at once).
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'activations' } } },
    },
  });
  return { chart, leftOut };
}
