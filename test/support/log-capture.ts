import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where every harness leaves its gateway's log lines for the end-of-run secret scan (test/log-scan.teardown.ts). */
export const CAPTURED_LOGS_DIR = join(__dirname, '..', '..', 'test-output', 'logs');

let saved = 0;

/**
 * Writes one gateway's log lines and the tokens its test sent, as JSON, so the scan after the run
 * covers every test file (jest runs files in separate workers; memory is not shared).
 */
export function saveCapturedLogs(lines: readonly string[], tokens: Iterable<string>): void {
  mkdirSync(CAPTURED_LOGS_DIR, { recursive: true });
  const file = join(CAPTURED_LOGS_DIR, `${process.pid}-${++saved}-${Date.now()}.json`);
  // Outside jest (a script reusing the harness) there is no test path to name.
  const testPath = typeof expect === 'undefined' ? null : (expect.getState().testPath ?? null);
  writeFileSync(file, JSON.stringify({ testPath, tokens: [...tokens], lines }));
}
