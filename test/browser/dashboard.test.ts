import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EMULATOR_SAMPLE_TOKEN } from '../../emulator/sample-token';
import { sampleEntities } from '../../emulator/entity-store';
import { graphError } from '../../emulator/graph-error';
import { launchBrowser } from '../support/chromium';
import { offLoopback, openLoopbackPage } from '../support/loopback-page';
import { startHarness, type Harness } from '../support/harness';

const ROOT = join(__dirname, '..', '..');
const OUTPUT_DIR = join(ROOT, 'test-output');
const MANIFEST = join(ROOT, 'examples', 'dashboard', 'src', 'generated', 'persisted-documents.json');
const PLATFORM_LABELS = ['Windows', 'Mac', 'Android', 'iOS', 'Windows 10 Mobile'];
const PLATFORM_FIELDS = ['windows', 'mac', 'android', 'ios', 'windows10Mobile'] as const;

jest.setTimeout(60_000);

interface DashboardSite {
  url: string;
  buildMs: number;
  stop(): void;
}

/** Builds and serves the dashboard in a child process (Vite is ESM-only; Jest's runtime cannot load it). */
function startDashboardSite(outDir: string): Promise<DashboardSite> {
  const child: ChildProcess = spawn(process.execPath, ['-r', join(ROOT, 'scripts', 'swc-register.js'), join(ROOT, 'examples', 'dashboard', 'site', 'serve-built-dashboard.ts'), outDir], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = /^\{.*\}$/m.exec(output);
      if (line) resolve({ ...(JSON.parse(line[0]) as { url: string; buildMs: number }), stop: () => child.stdin!.end() });
    });
    child.once('exit', (code) => reject(new Error(`dashboard site exited (${code}) before serving:\n${output}`)));
  });
}

interface ChartSeries {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

function chartSeries(page: Page): Promise<ChartSeries> {
  return page.evaluate(() => {
    const chart = (window as unknown as { dashboard: { chart(): { data: ChartSeries } | undefined } }).dashboard.chart();
    if (!chart) throw new Error('no chart drawn');
    return { labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) };
  });
}

async function tableRows(page: Page): Promise<string[][]> {
  return page.locator('#report-table tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
}

async function listedIds(page: Page): Promise<string[]> {
  return page.locator('#entity-list button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.entityId ?? ''));
}

/** Clicks "Next page" and waits until the list shows other entities. */
async function nextListPage(page: Page): Promise<void> {
  const before = (await listedIds(page)).join();
  await page.click('#next-page');
  await page.waitForFunction((previous) => Array.from(document.querySelectorAll<HTMLElement>('#entity-list button'), (b) => b.dataset.entityId).join() !== previous, before);
}

/** Opens the dashboard and waits until the report and the first list page have been answered. */
async function openDashboard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-state="loaded"]');
}

/** Pages from the first list page to the one holding `id` (Next page), then opens it in the editor. */
async function openEntity(page: Page, id: string): Promise<void> {
  if (!(await page.isDisabled('#first-page'))) {
    await page.click('#first-page');
    await page.waitForFunction(() => document.getElementById('page-position')!.textContent === 'Page 1');
  }
  while (!(await listedIds(page)).includes(id)) await nextListPage(page);
  await page.click(`#entity-list button[data-entity-id="${id}"]`);
  // The click sets data-state="loading" at once; "ready" then means this entity's answer is shown.
  await page.waitForFunction((entityId) => document.getElementById('editor')!.dataset.state === 'ready' && document.getElementById('editor-title')!.textContent!.includes(`(${entityId})`), id);
}

