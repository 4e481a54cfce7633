import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * A preload for the gateway (`PROFILE_NODE_ARGS="-r dist-bench/tools/profile/allocation-sampler.js"`):
 * after ALLOC_DELAY_MS (default 5000, past the warm-up) it samples allocations for ALLOC_MS (default
 * 4000) with V8's sampling heap profiler, objects already collected included, so the profile shows
 * what each function allocates, not what survives (Node's --heap-prof keeps only the survivors).
 * Writes ALLOC_OUT (default the working directory)/alloc-<pid>.heapprofile; summarize it with
 * summarize-profile.js. A preload's whole job is to start when loaded: nothing imports this file.
 */
const delayMs = Number(process.env.ALLOC_DELAY_MS ?? 5000);
const sampleMs = Number(process.env.ALLOC_MS ?? 4000);
const session = new Session();
session.connect();
setTimeout(() => {
  session.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }, (startError) => {
    if (startError) return process.stderr.write(`allocation sampler: ${startError.message}\n`);
    setTimeout(() => {
      session.post('HeapProfiler.stopSampling', (stopError, result) => {
        if (stopError) return process.stderr.write(`allocation sampler: ${stopError.message}\n`);
        const file = join(process.env.ALLOC_OUT ?? process.cwd(), `alloc-${process.pid}.heapprofile`);
        writeFileSync(file, JSON.stringify(result.profile));
        process.stderr.write(`allocation sampler: wrote ${file}\n`);
      });
    }, sampleMs).unref();
  });
}, delayMs).unref();
