/**
 * A shift summary in words, as its posts name it: what it covers ("Billing, Sales", "Whole account") and
 * when, always on the digest's own clock and with its zone ("09:00–17:00 Europe/Berlin"), since a
 * channel's readers may sit in other zones than the team the digest serves.
 */
import { DateTime } from 'luxon';
import type { DigestScope } from '../../domain/digest';
import { MAX_SHIFT_MS } from '../../domain/digest';
import { displayName } from './marks';
import { clockIn } from './clock';
import { safeText } from './mrkdwn';

/** "Billing, Sales", "+3 more" past `width`; "Whole account". Escaped. */
export function scopeText(scope: DigestScope, width: number): string {
  if (scope.kind === 'account') return 'Whole account';
  const kind = scope.kind === 'skills' ? 'skill' : 'group';
  const names = scope.items.map((t) => safeText(displayName(kind, t.id, t.name), 40));
  let shown = '';
  for (let i = 0; i < names.length; i++) {
    const rest = names.length - i - 1;
    const next = shown ? `${shown}, ${names[i]!}` : names[i]!;
    const more = rest > 0 ? `, +${rest} more` : '';
    if ((next + more).length > width && shown) return `${shown}, +${names.length - i} more`;
    shown = next;
  }
  return shown || (kind === 'skill' ? 'No skills' : 'No agent groups');
}

/** "Wed 25 Nov 17:00" on the zone's clock. */
export function dateTimeIn(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('ccc d LLL HH:mm');
}

/** "09:00–17:00 Europe/Berlin"; a whole day reads "24 h to 17:00 Europe/Berlin". Escaped. */
export function shiftText(from: number, to: number, zone: string): string {
  const span =
    to - from >= MAX_SHIFT_MS
      ? `24 h to ${clockIn(to, zone)}`
      : `${clockIn(from, zone)}–${clockIn(to, zone)}`;
  return `${span} ${safeText(zone, 40)}`;
}