describe('the activation dashboard in headless Chromium, on its own origin', () => {
  let h: Harness;
  let site: DashboardSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let outDir: string;
  let dashboardUrl: string;
  let requested: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'dashboard-build-'));
    site = await startDashboardSite(outDir);
    const origin = new URL(site.url).origin;
    // Beta: the report as JSON rows (the v1.0 CSV path answers the same rows). No retries: a
    // throttled answer reaches the page at once.
    // The gateway accepts only the dashboard's own operations, as a production deployment would.
    h = await startHarness({ version: 'beta', env: { CORS_ORIGINS: origin, GRAPH_MAX_RETRIES: '0', TRUSTED_DOCUMENTS: MANIFEST, TRUSTED_DOCUMENTS_MODE: 'require' }, deps: { upstreamIsEmulator: true } });
    dashboardUrl = `${site.url}?gateway=${encodeURIComponent(h.url)}&pageSize=2`;
    browser = await launchBrowser();
    // Chromium logs every 4xx answer to fetch; the refused 1.5 is one on purpose (Apollo answers 400).
    ({ context, page, requested, pageErrors } = await openLoopbackPage(browser, {
      viewport: { width: 1440, height: 740 },
      expectedConsoleError: (text) => text.includes('status of 400 (Bad Request)'),
    }));
    await openDashboard(page, dashboardUrl);
  });
  afterAll(async () => {
    await browser?.close();
    site?.stop();
    await h?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('fills in the sample token because the gateway reports the emulator, and sends it cross-origin', async () => {
    expect(await page.inputValue('#bearer-token')).toBe(EMULATOR_SAMPLE_TOKEN);
    expect(await page.textContent('#connection-note')).toContain('embedded emulator');
    const gatewayCalls = requested.filter((url) => url.startsWith(`${h.url}/graphql`));
    expect(gatewayCalls.length).toBeGreaterThanOrEqual(2);
    expect(new URL(site.url).origin).not.toBe(new URL(h.url).origin);
    const upstream = h.emulator.httpRequests();
    expect(upstream.length).toBeGreaterThan(0);
    expect(new Set(upstream.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${EMULATOR_SAMPLE_TOKEN}`]));
  });

  it('draws one bar series per platform with the emulator\'s counts, leaving out the row beyond 2^53', async () => {
    expect(await page.locator('#report-chart').boundingBox()).toEqual(expect.objectContaining({ width: expect.any(Number), height: expect.any(Number) }));
    const charted = sampleEntities()
      .filter((e) => e.id !== 'big-numbers')
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const series = await chartSeries(page);
    expect(series.labels).toEqual(charted.map((e) => e.productType));
    expect(series.datasets.map((d) => d.label)).toEqual(PLATFORM_LABELS);
    PLATFORM_FIELDS.forEach((field, index) => {
      expect(series.datasets[index]!.data).toEqual(charted.map((e) => (e[field] === null ? null : Number(e[field]))));
    });
    expect(series.datasets[0]!.data).toEqual([3072, 845, 9157, 412]);
    expect(await page.textContent('#chart-note')).toContain('Int64 edge cases');
  });

  it('shows every report row with exact Int64 strings, including values above 2^53', async () => {
    const rows = await tableRows(page);
    const expected = sampleEntities()
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((e) => [e.productType, e.reportRefreshDate, ...PLATFORM_FIELDS.map((f) => (e[f] === null ? '—' : String(e[f])))]);
    expect(rows).toEqual(expected);
    expect(rows[0]).toEqual(['Int64 edge cases', '2026-11-01', '9007199254740993', '9223372036854775807', '-9223372036854775808', '12345678901234567', '9007199254740992']);
    expect(await page.textContent('#report-meta')).toBe('5 product types; report refreshed 2017-09-01, 2026-11-01.');
  });

  it('pages the entity list through the Relay connection', async () => {
    expect(await listedIds(page)).toEqual(['big-numbers', 'business']);
    expect(await page.isDisabled('#first-page')).toBe(true);
    const pages = [await listedIds(page)];
    while (!(await page.isDisabled('#next-page'))) {
      await nextListPage(page);
      pages.push(await listedIds(page));
    }
    expect(pages).toEqual([['big-numbers', 'business'], ['project', 'proplus'], ['visio']]);
    expect(await page.textContent('#page-position')).toBe('Page 3');
    await page.click('#first-page');
    await page.waitForFunction(() => document.getElementById('page-position')!.textContent === 'Page 1');
  });

  it('saves an edited count beyond 2^53 and shows it again after a reload', async () => {
    await openEntity(page, 'big-numbers');
    expect(await page.inputValue('#editor-fields input[name="windows"]')).toBe('9007199254740993');
    h.emulator.clearLog();
    await page.fill('#editor-fields input[name="windows"]', '9223372036854775806');
    await page.click('#save-entity');
    await page.waitForFunction(() => document.getElementById('editor-message')!.textContent === 'Saved.');
    const patch = h.emulator.httpRequests().find((r) => r.method === 'PATCH');
    expect(patch?.url).toContain('big-numbers');
    expect(patch?.bodyText).toContain('9223372036854775806');
    expect(h.emulator.store.get('big-numbers')?.windows).toBe(9223372036854775806n);

    await openDashboard(page, dashboardUrl);
    const edited = (await tableRows(page)).find((row) => row[0] === 'Int64 edge cases');
    expect(edited?.[2]).toBe('9223372036854775806');
    await openEntity(page, 'big-numbers');
    expect(await page.inputValue('#editor-fields input[name="windows"]')).toBe('9223372036854775806');
  });

  it('explains a refused count (1.5) in plain words next to the field, and sends nothing upstream', async () => {
    await openEntity(page, 'business');
    h.emulator.clearLog();
    await page.fill('#editor-fields input[name="mac"]', '1.5');
    await page.click('#save-entity');
    await page.waitForFunction(() => document.getElementById('editor-message')!.textContent !== 'Saving…');
    expect(await page.textContent('#editor-message')).toBe(
      'The value for mac was refused: BigInt cannot represent "1.5": expected decimal digits with an optional leading \'-\' (no \'+\', spaces, exponent, fraction or hex)',
    );
    expect(await page.getAttribute('#editor-fields input[name="mac"]', 'aria-invalid')).toBe('true');
    expect(h.emulator.httpRequests()).toEqual([]);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, 'dashboard.png'), fullPage: true });
  });

  it.each([
    ['THROTTLED with its retry time', graphError(429, 'TooManyRequests', 'Too many requests', { 'retry-after': '120' }), 'Microsoft Graph is throttling requests: try again in 120 s.'],
    ['NOT_FOUND', graphError(404, 'ResourceNotFound', 'Resource not found'), expect.stringMatching(/^Microsoft Graph has no such entity \(it may have been removed\): .*business.*404 ResourceNotFound/)],
  ])('explains an upstream %s when saving', async (_name, response, expected) => {
    await openEntity(page, 'business');
    await page.fill('#editor-fields input[name="mac"]', '1022');
    h.emulator.faults.add({ method: 'PATCH', times: 1, action: { kind: 'respond', response } });
    await page.click('#save-entity');
    await page.waitForFunction(() => document.getElementById('editor-message')!.textContent !== 'Saving…');
    expect(await page.textContent('#editor-message')).toEqual(expected);
    expect(h.emulator.store.get('business')?.mac).toBe(1021n);
  });

  it('shows "as of" with the age when the gateway answers the report from its cache, and warns when stale', async () => {
    // This branch's gateway has no report cache yet: its answer gains the extension it will add.
    const freshness = [
      { source: 'cache', ageSeconds: 125, fetchedAt: '2026-12-01T08:58:00.000Z' },
      { source: 'stale', ageSeconds: 7200, fetchedAt: '2026-12-01T07:00:00.000Z', retryAfterSeconds: 30 },
    ];
    const cachedPage = await context.newPage();
    await cachedPage.route(`${h.url}/graphql`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      if (!body.data?.office365ActivationCountsReport) return route.fulfill({ response });
      return route.fulfill({ response, json: { ...body, extensions: { office365ActivationCountsReport: freshness.shift() } } });
    });
    await openDashboard(cachedPage, dashboardUrl);
    expect(await cachedPage.textContent('#report-freshness')).toBe('as of 2026-12-01T08:58:00.000Z (2 min old)');
    const warned = () => cachedPage.evaluate(() => document.getElementById('report-freshness')!.classList.contains('warning'));
    expect(await warned()).toBe(false);
    await cachedPage.click('#load');
    await cachedPage.waitForFunction(() => document.getElementById('report-freshness')!.textContent!.startsWith('Stale'));
    expect(await cachedPage.textContent('#report-freshness')).toBe('Stale: Microsoft Graph could not be asked for a fresh report, showing the copy as of 2026-12-01T07:00:00.000Z (2 h old); the gateway retries in 30 s.');
    expect(await warned()).toBe(true);
    await cachedPage.close();
  });

  it('sends only the manifest\'s sha256 ids, never operation text, and the gateway in require mode answers them', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const bodies: { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } }[] = [];
    const persistedPage = await context.newPage();
    persistedPage.on('request', (request) => {
      if (request.url().startsWith(`${h.url}/graphql`) && request.method() === 'POST') bodies.push(JSON.parse(request.postData() ?? '{}'));
    });
    // The gateway really is locked down: operation text is refused before parsing.
    const adHoc = await h.gql('{ __typename }');
    expect(adHoc.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    await openDashboard(persistedPage, dashboardUrl);
    expect(await persistedPage.textContent('#report-error')).toBe('');
    expect((await tableRows(persistedPage)).length).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      expect(body.query).toBeUndefined();
      const hash = body.extensions?.persistedQuery?.sha256Hash ?? '';
      expect(Object.keys(manifest)).toContain(`sha256:${hash}`);
      expect(createHash('sha256').update(manifest[`sha256:${hash}`]!).digest('hex')).toBe(hash);
    }
    await persistedPage.close();
  });

  it('made no request off loopback and logged no page error', () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(offLoopback(requested)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
