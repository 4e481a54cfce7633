import { AbortEmitter } from '../msgraph/call-signal';

/**
 * A request's disconnect signal, made only when something asks for it (most of a `{ __typename }`
 * request's life never needs one). Told when the client left before the answer was sent; a signal
 * asked for after that is born aborted.
 */
export class LazyDisconnectSignal {
  private emitter?: AbortEmitter;
  private gone = false;

  get clientGone(): boolean {
    return this.gone;
  }

  /** The client left before its answer was sent: the signal aborts (now, or when it is made). */
  clientLeft(): void {
    this.gone = true;
    this.emitter?.abort();
  }

  get signal(): AbortEmitter {
    if (this.emitter === undefined) {
      this.emitter = new AbortEmitter();
      if (this.gone) this.emitter.abort();
    }
    return this.emitter;
  }
}
