/**
 * Single-flight: concurrent callers asking the same key share one in-flight promise, so a burst of
 * identical questions (a channel full of people pressing Refresh) costs LivePerson one request.
 * The entry is dropped as soon as the promise settles: failures are never replayed to later callers.
 */

/** Coalesces concurrent calls by key. */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Runs `fn` unless a call with the same key is already running, in which case joins it. */
  run(key: string, fn: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    // fn starts on the next microtask, after the entry exists, so even a synchronous throw is cleaned up.
    const p: Promise<T> = Promise.resolve()
      .then(fn)
      .finally(() => {
        if (this.inFlight.get(key) === p) this.inFlight.delete(key);
      });
    this.inFlight.set(key, p);
    return p;
  }

  /** True while a call with this key runs (a `run` now would join it). */
  has(key: string): boolean {
    return this.inFlight.has(key);
  }

  /** Number of keys currently in flight. */
  get size(): number {
    return this.inFlight.size;
  }
}
