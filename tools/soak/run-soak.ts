import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSoak } from './soak-runner';
import { soakTable, type SoakReport } from './soak-report';

/**
 * `npm run soak`: 50 clients × 60 s against the real gateway process and the emulator at 10 % random
 * faults (SOAK_CLIENTS, SOAK_DURATION_S, SOAK_FAULT_RATE percent, SOAK_SEED, SOAK_RETRY_AFTER_S
 * override). Loopback only, bounded in time. Writes docs/soak.md; exits 1 when a target is missed.
 */
function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${JSON.stringify(raw)}: expected a non-negative number`);
  return value;
}

function missedTargets(r: SoakReport): string[] {
  const missed: string[] = [];
  if (r.gateway5xx > 0) missed.push(`${r.gateway5xx} gateway 5xx`);
  if (r.transportErrors > 0) missed.push(`${r.transportErrors} requests without an HTTP answer`);
  if (r.failuresWithoutCode > 0) missed.push(`${r.failuresWithoutCode} errors without a code`);
  if (r.writes.successNotApplied > 0) missed.push(`${r.writes.successNotApplied} successful mutations never applied`);
  if (r.writes.finalStateMismatches > 0) missed.push(`${r.writes.finalStateMismatches} entities with a wrong final state`);
  if (r.rssGrowthPercent >= 10) missed.push(`RSS grew ${r.rssGrowthPercent.toFixed(1)} % after warm-up`);
  if (!r.processStayedUp) missed.push('the gateway process did not stay up');
  if (r.tokenLeaksInLogs > 0) missed.push(`${r.tokenLeaksInLogs} log lines with the token`);
  return missed;
}

async function main(): Promise<void> {
  const durationMs = numberFrom('SOAK_DURATION_S', 60) * 1000;
  const report = await runSoak({
    clients: numberFrom('SOAK_CLIENTS', 50),
    durationMs,
    faultRate: numberFrom('SOAK_FAULT_RATE', 10) / 100,
    seed: numberFrom('SOAK_SEED', 2026),
    retryAfterSeconds: numberFrom('SOAK_RETRY_AFTER_S', 1),
    warmupMs: Math.min(15_000, durationMs / 4),
    command: 'npm run soak',
  });
  const table = soakTable(report);
  const missed = missedTargets(report);
  const verdict = missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.join('; ')}.`;
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const doc = [
    '# Soak test',
    '',
    `Run ${when} UTC on ${process.platform}/${process.arch}, Node ${process.version}. ${verdict}`,
    '',
    table,
    '',
    'How to read it: the emulator fails the configured share of upstream requests (HTTP and `$batch` items) with',
    "the Graph SDK ChaosHandler's statuses (429 with Retry-After, 500, 502, 503, 504, and 507 for POST). The gateway",
    'retries 429/503/504 (PATCH included: its body sets absolute values) and reports 500/502/507 and exhausted',
    'retries as GraphQL errors with codes, never as HTTP 5xx. Each mutation writes a distinct value, so every',
    'PATCH the emulator applied is matched to the mutation that sent it. Injected faults answer before the',
    'emulator applies anything, so a success applied exactly once and a failure not applied at all is the',
    'expected accounting; "applied anyway" would show a write whose answer was lost after it was applied',
    '(possible against the real Graph on a timeout or reset, which is why such failures say so in their code).',
    '',
  ].join('\n');
  writeFileSync(join(__dirname, '..', '..', 'docs', 'soak.md'), doc);
  process.stdout.write(`${table}\n\n${verdict}\nWritten to docs/soak.md\n`);
  process.exitCode = missed.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
