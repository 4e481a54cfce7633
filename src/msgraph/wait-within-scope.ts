import type { OperationScope } from './operation-scope';

/**
 * Waits for `answer` only as long as `scope` allows: rejects with the scope's own reason
 * (DEADLINE_EXCEEDED at its deadline, CALLER_GONE on its disconnect) when either comes first, and
 * tells `onLeave` so the owner of `answer` can decide whether anyone still needs it. Leaving never
 * cancels `answer` itself.
 */
export function waitWithinScope<T>(answer: Promise<T>, scope: OperationScope, onLeave?: () => void): Promise<T> {
  if (scope.signal?.aborted || scope.remainingMs() <= 0) return Promise.reject(scope.stopped());
  return new Promise<T>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      scope.signal?.removeEventListener('abort', leave);
    };
    const leave = (): void => {
      done();
      reject(scope.stopped());
      onLeave?.();
    };
    const timer = setTimeout(leave, scope.remainingMs());
    scope.signal?.addEventListener('abort', leave, { once: true });
    answer.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
