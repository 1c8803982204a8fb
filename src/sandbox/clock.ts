/**
 * The demo's clock: real time plus an offset the sandbox page moves forward. The bot, the
 * simulator and the digest scheduler all read it (container.now), so "+1 h" means an hour later
 * for the traffic, the report windows and the schedules alike.
 *
 * Fast-forwarding stops at every digest fire on the way and ticks the scheduler there, so a jump
 * of an hour posts the summary due in ten minutes on time, as a bot that had been running all
 * along would, instead of the scheduler finding it fifty minutes late and noting it missed.
 */

export interface OffsetClock {
  // Properties, not methods: the demo hands `now` to the bot on its own.
  now: () => number;
  /** How far ahead of its base the clock runs (ms). */
  offsetMs: () => number;
  /** Moves the clock to `at` (never backwards: the scheduler's ledger assumes time goes on). */
  moveTo: (at: number) => void;
}

/** A clock that runs with `base` (Date.now, or a fixed test clock), shifted forward on demand. */
export function offsetClock(base: () => number = Date.now): OffsetClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    offsetMs: () => offset,
    moveTo: (at) => {
      offset = Math.max(offset, at - base());
    },
  };
}

/** A jump lands this far past a fire, so the scheduler sees it due (not a millisecond early). */
export const PAST_FIRE_MS = 1_000;
/** Fires stopped at in one jump; past them the clock goes straight to the target. */
export const MAX_STOPS = 48;

export interface FastForwardDeps {
  clock: OffsetClock;
  /** The earliest digest fire after `after` (epoch ms), if any. */
  nextFire: (after: number) => Promise<number | undefined>;
  /** One scheduler tick at the clock's current time. */
  tick: () => Promise<unknown>;
}

/** Moves the clock `byMs` forward, ticking at each digest fire on the way and at the end. */
export async function fastForward(
  deps: FastForwardDeps,
  byMs: number,
): Promise<{ now: number; stops: number }> {
  const target = deps.clock.now() + Math.max(0, byMs);
  let stops = 0;
  while (stops < MAX_STOPS) {
    const next = await deps.nextFire(deps.clock.now());
    if (next === undefined || next + PAST_FIRE_MS > target) break;
    deps.clock.moveTo(next + PAST_FIRE_MS);
    await deps.tick();
    stops += 1;
  }
  deps.clock.moveTo(target);
  await deps.tick();
  return { now: deps.clock.now(), stops };
}
