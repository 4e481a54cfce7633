import type { OperationScope } from './operation-scope';

/**
 * Waits for `answer` only as long as `scope` allows: rejects with the scope's own reason
 * (DEADLINE_EXCEEDED at its deadline, CALLER_GONE on its disconnect) when either comes first, and
 * tells `onLeave` so the owner of `answer` can decide whether anyone still needs it. Leaving never
 * cancels `answer` itself.
 */
export function waitWithinScope<T>(answer: Promise<T>, scope: OperationScope, onLeave?: () => void): Promise<T> {
  if (scope.hasStopped()) return Promise.reject(scope.stopped());
  return new Promise<T>((resolve, reject) => {
    // The operation's call signal: its deadline and its caller's disconnect, with no listener of
    // its own on the caller's signal (call-signal.ts).
    const wait = scope.startCall();
    const done = (): void => {
      wait.signal.removeListener('abort', leave);
      wait.release();
    };
    const leave = (): void => {
      done();
      reject(scope.stopped());
      onLeave?.();
    };
    wait.signal.once('abort', leave);
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
