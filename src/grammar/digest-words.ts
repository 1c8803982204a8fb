/**
 * The words of `/queue digest add`: days (`daily`, `weekdays`, `mon,wed,fri`, `mon-fri`), times
 * of day (`17:00`, `5pm`), timezones (IANA names; abbreviations are refused with a suggestion) and
 * the keywords that end a list of names. Pure; keys arrive lower-cased (keyOf).
 */
import { distance } from 'fastest-levenshtein';
import { canonicalZone, type DigestDays, type Weekday } from '../domain/digest';
import { parseClock } from './time-words';

const DAY_NAMES: ReadonlyMap<string, Weekday> = new Map<string, Weekday>([
  ['mon', 1],
  ['monday', 1],
  ['tue', 2],
  ['tues', 2],
  ['tuesday', 2],
  ['wed', 3],
  ['weds', 3],
  ['wednesday', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['thursday', 4],
  ['fri', 5],
  ['friday', 5],
  ['sat', 6],
  ['saturday', 6],
  ['sun', 7],
  ['sunday', 7],
]);

/** Whole-week words. */
const DAY_SETS: ReadonlyMap<string, DigestDays> = new Map<string, DigestDays>([
  ['daily', { kind: 'daily' }],
  ['everyday', { kind: 'daily' }],
  ['weekdays', { kind: 'weekdays' }],
  ['weekday', { kind: 'weekdays' }],
  ['workdays', { kind: 'weekdays' }],
  ['weekends', { kind: 'weekends' }],
  ['weekend', { kind: 'weekends' }],
]);

export function daySetOf(key: string): DigestDays | undefined {
  return DAY_SETS.get(key);
}

/** One day name, plural allowed ("mondays"). */
function dayOf(part: string): Weekday | undefined {
  return DAY_NAMES.get(part) ?? (part.endsWith('s') ? DAY_NAMES.get(part.slice(0, -1)) : undefined);
}

/** What a word says about days: none (not a day word), some days, or the part that is not a day. */
export type DayWord = { kind: 'none' } | { kind: 'days'; days: Weekday[] } | { kind: 'bad'; part: string };

/**
 * `mon`, `mon,wed,fri`, `mon-fri`, `fri-mon` (wraps): the days a word names. A word is a day word
 * when any part of it is a day; then every part must be one.
 */
export function dayWordOf(raw: string): DayWord {
  const parts = raw
    .toLowerCase()
    .split(/[,;/+&]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { kind: 'none' };
  const days: Weekday[] = [];
  let anyDay = false;
  let bad: string | undefined;
  for (const part of parts) {
    const range = /^([a-z]+)[-–—]([a-z]+)$/.exec(part);
    if (range) {
      const from = dayOf(range[1]!);
      const to = dayOf(range[2]!);
      if (from !== undefined || to !== undefined) anyDay = true;
      if (from === undefined || to === undefined) {
        bad ??= from === undefined ? range[1]! : range[2]!;
        continue;
      }
      for (let d = from; ; d = ((d % 7) + 1) as Weekday) {
        days.push(d);
        if (d === to) break;
      }
      continue;
    }
    const day = dayOf(part);
    if (day === undefined) bad ??= part;
    else {
      anyDay = true;
      days.push(day);
    }
  }
  if (!anyDay) return { kind: 'none' };
  return bad === undefined ? { kind: 'days', days } : { kind: 'bad', part: bad };
}

/** A time of day as the user typed it, read: `17:00`, `9:30`, `5pm`, `5:30pm`, `noon`. */
export type TimeWord =
  | { kind: 'none' }
  | { kind: 'time'; hour: number; minute: number; consumed: number }
  /** Shaped like a time but not one (`25:00`, `17:75`). */
  | { kind: 'bad' }
  /** A bare number (`17`): could be anything, so it is not taken for a time. */
  | { kind: 'bare' };

const HH_MM = /^(\d{1,2})[:.h](\d{2})$/;
const MERIDIEM = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)$/;

export function timeWordAt(keys: readonly (string | undefined)[]): TimeWord {
  const [first = '', second] = keys;
  const withMeridiem = second !== undefined && /^(am|pm|a\.m\.|p\.m\.)$/.test(second);
  const hm = withMeridiem ? null : HH_MM.exec(first);
  if (hm) {
    const hour = Number(hm[1]);
    const minute = Number(hm[2]);
    return hour <= 23 && minute <= 59 ? { kind: 'time', hour, minute, consumed: 1 } : { kind: 'bad' };
  }
  if (MERIDIEM.test(first) || withMeridiem || ['noon', 'midday', 'midnight'].includes(first)) {
    const c = parseClock(withMeridiem ? [first, second] : [first]);
    return c ? { kind: 'time', hour: c.hour, minute: c.minute, consumed: c.consumed } : { kind: 'bad' };
  }
  if (/^\d{1,2}$/.test(first)) return { kind: 'bare' };
  if (/^\d{1,2}[:.h]\d{1,3}$/.test(first) || /^\d{3,4}(am|pm)$/.test(first)) return { kind: 'bad' };
  return { kind: 'none' };
}

/** Common abbreviations → the zone most people mean by them (they do not follow DST, zones do). */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['est', 'America/New_York'],
  ['edt', 'America/New_York'],
  ['cst', 'America/Chicago'],
  ['cdt', 'America/Chicago'],
  ['mst', 'America/Denver'],
  ['mdt', 'America/Denver'],
  ['pst', 'America/Los_Angeles'],
  ['pdt', 'America/Los_Angeles'],
  ['cet', 'Europe/Berlin'],
  ['cest', 'Europe/Berlin'],
  ['bst', 'Europe/London'],
  ['ist', 'Asia/Kolkata'],
  ['aest', 'Australia/Sydney'],
  ['aedt', 'Australia/Sydney'],
  ['jst', 'Asia/Tokyo'],
]);

