import type { Client } from '@urql/core';
import { EMULATOR_SAMPLE_TOKEN } from '../../../emulator/sample-token';
import { readDashboardOptions } from './dashboard-options';
import type { DashboardContext } from './dashboard-context';
import { gatewayRunsOnEmulator } from './emulator-detection';
import { createEntityEditorView } from './entity-editor-view';
import { createEntityListView } from './entity-list-view';
import { describeGatewayError } from './error-words';
import { createGatewayClient } from './gateway-client';
import { createReportView } from './report-view';
import './dashboard.css';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element as T;
}

/** Wires the page: options from the address, the token from its field only (never stored), then the three views. */
function startDashboard(): void {
  const options = readDashboardOptions(location.search);
  const gatewayField = byId<HTMLInputElement>('gateway-url');
  const tokenField = byId<HTMLInputElement>('bearer-token');
  const connectionNote = byId('connection-note');
  gatewayField.value = options.gatewayUrl;

  let client: Client | undefined;
  const gatewayUrl = () => gatewayField.value.trim().replace(/\/+$/, '');
  const context: DashboardContext = {
    client: () => (client ??= createGatewayClient({ gatewayUrl: gatewayUrl(), bearerToken: () => tokenField.value, persisted: options.persisted })),
    explain: (error) => describeGatewayError(error, gatewayUrl(), location.origin),
  };

  const report = createReportView(
    { meta: byId('report-meta'), freshness: byId('report-freshness'), error: byId('report-error'), canvas: byId('report-chart'), chartNote: byId('chart-note'), table: byId('report-table') },
    context,
  );
  const editor = createEntityEditorView(
    { section: byId('editor'), title: byId('editor-title'), fields: byId('editor-fields'), save: byId('save-entity'), message: byId('editor-message') },
    context,
    () => report.load(),
  );
  const list = createEntityListView(
    { list: byId('entity-list'), firstPage: byId('first-page'), nextPage: byId('next-page'), position: byId('page-position'), error: byId('list-error') },
    context,
    options.pageSize,
    (id) => void editor.open(id),
  );

  const loadEverything = async () => {
    client = undefined; // the gateway field may have changed
    document.body.dataset.state = 'loading';
    await Promise.all([report.load(), list.loadFirstPage()]);
    document.body.dataset.state = 'loaded';
  };
  byId('load').addEventListener('click', () => void loadEverything());
  tokenField.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void loadEverything();
  });
  // A handle for the devtools console and the browser test: the chart's series as Chart.js holds them.
  Object.assign(window, { dashboard: { chart: report.chart } });

  void gatewayRunsOnEmulator(gatewayUrl()).then((emulator) => {
    if (emulator && tokenField.value === '') {
      tokenField.value = EMULATOR_SAMPLE_TOKEN;
      connectionNote.textContent = 'The gateway runs on its embedded emulator: its sample token is filled in.';
      return loadEverything();
    }
    connectionNote.textContent = 'Paste a Microsoft Graph access token and press Load.';
  });
}

startDashboard();
