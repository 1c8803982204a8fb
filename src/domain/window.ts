/**
 * Report windows as intent, and the one place intent becomes instants.
 *
 * A query stores a WindowSpec ("the last 4 h", "since 08:00", "today", "yesterday", "the 8 h shift
 * ending at 17:00"), never instants, so a button clicked tomorrow or a digest firing at 17:00 asks
 * for the window as it is *then*. `resolveWindow(spec, now, zone)` turns a spec into instants at run
 * time, for every trigger. Zone arithmetic (DST gaps and repeats, half-hour zones) is Luxon's; the
 * policy on top (which 02:30 a repeated hour means, when a day longer than 24 h is clamped) is ours.
 * Pure: the clock and the zone are arguments. Sentences live in the views; problems and notes here
 * are data.
 */
import { DateTime, IANAZone } from 'luxon';
import { HOUR_MS, MAX_WINDOW_MS, MINUTE_MS, RETENTION_MS } from './time';

/** Which day `since HH:MM` means: the latest one already begun (auto), or the one the user named. */
export type SinceDay = 'auto' | 'today' | 'yesterday';

export type WindowSpec =
  /** The `ms` ending now. */
  | { kind: 'last'; ms: number }
  /** From a wall-clock time in the asker's zone to now. */
  | { kind: 'since'; hour: number; minute: number; day: SinceDay }
  /** Local midnight to now. */
  | { kind: 'today' }
  /** The previous calendar day in the asker's zone, midnight to midnight. */
  | { kind: 'yesterday' }
  /** A shift of `ms` ending at the latest `hour:minute` already reached (digests). */
  | { kind: 'shift'; ms: number; hour: number; minute: number };

/** `/queue` with no time phrase: the last hour. */
export const DEFAULT_WINDOW: WindowSpec = { kind: 'last', ms: HOUR_MS };

/** Something the resolution adjusted, which the answer should say. */
export type WindowNote =
  /** The zone is unknown, so the window was computed in UTC. */
  | { kind: 'unknown-zone'; zone: string }
  /** `since 20:00` before 20:00: yesterday's 20:00. */
  | { kind: 'rolled-to-yesterday'; hour: number; minute: number }
  /** The wall-clock time did not exist (clocks went forward): counting from `from` instead. */
  | {
      kind: 'skipped-time';
      hour: number;
      minute: number;
      day: 'today' | 'yesterday';
      shownHour: number;
      shownMinute: number;
    }
  /** The clocks went back, so the span was longer than LivePerson answers: the last 24 h of it. */
  | { kind: 'clamped'; spanMs: number };

/** Why a spec has no window right now (said to the user instead of a report). */
export type WindowProblem =
  /** `since 20:00 today` before 20:00. */
  | { kind: 'not-yet'; hour: number; minute: number; nowHour: number; nowMinute: number; zone: string }
  /** `since 14:30` at 14:30. */
  | { kind: 'starts-now' }
  /** `since 14:30` at 14:30:40. */
  | { kind: 'under-a-minute'; hour: number; minute: number }
  /** `since 12:00 yesterday` at 13:00 today: 25 h. */
  | { kind: 'too-long'; spanMs: number }
  /** `today` at 00:00:30. */
  | { kind: 'day-just-begun'; nowHour: number; nowMinute: number; zone: string };

/** A window in instants, with what shaped it. */
export interface ResolvedWindow {
  spec: WindowSpec;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, inclusive. */
  to: number;
  /** The zone the window was computed in (UTC when the asked one was unknown). */
  zone: string;
  /** For `since`: the day its start fell on (an automatic `since` may roll to yesterday). */
  day?: 'today' | 'yesterday';
  notes: WindowNote[];
}

export type WindowResult = { ok: true; window: ResolvedWindow } | { ok: false; problem: WindowProblem };

/** Why a length can never be a window (checked while parsing, before any zone is known). */
export type SpanProblem =
  | { kind: 'backwards' }
  | { kind: 'empty' }
  | { kind: 'under-a-minute' }
  | { kind: 'beyond-retention'; spanMs: number }
  | { kind: 'over-24h'; spanMs: number };

