/**
 * The simulated clock. A frozen clock (a number) lets tests and the CLI pin "now" to a busy
 * weekday; a running one follows the real clock, shifted by whatever setNow moved it.
 */

/** Plain functions, not methods: the server hands them on as they are. */
export interface Clock {
  readonly now: () => number;
  /** A frozen clock stays frozen at `ms`; a running one runs on from it. */
  readonly setNow: (ms: number) => void;
}

/** A clock frozen at `start` (a number) or running on `start` (a function; default Date.now). */
export function createClock(start: number | (() => number) | undefined): Clock {
  let frozen = typeof start === 'number' ? start : undefined;
  const running = typeof start === 'function' ? start : Date.now;
  let offset = 0;
  const now = (): number => frozen ?? running() + offset;
  const setNow = (ms: number): void => {
    if (frozen !== undefined) frozen = ms;
    else offset = ms - running();
  };
  return { now, setNow };
}
