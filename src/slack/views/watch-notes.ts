/** What a lead is told after Watch or a share: short, private notes. */
import type { WatchChange } from '../home/watches';
import { MAX_WATCHES } from '../home/watches';
import { section } from './blocks';
import { safeText } from './mrkdwn';
import type { SlackMessage } from './message';

/** The note after "Watch on App Home". */
export function renderWatchNote(change: WatchChange, name: string): SlackMessage {
  const n = safeText(name, 150);
  const text =
    change === 'added'
      ? `:eyes: Watching *${n}* on your App Home (the *Home* tab of Queue Pulse).`
      : change === 'already'
        ? `You already watch *${n}*: it is on your App Home.`
        : `You watch ${MAX_WATCHES} skills and groups already, the most App Home shows. Unwatch one there first.`;
  return { text, blocks: [section(text)], response_type: 'ephemeral' };
}

/** The second click on Share for the same message. */
export function renderAlreadyShared(): SlackMessage {
  const text = 'This report was shared to the channel already.';
  return { text, blocks: [section(text)], response_type: 'ephemeral' };
}

/** Shared, when the asker's own copy could not be marked. */
export function renderSharedNote(): SlackMessage {
  const text = ':white_check_mark: Shared to the channel.';
  return { text, blocks: [section(text)], response_type: 'ephemeral' };
}

/** Slack did not confirm the share, and the channel could not be read to check. */
export function renderShareUnconfirmed(): SlackMessage {
  const text =
    ":grey_question: Slack didn't confirm the share, so it may already be in the channel. " +
    "If it isn't there in two minutes, click Share again.";
  return { text, blocks: [section(text)], response_type: 'ephemeral' };
}

/** The share did not reach the channel. */
export function renderShareFailed(): SlackMessage {
  const text =
    "I couldn't share this to the channel (Slack refused the post). Invite Queue Pulse to the channel, " +
    'or ask again with `public`.';
  return { text, blocks: [section(text)], response_type: 'ephemeral' };
}
