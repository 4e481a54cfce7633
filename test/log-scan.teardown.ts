import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURED_LOGS_DIR } from './support/log-capture';
import { findSecretLeaks } from './support/log-scan';

/**
 * jest globalTeardown: every gateway started by the harness in this run saved its log lines and the
 * tokens its test sent; any token (or any unredacted bearer credential) in any line fails the run.
 */
export default function scanCapturedLogsForSecrets(): void {
  if (!existsSync(CAPTURED_LOGS_DIR)) return;
  const problems: string[] = [];
  let lines = 0;
  for (const name of readdirSync(CAPTURED_LOGS_DIR)) {
    const captured = JSON.parse(readFileSync(join(CAPTURED_LOGS_DIR, name), 'utf8')) as { testPath: string | null; tokens: string[]; lines: string[] };
    lines += captured.lines.length;
    for (const leak of findSecretLeaks(captured.lines, captured.tokens)) {
      problems.push(`${captured.testPath ?? name}: log line shows ${JSON.stringify(leak.match)}: ${leak.line.slice(0, 300)}`);
    }
  }
  if (problems.length > 0) throw new Error(`Secret scan of ${lines} gateway log lines found ${problems.length} leak(s):\n${problems.join('\n')}`);
}
