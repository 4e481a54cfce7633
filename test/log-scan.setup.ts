import { rmSync } from 'node:fs';
import { CAPTURED_LOGS_DIR } from './support/log-capture';

/** jest globalSetup: start each run with no captured logs, so the scan judges this run only. */
export default function clearCapturedLogs(): void {
  rmSync(CAPTURED_LOGS_DIR, { recursive: true, force: true });
}
