import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Host names of this machine: the only ones a browser test's pages may reach. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LoopbackPage {
  context: BrowserContext;
  page: Page;
  /** Every URL any page of the context asked for, refused ones included. */
  requested: string[];
  /** Uncaught page errors and console errors (less the ones `expectedConsoleError` accepts). */
  pageErrors: string[];
}

export interface LoopbackPageOptions {
  viewport: { width: number; height: number };
  /** Console errors a test causes on purpose (e.g. Chromium's line for a 400 answer). */
  expectedConsoleError?: (text: string) => boolean;
}

/**
 * A browser context whose requests are all recorded, and refused outright unless they go to
 * loopback: a test can then assert both that the page worked offline and that nothing left the machine.
 */
export async function openLoopbackPage(browser: Browser, options: LoopbackPageOptions): Promise<LoopbackPage> {
  const requested: string[] = [];
  const pageErrors: string[] = [];
  const context = await browser.newContext({ viewport: options.viewport });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    return LOOPBACK_HOSTS.has(url.hostname) ? route.continue() : route.abort('blockedbyclient');
  });
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !options.expectedConsoleError?.(message.text())) pageErrors.push(message.text());
  });
  return { context, page, requested, pageErrors };
}

/** The URLs of `requested` that did not go to loopback (what a test expects to be empty). */
export function offLoopback(requested: readonly string[]): string[] {
  return requested.filter((url) => !LOOPBACK_HOSTS.has(new URL(url).hostname));
}
