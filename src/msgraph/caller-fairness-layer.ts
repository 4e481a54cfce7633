import type { UpstreamAdmission } from './upstream-admission';
import { isBatch, type UpstreamCall, type UpstreamHandler, type UpstreamLayer, type UpstreamResponse } from './upstream-call';

/** Holds each attempt until its caller's and the gateway's concurrency allow it (upstream-admission.ts); a `$batch` never borrows beyond the caller's share. */
export function callerFairnessLayer(admission: UpstreamAdmission): UpstreamLayer {
  return (next) => (call) => {
    const mayBorrow = !isBatch(call);
    // Most calls get both slots at once: then no promise of this layer's own but the one that releases.
    const release = admission.tryAcquire(call.scope, mayBorrow);
    return release ? callHolding(next, call, release) : waitThenCall(admission, next, call, mayBorrow);
  };
}

function callHolding(next: UpstreamHandler, call: UpstreamCall, release: () => void): Promise<UpstreamResponse> {
  let answer: Promise<UpstreamResponse>;
  try {
    answer = next(call);
  } catch (error: unknown) {
    release();
    return Promise.reject(error);
  }
  return answer.finally(release);
}

async function waitThenCall(admission: UpstreamAdmission, next: UpstreamHandler, call: UpstreamCall, mayBorrow: boolean): Promise<UpstreamResponse> {
  const release = await admission.acquire(call.scope, mayBorrow);
  return callHolding(next, call, release);
}
