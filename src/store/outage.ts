/**
 * A store connection that went away, told once: the first error of an outage is one line naming
 * the store and why, what follows while it is away (every reconnect attempt, every failed command)
 * goes to debug, and the first connection after it is one line saying it is back. Without this a
 * Redis that is down logs each of its reconnect attempts, forever, and the cause drowns.
 */
import type { AppLogger } from '../shared/logger';

export class OutageLog {
  private downSince: number | undefined;

  constructor(
    /** "Redis at redis://host:6379" (no password). */
    private readonly where: string,
    private readonly log: AppLogger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether the store is away right now (between a failure and the next connection). */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** An error from the connection or a command; only the first of an outage is an error line. */
  failed(reason: string): void {
    if (this.downSince !== undefined) {
      this.log.debug('store still unreachable', { store: this.where, error: reason });
      return;
    }
    this.downSince = this.clock();
    this.log.error(
      `${this.where} is unreachable (${reason}): digests wait and button state is not kept until it is back; reconnecting on its own`,
      { store: this.where },
    );
  }

  /** The connection is ready again; says so once after an outage. */
  recovered(): void {
    if (this.downSince === undefined) return;
    const seconds = Math.round((this.clock() - this.downSince) / 1000);
    this.downSince = undefined;
    this.log.info(`${this.where} is reachable again (after ${seconds} s)`, { store: this.where });
  }
}
