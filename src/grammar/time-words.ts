/**
 * The words of time phrases: lengths after `last` ("30m", "1h30m", "90 minutes", "hour") and times
 * of day after `since` ("08:00", "8am", "8:30 pm", "17", "noon"). Pure; words arrive lower-cased.
 */

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/time';

const SECOND_MS = 1000;

/** Unit spellings, longest first within a letter so "min" never reads as "m" + "in". */
const UNIT_MS: readonly (readonly [string, number])[] = [
  ['seconds', SECOND_MS],
  ['second', SECOND_MS],
  ['secs', SECOND_MS],
  ['sec', SECOND_MS],
  ['s', SECOND_MS],
  ['minutes', MINUTE_MS],
  ['minute', MINUTE_MS],
  ['mins', MINUTE_MS],
  ['min', MINUTE_MS],
  ['months', 30 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['mo', 30 * DAY_MS],
  ['m', MINUTE_MS],
  ['hours', HOUR_MS],
  ['hour', HOUR_MS],
  ['hrs', HOUR_MS],
  ['hr', HOUR_MS],
  ['h', HOUR_MS],
  ['days', DAY_MS],
  ['day', DAY_MS],
  ['d', DAY_MS],
  ['weeks', 7 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['wks', 7 * DAY_MS],
  ['wk', 7 * DAY_MS],
  ['w', 7 * DAY_MS],
  ['years', 365 * DAY_MS],
  ['year', 365 * DAY_MS],
  ['yrs', 365 * DAY_MS],
  ['yr', 365 * DAY_MS],
  ['y', 365 * DAY_MS],
];
const UNIT_BY_NAME = new Map(UNIT_MS);
const SEGMENT = new RegExp(
  String.raw`\s*(?:(-?\d+(?:[.,]\d+)?)|(an?|one)\s+)?\s*(${UNIT_MS.map(([u]) => u).join('|')})(?![a-z])\s*`,
  'y',
);
/** Enough words for "2 hours 30 minutes" and "1 h 30 m"; bounds the work on long input. */
const MAX_DURATION_WORDS = 6;

export interface DurationMatch {
  ms: number;
  /** How many of the given words the length used. */
  consumed: number;
}

/** Parses one joined phrase ("1 h 30 m", "90minutes", "an hour") to ms, or undefined. */
function durationOf(phrase: string): number | undefined {
  let pos = 0;
  let total = 0;
  let segments = 0;
  let bare = false;
  while (pos < phrase.length) {
    SEGMENT.lastIndex = pos;
    const m = SEGMENT.exec(phrase);
    if (!m || m[0] === '') return undefined;
    const [, number, article, unit = ''] = m;
    if (number === undefined && article === undefined) bare = true;
    const count = number !== undefined ? Number(number.replace(',', '.')) : 1;
    total += count * (UNIT_BY_NAME.get(unit) ?? NaN);
    segments += 1;
    pos = SEGMENT.lastIndex;
  }
  // "hour" alone means one hour; "1h minute" is not a length.
  if (segments === 0 || (bare && segments > 1) || Number.isNaN(total)) return undefined;
  return Math.round(total);
}

/** The longest prefix of `words` that reads as a length of time. */
export function parseDuration(words: readonly string[]): DurationMatch | undefined {
  for (let n = Math.min(words.length, MAX_DURATION_WORDS); n >= 1; n--) {
    const ms = durationOf(words.slice(0, n).join(' '));
    if (ms !== undefined) return { ms, consumed: n };
  }
  return undefined;
}

/** "4h", "30m", "1h30m", "1m30s": a length as the window label shows it. */
export function durationLabel(ms: number): string {
  const totalSeconds = Math.round(ms / SECOND_MS);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
  return parts || '0m';
}

export interface ClockMatch {
  hour: number;
  minute: number;
  consumed: number;
}

const CLOCK = /^(\d{1,2})(?:[:.h](\d{2}))?(am|pm|a\.m\.|p\.m\.|a|p)?$/;
const MERIDIEM = new Set(['am', 'pm', 'a.m.', 'p.m.']);

function clockOf(text: string): { hour: number; minute: number } | undefined {
  if (text === 'noon' || text === 'midday') return { hour: 12, minute: 0 };
  if (text === 'midnight') return { hour: 0, minute: 0 };
  const m = CLOCK.exec(text);
  if (!m) return undefined;
  const [, h = '', min = '0', meridiem] = m;
  let hour = Number(h);
  const minute = Number(min);
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return { hour, minute };
}

/** A time of day from the first word or two ("8:30", "pm"), or undefined. */
export function parseClock(words: readonly string[]): ClockMatch | undefined {
  const [first, second] = words;
  if (first === undefined) return undefined;
  if (second !== undefined && MERIDIEM.has(second)) {
    const c = clockOf(first + second);
    if (c) return { ...c, consumed: 2 };
  }
  const c = clockOf(first);
  return c ? { ...c, consumed: 1 } : undefined;
}
