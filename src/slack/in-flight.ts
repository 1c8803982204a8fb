/**
 * Answers still being worked on after their ack. On SIGTERM the bot stops taking requests, then
 * waits for these (bounded) before closing LivePerson connections, so a deploy does not leave a
 * "Fetching…" placeholder on someone's screen for good.
 */
import { Deadline, raceDeadline } from '../shared/deadline';

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
    const settled = Promise.allSettled([...this.running]).then(() => true);
    return raceDeadline(settled, Deadline.after(timeoutMs)).catch(() => false);
  }
}