/**
 * Zones already found valid. Luxon checks a zone by building an Intl.DateTimeFormat, about half a
 * millisecond each time, and every report resolves its window; the tz database's few hundred
 * names bound the set (names it does not know are not kept).
 */
const knownZones = new Set<string>();

/** True when Luxon (the platform's tz database) knows the zone: "Europe/Berlin", "UTC". */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  if (knownZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  knownZones.add(zone);
  return true;
}

/** Only wall-clock windows read the asker's zone; `last 4h` is the same everywhere. */
export function needsTimezone(spec: WindowSpec): boolean {
  return spec.kind !== 'last';
}

/** Whether `ms` can be a window length (at most 24 h, inside the 14 days LivePerson keeps). */
export function checkSpan(ms: number): SpanProblem | undefined {
  if (ms < 0) return { kind: 'backwards' };
  if (ms === 0) return { kind: 'empty' };
  if (ms < MINUTE_MS) return { kind: 'under-a-minute' };
  if (!(ms <= RETENTION_MS)) return { kind: 'beyond-retention', spanMs: ms };
  if (ms > MAX_WINDOW_MS) return { kind: 'over-24h', spanMs: ms };
  return undefined;
}

interface Local {
  epoch: number;
  /** False when the wall-clock time did not exist that day (it was moved past the gap). */
  exact: boolean;
}

/**
 * The moment the clocks jumped forward over a wall-clock time that did not exist: Luxon moves a
 * skipped 02:30 forward by the gap (to 03:30), but the clocks read 03:00 at the jump, and a window
 * "since 02:30" starts there, not half an hour later. Transitions fall on whole minutes.
 */
