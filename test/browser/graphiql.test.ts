import { mkdirSync } from 'node:fs';
import { EMULATOR_SAMPLE_TOKEN } from '../../emulator/sample-token';
import { join } from 'node:path';
import { print } from 'graphql';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EXAMPLE_OPERATIONS } from '../../src/graphiql/example-operations';
import { GraphiqlBatchedLookupsDocument } from '../generated/client/graphql';
import { batchItems } from '../support/emulator-log';
import { launchBrowser } from '../support/chromium';
import { offLoopback, openLoopbackPage } from '../support/loopback-page';
import { startHarness, type Harness } from '../support/harness';

const OUTPUT_DIR = join(__dirname, '..', '..', 'test-output');
const SAMPLE_TOKEN = EMULATOR_SAMPLE_TOKEN;

jest.setTimeout(90_000);

type CodeMirrorElement = HTMLElement & { CodeMirror: { getValue(): string; setValue(value: string): void; getScrollInfo(): { width: number; clientWidth: number } } };

function resultText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('.result-window .CodeMirror') as CodeMirrorElement | null)?.CodeMirror.getValue() ?? '');
}

/** Waits until the result pane shows a new, complete answer, and parses it. */
async function nextResult(page: Page, before: string): Promise<any> {
  await page.waitForFunction((previous) => {
    const text = (document.querySelector('.result-window .CodeMirror') as CodeMirrorElement | null)?.CodeMirror.getValue() ?? '';
    return text !== '' && text !== previous;
  }, before);
  return JSON.parse(await resultText(page));
}

/** Picks one of the editor's operations from the ▶ button's menu, as a user would. */
async function runFromMenu(page: Page, operationName: string): Promise<any> {
  const before = await resultText(page);
  await page.click('.graphiql-execute-button[aria-haspopup="menu"]');
  await page.getByRole('menuitem', { name: operationName, exact: true }).click();
  return nextResult(page, before);
}

/** Replaces the editor's text with one operation and runs it with the ▶ button. */
async function typeAndRun(page: Page, operation: string): Promise<any> {
  const before = await resultText(page);
  await page.evaluate((text) => (document.querySelector('.graphiql-query-editor .CodeMirror') as CodeMirrorElement).CodeMirror.setValue(text), operation);
  // GraphiQL re-parses the editor after a debounce; until then ▶ is still the multi-operation menu.
  await page.waitForSelector('.graphiql-execute-button:not([aria-haspopup])');
  await page.click('.graphiql-execute-button');
  return nextResult(page, before);
}

describe('GraphiQL in headless Chromium, offline', () => {
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requested: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ deps: { graphiqlDefaultToken: SAMPLE_TOKEN } });
    // No Chromium is a failure here, never a skip: this test is the only proof GraphiQL works offline.
    browser = await launchBrowser();
    ({ context, page, requested, pageErrors } = await openLoopbackPage(browser, { viewport: { width: 1400, height: 900 } }));
    // A browser's own Accept header on /graphql: the landing page, ours instead of Apollo's CDN one.
    await page.goto(`${h.url}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await h?.close();
  });
  beforeEach(() => h.emulator.clearLog());

  it('opens with the example operations and the sample token in the headers editor', async () => {
    const query = await page.evaluate(() => (document.querySelector('.graphiql-query-editor .CodeMirror') as CodeMirrorElement).CodeMirror.getValue());
    expect(query).toBe(EXAMPLE_OPERATIONS);
    // Nothing cut off at the right edge: no line is wider than the editor at this window size.
    const scroll = await page.evaluate(() => (document.querySelector('.graphiql-query-editor .CodeMirror') as CodeMirrorElement).CodeMirror.getScrollInfo());
    expect(scroll.width).toBeLessThanOrEqual(scroll.clientWidth);
    const tools = await page.locator('.graphiql-editor-tool').innerText();
    expect(tools).toContain(`"Authorization": "Bearer ${SAMPLE_TOKEN}"`);
  });

  it('runs the example update mutation from the ▶ menu and renders the exact Int64', async () => {
    const result = await runFromMenu(page, 'UpdateWindows');
    expect(result).toEqual({ data: { updateOffice365ActivationCounts: { id: 'big-numbers', windows: '9223372036854775807' } } });
    expect(await page.locator('.result-window').innerText()).toContain('"9223372036854775807"');
    // The headers editor's token is what reached the upstream.
    const [patch] = h.emulator.httpRequests();
    expect([patch!.method, patch!.headers.authorization]).toEqual(['PATCH', `Bearer ${SAMPLE_TOKEN}`]);
  });

  it('runs three aliased lookups as one upstream $batch and renders them', async () => {
    const result = await typeAndRun(page, print(GraphiqlBatchedLookupsDocument));
    expect(result.data).toEqual({
      proplus: { id: 'proplus', windows: '9157' },
      business: { id: 'business', windows: '3072' },
      bigNumbers: { id: 'big-numbers', windows: '9223372036854775807', mac: '9223372036854775807' },
    });
    const rendered = await page.locator('.result-window').innerText();
    expect(rendered).toContain('"bigNumbers"');
    expect(rendered).toContain('"9223372036854775807"');
    const upstream = h.emulator.httpRequests();
    expect(upstream.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1.0/$batch']);
    expect(batchItems(upstream[0]!)).toHaveLength(3);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, 'graphiql.png') });
  });

  it('made no request off loopback and logged no page error', () => {
    expect(requested.length).toBeGreaterThan(5);
    expect(offLoopback(requested)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
