/**
 * How a digest reads in Slack: its days, time and zone, shift, scope, next fire and pause, as
 * short escaped mrkdwn pieces the list, the confirmations and the form share.
 */
import type { Digest, DigestDays, DigestSchedule, DigestScope, Weekday } from '../../domain/digest';
import { spanText } from '../../shared/span-text';
import { slackDate, utcText } from './blocks';
import { codeSpan, escapeMrkdwn, safeText } from './mrkdwn';

export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  1: 'Mon',
  2: 'Tue',
  3: 'Wed',
  4: 'Thu',
  5: 'Fri',
  6: 'Sat',
  7: 'Sun',
};

/** "Every day", "Weekdays", "Weekends", "Mon, Wed, Fri". */
export function daysText(days: DigestDays): string {
  switch (days.kind) {
    case 'daily':
      return 'Every day';
    case 'weekdays':
      return 'Weekdays';
    case 'weekends':
      return 'Weekends';
    case 'days':
      return days.days.map((d) => WEEKDAY_NAMES[d]).join(', ');
  }
}

/** "17:00". */
export function clockText(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "Weekdays at 17:00 (Europe/Berlin)": every digest shows its zone. */
export function scheduleText(s: DigestSchedule): string {
  return `${daysText(s.days)} at ${clockText(s.hour, s.minute)} (${escapeMrkdwn(s.zone)})`;
}

/** "8 h shift". */
export function shiftText(windowMs: number): string {
  return `${spanText(windowMs)} shift`;
}

/** "the account", "skills Billing, Sales", "agent groups Tier 1". */
export function scopeText(scope: DigestScope, max = 300): string {
  if (scope.kind === 'account') return 'the account';
  const names = safeText(scope.items.map((t) => t.name).join(', '), max);
  return `${scope.kind === 'skills' ? (scope.items.length === 1 ? 'skill' : 'skills') : scope.items.length === 1 ? 'agent group' : 'agent groups'} ${names}`;
}

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,20}$/;
const USER_ID = /^[UW][A-Z0-9]{1,20}$/;

/** `<#C123>` (Slack shows the channel's name to each reader); anything else as plain text. */
export function channelRef(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `<#${channelId}>` : safeText(channelId, 40);
}

/** `<@U123>`, or "someone" for anything that is not a user id (it could be markup). */
export function userRef(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : 'someone';
}

/** `k3x9q2` as code. */
export function idText(id: string): string {
  return codeSpan(safeText(id, 40));
}

/** "Mon 24 Nov at 17:00" in each reader's own zone (Slack renders it), UTC text as the fallback. */
export function whenText(epochMs: number): string {
  return slackDate(epochMs, '{date_short_pretty} at {time}', utcText(epochMs));
}

/** Why a digest is paused, as its owner needs to read it. */
export function pausedText(digest: Pick<Digest, 'paused' | 'pausedReason'>): string | undefined {
  if (!digest.paused) return undefined;
  switch (digest.pausedReason) {
    case 'not_in_channel':
      return 'Paused: Queue Pulse is not in that channel any more. Invite it (`/invite @Queue Pulse`), then Resume.';
    case 'channel_not_found':
      return 'Paused: the channel no longer exists (or Queue Pulse cannot see it). Edit it to pick another.';
    case 'is_archived':
      return 'Paused: the channel was archived. Edit it to pick another, or unarchive the channel and Resume.';
    default:
      return 'Paused.';
  }
}

/** The one-line summary of what a digest posts: "Weekdays at 17:00 (Europe/Berlin) · skills Billing · 8 h shift". */
export function digestSummary(
  d: Pick<Digest, 'schedule' | 'scope' | 'windowMs' | 'chart' | 'audience'>,
): string {
  const parts = [scheduleText(d.schedule), scopeText(d.scope), shiftText(d.windowMs)];
  if (d.audience) parts.push(d.audience === 'humans' ? 'human agents only' : 'bots only');
  parts.push(d.chart ? 'with a chart' : 'no chart');
  return parts.join(' · ');
}
