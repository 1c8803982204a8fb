/**
 * When consumers write in: a daily curve in UTC (quiet at night, peaks late morning and mid
 * afternoon) times a weekday factor (weekends are quieter).
 */
import { DAY_MS, HOUR_MS } from '../domain/time';

// Relative arrivals per UTC hour 0..23.
const HOURLY = [
  0.8, 0.5, 0.35, 0.3, 0.35, 0.6, 1.5, 3, 5, 6.5, 7.8, 8.2, 6.8, 6.6, 7.6, 7.8, 6.6, 5.2, 4, 3.2, 2.6, 2, 1.5,
  1.1,
];
const TOTAL = HOURLY.reduce((a, b) => a + b, 0);
// Sunday first, as Date#getUTCDay counts.
const WEEKDAY = [0.55, 1.1, 1, 1, 1, 0.95, 0.65];

/** Share of a day's volume arriving per hour around `t` (interpolated between hour midpoints). */
export function hourShare(t: number): number {
  const x = ((((t % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS - 0.5 + 24) % 24;
  const h = Math.floor(x);
  const f = x - h;
  return ((1 - f) * HOURLY[h]! + f * HOURLY[(h + 1) % 24]!) / TOTAL;
}

export function weekdayFactor(t: number): number {
  return WEEKDAY[new Date(t).getUTCDay()]!;
}

/** Expected arrivals per minute at `t` for a skill with `dailyVolume` on an ordinary weekday. */
export function arrivalsPerMinute(dailyVolume: number, t: number): number {
  return (dailyVolume * weekdayFactor(t) * hourShare(t)) / 60;
}
