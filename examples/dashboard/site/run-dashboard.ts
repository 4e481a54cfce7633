import { runGatewayProcess, describeStartFailure } from '../../../src/gateway-process';
import { join } from 'node:path';
import { buildDashboard, DASHBOARD_ROOT, DEFAULT_OUT_DIR, serveDashboard } from './dashboard-site';

const DASHBOARD_MANIFEST = join(DASHBOARD_ROOT, 'src', 'generated', 'persisted-documents.json');

/**
 * `npm run dashboard`: builds the dashboard, serves it on its own origin (DASHBOARD_PORT, default
 * 5173) and starts a gateway on the embedded emulator (PORT, default 4000) whose CORS_ORIGINS
 * admits that origin, so the browser makes real cross-origin calls.
 */
async function runDashboard(env: NodeJS.ProcessEnv): Promise<void> {
  const host = env.HOST || '127.0.0.1';
  const gatewayPort = env.PORT || '4000';
  if (!/^[1-9]\d*$/.test(gatewayPort)) throw new Error(`PORT=${JSON.stringify(gatewayPort)}: the dashboard needs a fixed gateway port (a whole number from 1 to 65535)`);
  await buildDashboard(DEFAULT_OUT_DIR);
  const site = await serveDashboard(DEFAULT_OUT_DIR, host, Number(env.DASHBOARD_PORT || 5173));
  const dashboardOrigin = new URL(site.url).origin;
  // The gateway process reads its settings from the environment: the embedded emulator (no
  // GRAPH_BASE_URL), CORS for the dashboard's origin and the dashboard's persisted-documents
  // manifest for ?persisted=on (TRUSTED_DOCUMENTS), each next to what is already configured.
  delete env.GRAPH_BASE_URL;
  env.PORT = gatewayPort;
  env.CORS_ORIGINS = [env.CORS_ORIGINS, dashboardOrigin].filter(Boolean).join(',');
  env.TRUSTED_DOCUMENTS = [env.TRUSTED_DOCUMENTS, DASHBOARD_MANIFEST].filter(Boolean).join(',');
  await runGatewayProcess();
  const gatewayUrl = `http://${host}:${gatewayPort}`;
  process.stdout.write(`Dashboard (its own origin, ${dashboardOrigin}): ${site.url}?gateway=${encodeURIComponent(gatewayUrl)}\n`);
  process.stdout.write(`  it sends persisted document ids (TRUSTED_DOCUMENTS names the dashboard's manifest); add ?persisted=off to send operation text instead\n`);
}

runDashboard(process.env).catch((error: unknown) => {
  process.stderr.write(`${describeStartFailure(error)}\n`);
  process.exit(1);
});
