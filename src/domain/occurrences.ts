/**
 * A digest's schedule as instants: which local days and wall-clock time, in its IANA zone, fall
 * in a span of time. Pure (luxon for zone math). The rules a lead expects across DST:
 * - a local time that does not exist (spring forward) fires at the first valid instant after the
 *   gap (02:30 on a night the clocks jump from 02:00 to 03:00 fires at 03:00);
 * - a local time that happens twice (fall back) fires once, the first time;
 * - each occurrence has a key, its local date and requested time ("2026-10-25T02:30"), so the
 *   ledger names one firing however the clocks moved.
 */
import { DateTime } from 'luxon';
import type { DigestDays, DigestSchedule, Occurrence, Weekday } from './digest';
import { DAY_MS, MINUTE_MS } from './time';

/** Whether `weekday` is one of the digest's days. */
export function firesOn(days: DigestDays, weekday: Weekday): boolean {
  switch (days.kind) {
    case 'daily':
      return true;
    case 'weekdays':
      return weekday <= 5;
    case 'weekends':
      return weekday >= 6;
    case 'days':
      return days.days.includes(weekday);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The zone's offset (minutes east of UTC) at an instant. */
function offsetAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** Local wall-clock fields at an instant, as a comparable number (yyyymmddhhmm). */
function wallAt(ms: number, zone: string): number {
  const d = DateTime.fromMillis(ms, { zone });
  return ((d.year * 100 + d.month) * 100 + d.day) * 10_000 + d.hour * 100 + d.minute;
}

/**
 * The instant a local date and time happens in `zone`: the first of two in a repeated hour, the
 * end of the gap for one that does not exist.
 */
export function localInstant(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  zone: string,
): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const target = ((date.year * 100 + date.month) * 100 + date.day) * 10_000 + hour * 100 + minute;
  // The offsets in force around it: the same one twice on an ordinary day, two across a change.
  const offsets = [...new Set([offsetAt(asUtc - DAY_MS / 2, zone), offsetAt(asUtc + DAY_MS / 2, zone)])];
  const valid = offsets
    .map((o) => asUtc - o * MINUTE_MS)
    .filter((t) => wallAt(t, zone) === target)
    .sort((a, b) => a - b);
  if (valid.length) return valid[0]!;
  // In a gap: read with either offset it lands on the other side; the clocks jump somewhere in
  // between, on a whole minute. The first instant whose wall clock is past the target is the jump.
  let lo = Math.min(...offsets.map((o) => asUtc - o * MINUTE_MS));
  let hi = Math.max(...offsets.map((o) => asUtc - o * MINUTE_MS));
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
    if (wallAt(mid, zone) > target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The ledger key of a firing: its local date and requested time. */
export function occurrenceKey(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(hour)}:${pad(minute)}`;
}

/**
 * Every firing of `schedule` with `after < at <= until`, oldest first. Local days are walked in the
 * digest's zone, so a firing belongs to the day it was asked for, whatever the UTC date.
 */
export function occurrencesBetween(
  digestId: string,
  schedule: DigestSchedule,
  after: number,
  until: number,
): Occurrence[] {
  const out: Occurrence[] = [];
  if (until <= after) return out;
  // A day either side: an occurrence's instant can sit on another UTC date than its local one.
  let day = DateTime.fromMillis(after, { zone: schedule.zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromMillis(until, { zone: schedule.zone }).startOf('day').plus({ days: 1 });
  while (day <= last) {
    const date = { year: day.year, month: day.month, day: day.day };
    if (firesOn(schedule.days, day.weekday as Weekday)) {
      const at = localInstant(date, schedule.hour, schedule.minute, schedule.zone);
      if (at > after && at <= until)
        out.push({ digestId, at, key: occurrenceKey(date, schedule.hour, schedule.minute) });
    }
    day = day.plus({ days: 1 });
  }
  return out;
}

/** The next firing after `after` (within two weeks; a schedule with no day never fires). */
export function nextOccurrence(
  digestId: string,
  schedule: DigestSchedule,
  after: number,
): Occurrence | undefined {
  return occurrencesBetween(digestId, schedule, after, after + 15 * DAY_MS)[0];
}

/**
 * `occurrencesBetween` for many digests in one pass: digests with the same schedule and span (most
 * of them: a team's daily 17:00) share one computation. Zone math allocates heavily, and a tick
 * walks every digest, so a thousand digests would otherwise churn tens of MB a minute.
 */
export function sharedOccurrences(): typeof occurrencesBetween {
  const memo = new Map<string, Occurrence[]>();
  return (digestId, schedule, after, until) => {
    // A key written in another field order is only a second computation, never a wrong answer.
    const key = JSON.stringify([schedule.days, schedule.hour, schedule.minute, schedule.zone, after, until]);
    let fires = memo.get(key);
    if (!fires) {
      fires = occurrencesBetween('', schedule, after, until);
      memo.set(key, fires);
    }
    return fires.map((o) => ({ ...o, digestId }));
  };
}
