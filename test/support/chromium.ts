import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package; preferred when present because it needs no unpacking. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that work for both binaries. Not @sparticuz/chromium's own `args`: those are tuned for AWS
 * Lambda (`--single-process`, SwiftShader GL) and made its 138 build die of SIGTRAP on Debian.
 * No background networking, so a test's only traffic is what its page asks for.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type ChromiumSource = { kind: 'path'; path: string; reason: string } | { kind: 'npm' };

/**
 * Which Chromium the browser tests drive:
 * - CHROMIUM_PATH, when set and not empty;
 * - else /usr/bin/chromium when it exists, unless CHROMIUM_PREFER_SYSTEM=false;
 * - else the binary @sparticuz/chromium ships inside node_modules (so `npm ci` is all a machine needs).
 */
export function chooseChromium(env: Record<string, string | undefined>, exists: (path: string) => boolean = existsSync): ChromiumSource {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return { kind: 'path', path: configured, reason: 'CHROMIUM_PATH' };
  if (env.CHROMIUM_PREFER_SYSTEM?.toLowerCase() !== 'false' && exists(SYSTEM_CHROMIUM)) {
    return { kind: 'path', path: SYSTEM_CHROMIUM, reason: 'present on this machine' };
  }
  return { kind: 'npm' };
}

/** Path of the Chromium executable chosen for this environment; the npm one is unpacked on first use (~2.5 s, then cached in the temp folder). */
export async function chromiumExecutablePath(env: Record<string, string | undefined> = process.env): Promise<string> {
  const source = chooseChromium(env);
  if (source.kind === 'path') {
    if (!existsSync(source.path)) throw new Error(`Chromium not found at ${source.path} (from ${source.reason}): fix CHROMIUM_PATH, or unset it to use the Chromium npm ci installs`);
    return source.path;
  }
  // The package is ESM-first but ships a CommonJS build, which jest's runtime can require.
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** A headless Chromium (see chooseChromium for which one); the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumExecutablePath(), headless: true, args: CHROMIUM_FLAGS });
}