/** What a word says about a timezone. */
export type ZoneWord =
  | { kind: 'none' }
  | { kind: 'zone'; zone: string }
  | { kind: 'unknown'; suggestion?: string }
  | { kind: 'abbreviation'; suggestion?: string };

const ZONE_SHAPE = /^[a-z][a-z_+-]*(?:\/[a-z0-9_+-]+)+$/i;

/** `Europe/Berlin`, `UTC`: the canonical zone; `Europe/Berln`: unknown, with the closest zone. */
export function zoneWordOf(text: string): ZoneWord {
  const key = text.toLowerCase();
  if (key === 'utc' || key === 'gmt') return { kind: 'zone', zone: 'UTC' };
  const abbreviation = ABBREVIATIONS.get(key);
  if (abbreviation) return { kind: 'abbreviation', suggestion: abbreviation };
  if (!ZONE_SHAPE.test(text)) return { kind: 'none' };
  const zone = canonicalZone(text);
  if (zone) return { kind: 'zone', zone };
  const suggestion = closestZone(text);
  return suggestion ? { kind: 'unknown', suggestion } : { kind: 'unknown' };
}

let zoneNames: readonly string[] | undefined;

/** The IANA zone closest to a mistyped one, if it is close enough to be what was meant. */
export function closestZone(typed: string): string | undefined {
  zoneNames ??= Intl.supportedValuesOf('timeZone');
  const key = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const zone of zoneNames) {
    const d = distance(key, zone.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [zone, d];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 5)) ? best : undefined;
}

/** Keywords of `digest add`: each ends a list of names. */
export const DIGEST_KEYWORDS: ReadonlySet<string> = new Set([
  'window',
  'shift',
  'chart',
  'nochart',
  'account',
  'overview',
  'humans',
  'human',
  'bots',
  'bot',
  'every',
  'at',
]);

/** Actions of `/queue digest`, for "did you mean" on a typo. */
export const DIGEST_ACTIONS: readonly string[] = ['add', 'list', 'remove', 'edit', 'pause', 'resume', 'help'];

/** Words a stray word in `digest add` is compared with. */
export const DIGEST_ADD_VOCABULARY: readonly string[] = [
  'daily',
  'weekdays',
  'weekends',
  'window',
  'chart',
  'account',
  'skill',
  'skills',
  'group',
  'groups',
];

/** The word of `vocabulary` closest to `key`, when it is a plausible typo of it. */
export function closestWord(key: string, vocabulary: readonly string[]): string | undefined {
  const limit = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of vocabulary) {
    const d = distance(key, word);
    if (d < bestDistance) [best, bestDistance] = [word, d];
  }
  return bestDistance <= limit && bestDistance > 0 ? best : undefined;
}
