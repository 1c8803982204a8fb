/**
 * One deadline per answer: made once where the work starts (the listener, a digest run) and passed
 * down through every call that serves it, so a chain of slow steps shares one budget instead of
 * each step starting a fresh one. Monotonic: a wall-clock jump does not move it.
 */
export class Deadline {
  private constructor(
    /** Monotonic ms at which the time is up. */
    readonly at: number,
    /** The budget it was made with, in ms (for messages and logs). */
    readonly budgetMs: number,
    private readonly clock: () => number,
  ) {}

  /** A deadline `ms` from now on `clock` (performance.now by default). */
  static after(ms: number, clock: () => number = () => performance.now()): Deadline {
    return new Deadline(clock() + Math.max(0, ms), Math.max(0, ms), clock);
  }

  /** Milliseconds left, never negative. */
  remaining(): number {
    return Math.max(0, this.at - this.clock());
  }

  /** Milliseconds since it was made. */
  elapsed(): number {
    return this.budgetMs - (this.at - this.clock());
  }

  expired(): boolean {
    return this.remaining() <= 0;
  }
}

/** Thrown where a deadline ran out while waiting; carries how long was waited. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
  constructor(readonly waitedMs: number) {
    super(`gave up after ${Math.round(waitedMs)} ms`);
  }
}

/** `promise`, or a DeadlineExceededError when `deadline` passes first (the work itself goes on). */
export function raceDeadline<T>(promise: Promise<T>, deadline: Deadline | undefined): Promise<T> {
  if (!deadline) return promise;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    // Rounded up: timers truncate to whole ms, and firing early would end a deadline not yet passed.
    const ms = Math.ceil(deadline.remaining());
    timer = setTimeout(() => reject(new DeadlineExceededError(deadline.elapsed())), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
