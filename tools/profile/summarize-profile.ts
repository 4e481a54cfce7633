import { readFileSync } from 'node:fs';
import { summarizeCpuProfile, summarizeHeapProfile, type CpuProfile, type HeapProfile, type Share } from './profile-summary';

const lines = (shares: Share[], unit: (amount: number) => string): string => shares.map((s) => `${(s.share * 100).toFixed(1).padStart(5)} %  ${unit(s.amount).padStart(9)}  ${s.name}`).join('\n');

/** `node dist-bench/tools/profile/summarize-profile.js FILE [CALLERS_REGEX]`: a .cpuprofile or .heapprofile, as text. */
function main(argv: string[]): void {
  const [file, callers] = argv;
  if (!file) throw new Error('usage: summarize-profile.js FILE.cpuprofile|FILE.heapprofile [REGEX of functions whose callers to show]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile | HeapProfile;
  // A heap profile has `samples` too (with sizes), but no node list or time deltas.
  if ('timeDeltas' in profile) {
    const summary = summarizeCpuProfile(profile);
    process.stdout.write(`${(summary.totalMicros / 1000).toFixed(0)} ms sampled\n\nself time by package\n${lines(summary.byPackage, (us) => `${(us / 1000).toFixed(0)} ms`)}\n\nself time by function\n${lines(summary.byFunction, (us) => `${(us / 1000).toFixed(0)} ms`)}\n`);
    return;
  }
  const summary = summarizeHeapProfile(profile, 30, callers ? new RegExp(callers) : undefined);
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  process.stdout.write(`${mb(summary.totalBytes)} allocated while sampling\n\nbytes by function\n${lines(summary.byFunction, mb)}\n`);
  if (callers) process.stdout.write(`\nwho allocates through /${callers}/\n${lines(summary.callers, mb)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
