/**
 * Comparing a report's period with earlier ones: "the same window yesterday" is the same
 * wall-clock span one calendar day earlier in the asker's zone (a DST day is 23 or 25 h, not 24),
 * "a week ago" seven calendar days earlier. LivePerson keeps 14 days of metrics, so an earlier
 * window that would start before that is left out. Pure: the clock and the zone are arguments.
 */
import { DateTime } from 'luxon';
import type { CompareWith } from './query';
import { RETENTION_MS } from './time';

/** Calendar days each comparison goes back. */
export const COMPARE_DAYS: Record<CompareWith, number> = { yesterday: 1, week: 7 };

export interface Span {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, inclusive. */
  to: number;
}

/** An instant moved `days` calendar days back on the wall clock of `zone`. */
function daysBack(epochMs: number, days: number, zone: string): number {
  return DateTime.fromMillis(epochMs, { zone }).minus({ days }).toMillis();
}

/** The same wall-clock span `with` earlier, in `zone`. */
export function shiftWindow(window: Span, withWhat: CompareWith, zone: string): Span {
  const days = COMPARE_DAYS[withWhat];
  return { from: daysBack(window.from, days, zone), to: daysBack(window.to, days, zone) };
}

/** Whether LivePerson still keeps an earlier window asked for at `now`. */
export function withinRetention(window: Span, now: number): boolean {
  return window.from >= now - RETENTION_MS;
}

export type Direction = 'up' | 'down' | 'same';

/** How a value moved from an earlier period to this one. */
export interface Change {
  direction: Direction;
  /** Absolute difference, this period minus the earlier one. */
  delta: number;
  /** The difference as a share of the earlier value; undefined when that was 0 (no base to divide by). */
  ratio: number | undefined;
}

/** The change from `before` to `now`; undefined when either has no value (no data is not a zero). */
export function changeOf(now: number | undefined, before: number | undefined): Change | undefined {
  if (now === undefined || before === undefined) return undefined;
  const delta = now - before;
  return {
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
    delta,
    ratio: before === 0 ? undefined : delta / before,
  };
}
