/**
 * A scheduled shift summary as data: where it posts, when (local days and time in an IANA zone),
 * what it covers (the account, skills or agent groups) over which shift length. Pure; the store
 * keeps it as a versioned record, the scheduler turns its schedule into occurrences.
 */
import type { Audience } from './audience';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Which local days a digest fires on. */
export type DigestDays =
  | { kind: 'daily' }
  | { kind: 'weekdays' }
  | { kind: 'weekends' }
  /** Chosen days, sorted, no repeats, at least one. */
  | { kind: 'days'; days: Weekday[] };

/** When a digest fires: local days and wall-clock time in its zone. */
export interface DigestSchedule {
  days: DigestDays;
  hour: number;
  minute: number;
  /** IANA zone, e.g. "Europe/Berlin". */
  zone: string;
}

/** A skill or agent group a digest covers, by id (resolved when it was set up) and name. */
export interface DigestTarget {
  id: string;
  name: string;
}

/** What a digest reports on. */
export type DigestScope =
  { kind: 'account' } | { kind: 'skills'; items: DigestTarget[] } | { kind: 'groups'; items: DigestTarget[] };

/** The longest shift a digest covers (LivePerson answers at most 24 h per query). */
export const MAX_SHIFT_MS = 24 * 3_600_000;
/** Skills or groups one digest may name. */
export const MAX_DIGEST_TARGETS = 10;

export interface Digest {
  /** Short, random, shown to users (`/queue digest remove <id>`). */
  id: string;
  teamId: string;
  /** Where it posts. */
  channelId: string;
  /** Who set it up: may change it, with workspace admins and DIGEST_ADMINS. */
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  schedule: DigestSchedule;
  /** The shift: the report's window ends at the fire time and is this long. */
  windowMs: number;
  scope: DigestScope;
  audience?: Audience;
  chart: boolean;
  /** Paused by a user, or by the bot when the channel was lost (`pausedReason` says which). */
  paused: boolean;
  pausedReason?: 'user' | 'not_in_channel' | 'channel_not_found' | 'is_archived';
}

/** What a user sets in the modal or the one-line form: a digest before it has an id and an owner. */
export type DigestDraft = Pick<Digest, 'channelId' | 'schedule' | 'windowMs' | 'scope' | 'chart'> & {
  audience?: Audience;
};

/**
 * One firing of a digest: the instant it is due and a key naming it in the delivery ledger. The
 * key is the local date and time in the digest's zone, so a repeated wall-clock hour (fall back)
 * is still one occurrence and an edit that keeps the time keeps the key.
 */
export interface Occurrence {
  digestId: string;
  /** Epoch ms it is due. */
  at: number;
  /** e.g. "2026-10-25T02:30" (local, in the digest's zone). */
  key: string;
}

/** A digest covers the last 8 hours unless told otherwise: one shift. */
export const DEFAULT_SHIFT_MS = 8 * 3_600_000;
/** The shortest shift a digest may cover: shorter ones are a report, not a summary. */
export const MIN_SHIFT_MS = 15 * 60_000;

/** The weekdays a DigestDays covers, in order. */
export function weekdaysOf(days: DigestDays): Weekday[] {
  switch (days.kind) {
    case 'daily':
      return [...WEEKDAYS];
    case 'weekdays':
      return [1, 2, 3, 4, 5];
    case 'weekends':
      return [6, 7];
    case 'days':
      return [...days.days];
  }
}

/**
 * Chosen days as the simplest DigestDays that means the same: all seven are `daily`, Monday to
 * Friday `weekdays`, Saturday and Sunday `weekends`; undefined when none is chosen.
 */
export function daysFrom(chosen: readonly Weekday[]): DigestDays | undefined {
  const days = WEEKDAYS.filter((d) => chosen.includes(d));
  const key = days.join('');
  if (key === '') return undefined;
  if (key === '1234567') return { kind: 'daily' };
  if (key === '12345') return { kind: 'weekdays' };
  if (key === '67') return { kind: 'weekends' };
  return { kind: 'days', days };
}

/**
 * The zone as digests keep it ("europe/berlin" → "Europe/Berlin"), or undefined when it is not a
 * zone. Not Intl's canonical form: ICU still calls Asia/Kathmandu "Asia/Katmandu" and Europe/Kyiv
 * "Europe/Kiev", and users should see the name they know. A zone typed with capitals is kept as
 * typed; one typed in lower case takes the casing of the zone list, else a capital per word.
 */
export function canonicalZone(zone: string): string | undefined {
  const typed = zone.trim();
  if (typed === '' || typed.length > 64) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: typed });
  } catch {
    return undefined;
  }
  const key = typed.toLowerCase();
  if (key === 'utc' || key === 'etc/utc' || key === 'gmt') return 'UTC';
  if (typed !== key) return typed;
  const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === key);
  return listed ?? typed.replace(/(^|[/_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
