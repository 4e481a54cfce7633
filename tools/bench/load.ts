import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { request } from 'undici';
import type { LoadRequest } from './scenarios';
import { procStatCpuTicks, procStatusBytes } from './stats';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, socket errors, timeouts and answers unlike the probe's: a run with any is reported, not trusted. */
  failures: number;
  /** Requests completed in the run. */
  completed: number;
}

/** Drives `baseUrl` with autocannon: `connections` keep-alive connections, no pipelining, for `seconds`. */
export async function runLoad(baseUrl: string, load: LoadRequest, connections: number, seconds: number, expectBody?: string): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}${load.path}`,
    method: load.method,
    headers: load.headers,
    body: load.body,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    // Every answer under load must equal the checked probe answer: a 200 carrying GraphQL errors is a failure too.
    expectBody,
  });
  const completed = result.latency.totalCount ?? result.requests.total ?? 0;
  return {
    requestsPerSecond: completed / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
    completed,
  };
}

/**
 * Sends `count` operations one after another and checks each answer; with counter readings around
 * it, this gives the exact upstream requests per operation (under load, operations still in flight
 * when autocannon stops would blur the count).
 */
export async function probe(baseUrl: string, load: LoadRequest, count: number): Promise<string> {
  let last = '';
  for (let i = 0; i < count; i++) {
    const answer = await request(`${baseUrl}${load.path}`, { method: load.method, headers: load.headers, body: load.body });
    const text = await answer.body.text();
    if (!load.isCorrect(answer.statusCode, text)) throw new Error(`${load.method} ${baseUrl}${load.path} answered ${answer.statusCode}: ${text.slice(0, 500)}`);
    last = text;
  }
  return last;
}

/** The kernel's own peak RSS of a process (VmHWM), bytes; undefined off Linux. */
export function peakRssOf(pid: number): number | undefined {
  try {
    return procStatusBytes(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM');
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ: /proc times are in hundredths of a second on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads, GC included) a process has used so far, microseconds. */
export function cpuMicrosOf(pid: number): number | undefined {
  try {
    return (procStatCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1_000_000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
