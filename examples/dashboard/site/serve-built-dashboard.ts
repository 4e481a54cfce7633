import { buildDashboard, serveDashboard } from './dashboard-site';

/**
 * For the browser test, which cannot load Vite inside Jest: builds the dashboard into argv[2],
 * serves it on 127.0.0.1 port 0, prints `{"url":...,"buildMs":...}` as one line, and stops when
 * its stdin closes (the test ends it by closing the pipe; a crashed test's pipe closes too).
 */
async function serveForTest(outDir: string | undefined): Promise<void> {
  if (!outDir) throw new Error('usage: serve-built-dashboard.ts <outDir>');
  const started = Date.now();
  await buildDashboard(outDir);
  const buildMs = Date.now() - started;
  const site = await serveDashboard(outDir, '127.0.0.1', 0);
  process.stdout.write(`${JSON.stringify({ url: site.url, buildMs })}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => void site.close().then(() => process.exit(0)));
}

serveForTest(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
