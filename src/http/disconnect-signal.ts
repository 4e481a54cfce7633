/**
 * A request's disconnect signal, made only when something asks for it: an AbortController costs
 * ~2 µs (profiled), and most of a `{ __typename }` request's life never needs one. Told when the
 * client left before the answer was sent; a signal asked for after that is born aborted.
 */
export class LazyDisconnectSignal {
  private controller?: AbortController;
  private gone = false;

  get clientGone(): boolean {
    return this.gone;
  }

  /** The client left before its answer was sent: the signal aborts (now, or when it is made). */
  clientLeft(): void {
    this.gone = true;
    this.controller?.abort();
  }

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.gone) this.controller.abort();
    }
    return this.controller.signal;
  }
}
