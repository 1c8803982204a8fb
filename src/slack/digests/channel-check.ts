/**
 * Before a digest is saved: is the bot in the channel it will post in? Without this, a lead learns
 * it at the first fire, from a paused digest, after the summary they wanted is already missed.
 */
import type { Outbox } from '../outbox';

/** The bot is not in the channel (or, for a private one, cannot even see it). */
export interface ChannelProblem {
  kind: 'bot-not-in-channel';
  channelId: string;
  /** Slack hid the channel from the bot: a private one it was not invited to. */
  hidden: boolean;
}

/**
 * The problem with posting to `channelId`, or undefined when there is none or it is not known. A
 * DM is asked too: one between two people is hidden from the bot (it cannot post there), while
 * the bot's own DM answers missing_scope (no im:history), which counts as unknown and saves.
 */
export async function channelProblem(
  outbox: Pick<Outbox, 'channelAccess'>,
  channelId: string,
): Promise<ChannelProblem | undefined> {
  const access = await outbox.channelAccess(channelId);
  if (access !== 'not-in-channel' && access !== 'not-found') return undefined;
  return { kind: 'bot-not-in-channel', channelId, hidden: access === 'not-found' };
}
