/**
 * Time phrases to windows: `last 4h`, `since 08:00` (in the asker's timezone), `today`. Each
 * either yields a TimeWindow LivePerson will accept or a sentence saying why not, so a user never
 * meets an API error for a window the grammar could have refused.
 */
import { DAY_MS, MAX_WINDOW_MS, MINUTE_MS, RETENTION_MS } from './time';
import { describeSpan } from '../liveperson/contract/validation';
import type { TimeWindow } from './query';
import { addDays, formatClock, localToEpoch, resolveTimeZone, zonedParts } from './zoned-time';

export type WindowResult = { ok: true; window: TimeWindow } | { ok: false; message: string };

/** Which day `since HH:MM` means: the latest one already begun (auto), or the one the user named. */
export type SinceDay = 'auto' | 'today' | 'yesterday';

const TOO_LONG_HINT = 'LivePerson keeps at most 24 h per query. Try `last 24h`.';

function fail(message: string): WindowResult {
  return { ok: false, message };
}

function window(from: number, to: number, label: string, notes: (string | undefined)[]): WindowResult {
  const note = notes.filter((n): n is string => Boolean(n)).join(' ');
  return { ok: true, window: note ? { from, to, label, note } : { from, to, label } };
}

/** describeSpan, readable for absurd lengths ("last 99999999h") and for a hair over 24 h. */
export function spanText(ms: number): string {
  if (ms >= 1000 * DAY_MS) return 'more than 1,000 days';
  const text = describeSpan(ms);
  return text === '24.0 h' ? 'just over 24 h' : text;
}

/** The window ending now and `spanMs` long, labelled as given ("last 4h"). */
export function lastWindow(spanMs: number, label: string, now: number): WindowResult {
  if (spanMs < 0) return fail("A window can't run backwards. Try `last 30m` or `last 4h`.");
  if (spanMs === 0) return fail('A window of 0 minutes has nothing in it. Try `last 30m` or `last 4h`.');
  if (spanMs < MINUTE_MS) {
    return fail('That window is under a minute; LivePerson counts whole minutes. Try `last 5m`.');
  }
  if (spanMs > RETENTION_MS) {
    return fail(
      `That window is ${spanText(spanMs)}; LivePerson keeps only the last 14 days of metrics, ` +
        `and at most 24 h per query. Try \`last 24h\`.`,
    );
  }
  if (spanMs > MAX_WINDOW_MS) return fail(`That window is ${spanText(spanMs)}; ${TOO_LONG_HINT}`);
  return window(now - spanMs, now, label, []);
}

/**
 * From a wall-clock time in `timezone` to now. With `auto`, a time still ahead today means
 * yesterday's (noted). Only DST can stretch such a window past 24 h; it is then clamped, noted.
 */
export function sinceWindow(
  hour: number,
  minute: number,
  day: SinceDay,
  now: number,
  timezone: string,
): WindowResult {
  const { zone, note: zoneNote } = resolveTimeZone(timezone);
  const today = zonedParts(now, zone);
  const clock = formatClock(hour, minute);
  const at = (date: typeof today) => localToEpoch({ ...date, hour, minute, second: 0 }, zone);

  let yesterday = day === 'yesterday';
  let start = at(yesterday ? { ...today, ...addDays(today, -1) } : today);
  if (!yesterday && start.epoch > now) {
    if (day === 'today') {
      const nowClock = formatClock(today.hour, today.minute);
      return fail(
        `It isn't ${clock} yet today (it's ${nowClock} in ${zone}). ` +
          `Try \`since ${clock}\` for yesterday's ${clock}, or \`last 1h\`.`,
      );
    }
    yesterday = true;
    start = at({ ...today, ...addDays(today, -1) });
  }

  const label = `since ${clock}${yesterday ? ' yesterday' : ''}`;
  const notes = [zoneNote];
  if (yesterday && day === 'auto') {
    notes.push(`${clock} hasn't come yet today (${zone}), so this is ${label}.`);
  }
  if (!start.exact) {
    const shown = zonedParts(start.epoch, zone);
    notes.push(
      `${clock} didn't exist ${yesterday ? 'yesterday' : 'today'} (the clocks went forward), ` +
        `so this counts from ${formatClock(shown.hour, shown.minute)}.`,
    );
  }

  const span = now - start.epoch;
  if (span <= 0) return fail(`That starts right now, so there is nothing to count yet. Try \`last 1h\`.`);
  if (span < MINUTE_MS) {
    return fail(`${clock} was under a minute ago; LivePerson counts whole minutes. Try \`last 1h\`.`);
  }
  if (span > MAX_WINDOW_MS) {
    if (day === 'yesterday') return fail(`That window is ${spanText(span)}; ${TOO_LONG_HINT}`);
    const named = `${clock}${yesterday ? ' yesterday' : ''}`;
    notes.push(`${named} was ${spanText(span)} ago (the clocks went back), so this covers the last 24 h.`);
    return window(now - MAX_WINDOW_MS, now, label, notes);
  }
  return window(start.epoch, now, label, notes);
}

/** Local midnight to now; a day longer than 24 h (clocks went back) is clamped to 24 h, noted. */
export function todayWindow(now: number, timezone: string): WindowResult {
  const { zone, note: zoneNote } = resolveTimeZone(timezone);
  const today = zonedParts(now, zone);
  const midnight = localToEpoch({ ...today, hour: 0, minute: 0, second: 0 }, zone);
  const span = now - midnight.epoch;
  if (!(span >= MINUTE_MS)) {
    return fail(
      `Today has only just begun (it's ${formatClock(today.hour, today.minute)} in ${zone}). ` +
        'Try `last 1h`.',
    );
  }
  if (span > MAX_WINDOW_MS) {
    return window(now - MAX_WINDOW_MS, now, 'today', [
      zoneNote,
      `Today is ${spanText(span)} long so far (the clocks went back), so this covers the last 24 h.`,
    ]);
  }
  return window(midnight.epoch, now, 'today', [zoneNote]);
}
