/**
 * Wall-clock time in an IANA timezone, computed with Intl.DateTimeFormat only (no libraries).
 * Pure: callers pass the instant; nothing here reads the clock.
 */
import { DAY_MS } from './time';

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

/** An instant for a wall-clock time; `exact` is false when that time did not exist (DST gap). */
export interface ZonedInstant {
  epoch: number;
  exact: boolean;
}

/** Largest |epoch| a JS Date accepts; Intl throws beyond it. */
const MAX_DATE_MS = 8.64e15;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for a zone Intl does not know; callers check with isTimeZone first. */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows the zone ("Europe/Berlin", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone to compute in, falling back to UTC (with a note saying so) for an unknown zone. */
export function resolveTimeZone(zone: string): { zone: string; note?: string } {
  if (isTimeZone(zone)) return { zone };
  if (zone.trim() === '') return { zone: 'UTC' };
  return { zone: 'UTC', note: `I don't know the timezone “${zone.slice(0, 40)}”, so times are in UTC.` };
}

/** The wall-clock reading of `epoch` in `zone`. */
export function zonedParts(epoch: number, zone: string): LocalDateTime {
  if (!(Math.abs(epoch) <= MAX_DATE_MS)) {
    return { year: NaN, month: NaN, day: NaN, hour: NaN, minute: NaN, second: NaN };
  }
  const out: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(epoch))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? NaN,
    month: out.month ?? NaN,
    day: out.day ?? NaN,
    // Some engines print midnight as "24" even with h23.
    hour: (out.hour ?? NaN) % 24,
    minute: out.minute ?? NaN,
    second: out.second ?? NaN,
  };
}

/** Offset of `zone` from UTC at `epoch`, in ms (Berlin in summer: +7 200 000). */
export function offsetAt(epoch: number, zone: string): number {
  const p = zonedParts(epoch, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(epoch / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in `zone`. Like Temporal's "compatible" disambiguation: a
 * repeated time (clocks went back) takes the earlier instant; a skipped time (clocks went forward)
 * moves forward by the length of the gap, and `exact` is false.
 */
export function localToEpoch(local: LocalDateTime, zone: string): ZonedInstant {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => t + offsetAt(t, zone) === wall);
  if (candidates.length > 0) return { epoch: Math.min(...candidates), exact: true };
  return { epoch: wall - before, exact: false };
}

/** The calendar date `days` away (negative: earlier). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "08:05": a wall-clock time as the grammar echoes it. */
export function formatClock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
