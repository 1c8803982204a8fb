/**
 * Whether LivePerson answers, as the bot's own traffic shows it: the last answer and the last
 * failure of any request. /healthz reports it without calling LivePerson itself (a slow upstream
 * must not get the bot restarted by its health checks).
 */

export type ReachabilityState = 'unknown' | 'ok' | 'failing';

export interface ReachabilitySnapshot {
  state: ReachabilityState;
  /** Epoch ms of the last answer LivePerson gave (any request). */
  lastOkAt?: number;
  /** Epoch ms and cause of the last failed attempt. */
  lastFailure?: { at: number; detail: string };
}

export class Reachability {
  private lastOkAt: number | undefined;
  private lastFailure: { at: number; detail: string } | undefined;
  /** What happened last, by order of events (a test clock may give both the same instant). */
  private lastWasFailure = false;

  constructor(private readonly now: () => number = Date.now) {}

  answered(): void {
    this.lastOkAt = this.now();
    this.lastWasFailure = false;
  }

  failed(detail: string): void {
    this.lastFailure = { at: this.now(), detail: detail.slice(0, 200) };
    this.lastWasFailure = true;
  }

  snapshot(): ReachabilitySnapshot {
    const { lastOkAt, lastFailure } = this;
    const state: ReachabilityState =
      lastOkAt === undefined && lastFailure === undefined
        ? 'unknown'
        : this.lastWasFailure
          ? 'failing'
          : 'ok';
    return {
      state,
      ...(lastOkAt === undefined ? {} : { lastOkAt }),
      ...(lastFailure === undefined ? {} : { lastFailure }),
    };
  }
}
