/** What the bot tells a digest's owner when it had to stop posting it. */
import type { Digest } from '../../domain/digest';
import { section } from './blocks';
import type { SlackMessage } from './message';

const WHY: Record<NonNullable<Digest['pausedReason']>, string> = {
  user: 'it was paused',
  not_in_channel: 'Queue Pulse is not a member of that channel any more',
  channel_not_found: 'the channel no longer exists',
  is_archived: 'the channel was archived',
};

/** The DM to a digest's owner when its channel was lost: paused, why, and how to resume. */
export function renderDigestPaused(digest: Digest): SlackMessage {
  const why = WHY[digest.pausedReason ?? 'user'];
  const text =
    `:pause_button: I paused your shift summary \`${digest.id}\` for <#${digest.channelId}>: ${why}. ` +
    'Invite Queue Pulse back to the channel (or pick another one), then resume it with ' +
    '`/queue digest list` there.';
  return { text, blocks: [section(text)] };
}
