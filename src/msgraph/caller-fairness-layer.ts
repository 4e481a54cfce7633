import type { UpstreamAdmission } from './upstream-admission';
import { isBatch, type UpstreamLayer } from './upstream-call';

/** Holds each attempt until its caller's and the gateway's concurrency allow it (upstream-admission.ts); a `$batch` never borrows beyond the caller's share. */
export function callerFairnessLayer(admission: UpstreamAdmission): UpstreamLayer {
  return (next) => async (call) => {
    const release = await admission.acquire(call.scope, !isBatch(call));
    try {
      return await next(call);
    } finally {
      release();
    }
  };
}
