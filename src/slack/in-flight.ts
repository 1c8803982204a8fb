/**
 * Answers still being worked on after their ack. On SIGTERM the bot stops taking requests, then
 * waits for these (bounded) before closing LivePerson connections, so a deploy does not leave a
 * "Fetching…" placeholder on someone's screen for good.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work`, remembering it until it settles. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.running.add(p);
    const forget = () => this.running.delete(p);
    p.then(forget, forget);
    return p;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves true when everything settled, false when `timeoutMs` passed first. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const settled = Promise.allSettled([...this.running]).then(() => true as const);
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
