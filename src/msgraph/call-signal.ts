/** An abort signal for one upstream call, and the way to release what it holds once the call ended. */
export interface CallSignal {
  signal: AbortSignal;
  /** Clears the timer and the parent listener; call it when the call ended, however it ended. */
  release(): void;
}

/**
 * Aborts after `timeoutMs` (with a TimeoutError, as AbortSignal.timeout does) or when `parent`
 * aborts (with its reason), whichever comes first. AbortSignal.any([AbortSignal.timeout(ms), parent])
 * behaves the same but cannot be released: its timer, and the signals it keeps, live for the whole
 * budget after the call ended. Under load with a 10 s budget that is tens of thousands of live timers
 * (profiled: ~4 % of CPU and a large share of the heap); this one is gone as soon as the call ends.
 */
export function createCallSignal(timeoutMs: number, parent?: AbortSignal): CallSignal {
  const controller = new AbortController();
  if (parent?.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const onParentAbort = (): void => controller.abort(parent!.reason);
  parent?.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), Math.max(0, timeoutMs));
  timer.unref();
  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