function gapEnd(shifted: DateTime): number {
  const zone = shifted.zone;
  let hi = shifted.toMillis();
  const after = zone.offset(hi);
  let lo = hi - 3 * HOUR_MS;
  if (zone.offset(lo) === after) return hi;
  while (hi - lo > MINUTE_MS) {
    const mid = Math.floor((lo + hi) / 2 / MINUTE_MS) * MINUTE_MS;
    if (mid <= lo) break;
    if (zone.offset(mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The instant of a wall-clock time on the day of `day` in `zone`. A skipped time (clocks went
 * forward) means the moment of the jump. A repeated time (clocks went back) means its first
 * occurrence: Luxon picks the later one, so the earlier is looked for here, because
 * "since 02:30" on that night should count from the first 02:30.
 */
function atWallClock(day: DateTime, hour: number, minute: number): Local {
  const later = day.set({ hour, minute, second: 0, millisecond: 0 });
  const exact = later.hour === hour && later.minute === minute;
  if (!exact) return { epoch: gapEnd(later), exact };
  const zone = later.zone;
  const offsetBefore = zone.offset(later.toMillis() - 6 * HOUR_MS);
  if (offsetBefore > later.offset) {
    const earlier = DateTime.fromMillis(later.toMillis() - (offsetBefore - later.offset) * MINUTE_MS, {
      zone,
    });
    if (earlier.hour === hour && earlier.minute === minute) return { epoch: earlier.toMillis(), exact };
  }
  return { epoch: later.toMillis(), exact };
}

function zoneOf(timezone: string): { zone: string; notes: WindowNote[] } {
  if (isTimeZone(timezone)) return { zone: timezone, notes: [] };
  const asked = typeof timezone === 'string' ? timezone.trim() : '';
  return { zone: 'UTC', notes: asked ? [{ kind: 'unknown-zone', zone: asked.slice(0, 40) }] : [] };
}

function ok(
  spec: WindowSpec,
  from: number,
  to: number,
  zone: string,
  notes: WindowNote[],
  day?: 'today' | 'yesterday',
): WindowResult {
  const window: ResolvedWindow = { spec, from, to, zone, notes };
  if (day) window.day = day;
  return { ok: true, window };
}

/** Clamps a span the clocks stretched past 24 h to its last 24 h, noting it. */
function clampTo24h(
  spec: WindowSpec,
  from: number,
  to: number,
  zone: string,
  notes: WindowNote[],
  day?: 'today' | 'yesterday',
): WindowResult {
  if (to - from <= MAX_WINDOW_MS) return ok(spec, from, to, zone, notes, day);
  return ok(spec, to - MAX_WINDOW_MS, to, zone, [...notes, { kind: 'clamped', spanMs: to - from }], day);
}

function resolveSince(
  spec: Extract<WindowSpec, { kind: 'since' }>,
  now: number,
  zone: string,
  notes: WindowNote[],
): WindowResult {
  const { hour, minute } = spec;
  const today = DateTime.fromMillis(now, { zone });
  const yesterdayDate = today.minus({ days: 1 });
  let yesterday = spec.day === 'yesterday';
  let start = atWallClock(yesterday ? yesterdayDate : today, hour, minute);
  if (!yesterday && start.epoch > now) {
    if (spec.day === 'today') {
      return {
        ok: false,
        problem: { kind: 'not-yet', hour, minute, nowHour: today.hour, nowMinute: today.minute, zone },
      };
    }
    yesterday = true;
    start = atWallClock(yesterdayDate, hour, minute);
    notes.push({ kind: 'rolled-to-yesterday', hour, minute });
  }
  if (!start.exact) {
    const shown = DateTime.fromMillis(start.epoch, { zone });
    notes.push({
      kind: 'skipped-time',
      hour,
      minute,
      day: yesterday ? 'yesterday' : 'today',
      shownHour: shown.hour,
      shownMinute: shown.minute,
    });
  }
  const span = now - start.epoch;
  if (span <= 0) return { ok: false, problem: { kind: 'starts-now' } };
  if (span < MINUTE_MS) return { ok: false, problem: { kind: 'under-a-minute', hour, minute } };
  const day = yesterday ? 'yesterday' : 'today';
  // Named explicitly, a yesterday over 24 h is a mistake to point out; reached automatically, it
  // can only be the clocks going back, and the last 24 h is what was meant.
  if (span > MAX_WINDOW_MS && spec.day === 'yesterday')
    return { ok: false, problem: { kind: 'too-long', spanMs: span } };
  return clampTo24h(spec, start.epoch, now, zone, notes, day);
}

/** The latest instant at or before `now` whose wall clock reads hour:minute in `zone`. */
function latestWallClock(now: number, zone: string, hour: number, minute: number): number {
  const today = DateTime.fromMillis(now, { zone });
  const atToday = atWallClock(today, hour, minute).epoch;
  return atToday <= now ? atToday : atWallClock(today.minus({ days: 1 }), hour, minute).epoch;
}

/**
 * The instants `spec` names at `now` for someone in `timezone` (an unknown zone computes in UTC,
 * with a note). Every trigger (command, button, digest) resolves through here at run time.
 */
export function resolveWindow(spec: WindowSpec, now: number, timezone: string): WindowResult {
  const { zone, notes } = zoneOf(timezone);
  switch (spec.kind) {
    case 'last':
      return ok(spec, now - spec.ms, now, zone, notes);
    case 'since':
      return resolveSince(spec, now, zone, notes);
    case 'today': {
      const local = DateTime.fromMillis(now, { zone });
      const midnight = local.startOf('day').toMillis();
      if (!(now - midnight >= MINUTE_MS)) {
        return {
          ok: false,
          problem: { kind: 'day-just-begun', nowHour: local.hour, nowMinute: local.minute, zone },
        };
      }
      return clampTo24h(spec, midnight, now, zone, notes);
    }
    case 'yesterday': {
      const midnight = DateTime.fromMillis(now, { zone }).startOf('day');
      const end = midnight.toMillis();
      const start = midnight.minus({ days: 1 }).startOf('day').toMillis();
      // Inclusive bounds, as LivePerson takes them: up to the last millisecond of yesterday.
      if (end - start <= MAX_WINDOW_MS) return ok(spec, start, end - 1, zone, notes);
      return ok(spec, end - MAX_WINDOW_MS, end - 1, zone, [
        ...notes,
        { kind: 'clamped', spanMs: end - start },
      ]);
    }
    case 'shift': {
      const end = latestWallClock(now, zone, spec.hour, spec.minute);
      return ok(spec, end - spec.ms, end, zone, notes);
    }
  }
}
