import { join } from 'node:path';

/** The dashboard's Vite root (index.html, src/). */
export const DASHBOARD_ROOT = join(__dirname, '..');
/** Where `npm run dashboard` builds to (ignored by git). */
export const DEFAULT_OUT_DIR = join(DASHBOARD_ROOT, 'dist');

export interface DashboardSite {
  /** http://HOST:PORT/, the dashboard's own origin (not the gateway's). */
  url: string;
  close(): Promise<void>;
}

// Vite is ESM-only: plain Node 20.19+ loads it with require(); Jest's module runtime cannot, which is
// why the browser test runs these functions in a child process (site/serve-for-test.ts).
type Vite = typeof import('vite', { with: { 'resolution-mode': 'import' } });

function vite(): Vite {
  return require('vite') as Vite;
}

function viteOptions(outDir: string) {
  // No vite.config file: these few settings are the whole configuration.
  return { configFile: false as const, root: DASHBOARD_ROOT, logLevel: 'warn' as const, build: { outDir, emptyOutDir: true } };
}

/** Builds the single-page app into `outDir` (static files: index.html and hashed assets). */
export async function buildDashboard(outDir: string = DEFAULT_OUT_DIR): Promise<void> {
  await vite().build(viteOptions(outDir));
}

/** Serves a built dashboard with Vite's static preview server; port 0 picks a free one. */
export async function serveDashboard(outDir: string, host: string, port: number): Promise<DashboardSite> {
  const server = await vite().preview({ ...viteOptions(outDir), preview: { host, port, strictPort: true, open: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error(`Vite preview server has no TCP address (${String(address)})`);
  return { url: `http://${host}:${address.port}/`, close: () => server.close() };
}
