/**
 * Builds shared by identical concurrent asks (a single flight per key), with one more signal: when
 * the build's data has arrived. An answer says "still waiting on LivePerson" until LivePerson has
 * answered; an ask that joined another's build has no LivePerson call of its own to watch, so it
 * is told when the build it joined got its data, not only when the whole build (chart, message)
 * is done.
 */
import { SingleFlight } from './single-flight';

export class SharedBuilds<T> {
  private readonly flights = new SingleFlight<T>();
  /** Resolves once the running build of a key has its data (or has ended). */
  private readonly fetched = new Map<string, Promise<void>>();

  /**
   * Runs `build` unless a build of `key` is running, in which case joins it. `build` calls its
   * argument once its data has arrived; `onFetched` runs then, for the first asker and every
   * joiner alike (and at the latest when the build settles, however it ends). It is a signal,
   * not a step: whatever it throws is dropped, and the build goes on.
   */
  run(key: string, build: (fetched: () => void) => Promise<T>, onFetched: () => void): Promise<T> {
    const joined = this.fetched.get(key);
    if (joined && this.flights.has(key)) {
      void joined.then(onFetched).catch(() => undefined);
      return this.flights.run(key, () => build(() => undefined));
    }
    let markFetched!: () => void;
    const fetched = new Promise<void>((resolve) => (markFetched = resolve));
    this.fetched.set(key, fetched);
    void fetched.then(onFetched).catch(() => undefined);
    const running = this.flights.run(key, () => build(markFetched));
    const end = () => {
      markFetched();
      if (this.fetched.get(key) === fetched) this.fetched.delete(key);
    };
    running.then(end, end);
    return running;
  }

  /** Number of keys being built now. */
  get size(): number {
    return this.flights.size;
  }
}
