/**
 * Replaces the "Fetching…" answer with the final one through response_url. A public report is
 * posted fresh in the channel (an ephemeral message cannot become a channel message), and the
 * ephemeral placeholder is deleted. If response_url is expired or used up, fall back to
 * chat.postEphemeral so the answer is not lost. Every message passes Slack's limits check first.
 */
import type { Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { SlackLimitError, checkMessage } from '../reports/slack-limits';
import { renderProblem, type SlackMessage } from '../reports/views';

export interface DeliveryTarget {
  respond: RespondFn;
  client: WebClient;
  logger: Logger;
  channelId: string | undefined;
  userId: string;
}

/**
 * Sends `message` in place of the placeholder; never throws. `inPlace` edits the clicked message
 * whatever its visibility (paging a public ranking keeps it public).
 */
export async function deliver(
  target: DeliveryTarget,
  message: SlackMessage,
  opts: { inPlace?: boolean } = {},
): Promise<void> {
  const { respond, logger } = target;
  const violations = checkMessage(message);
  if (violations.length) {
    // Slack would refuse it (invalid_blocks) and the user would see nothing: say so instead.
    message = renderProblem(new SlackLimitError(violations), logger);
  }
  try {
    if (opts.inPlace) {
      const { response_type: _ignored, ...rest } = message;
      await respond({ ...rest, replace_original: true });
    } else if (message.response_type === 'in_channel') {
      await respond({ delete_original: true });
      await respond({ ...message, response_type: 'in_channel', replace_original: false });
    } else {
      await respond({ ...message, response_type: 'ephemeral', replace_original: true });
    }
    return;
  } catch (err) {
    logger.warn(`response_url failed (${(err as Error).message}); falling back to chat.postEphemeral`);
  }
  if (!target.channelId) {
    logger.error('answer lost: response_url failed and there is no channel to post to');
    return;
  }
  try {
    await target.client.chat.postEphemeral({
      channel: target.channelId,
      user: target.userId,
      text: message.text,
      blocks: message.blocks,
    });
  } catch (err) {
    logger.error(`answer lost: chat.postEphemeral failed too (${(err as Error).message})`);
  }
}
