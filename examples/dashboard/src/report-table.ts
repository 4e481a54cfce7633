import { PLATFORMS, type ReportRow } from './platforms';

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** The report rows with every count as the gateway's decimal string: no digit lost above 2^53. */
export function renderReportTable(table: HTMLTableElement, rows: readonly ReportRow[]): void {
  const head = document.createElement('tr');
  head.append(cell('th', 'Product type'), cell('th', 'Refreshed'), ...PLATFORMS.map((p) => cell('th', p.label, 'count')));
  const body = rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.productType = row.productType ?? '';
    tr.append(cell('th', row.productType ?? '—'), cell('td', row.reportRefreshDate ?? '—'), ...PLATFORMS.map((p) => cell('td', row[p.field] ?? '—', 'count')));
    return tr;
  });
  table.replaceChildren(document.createElement('thead'), document.createElement('tbody'));
  table.tHead!.append(head);
  table.tBodies[0]!.append(...body);
}
