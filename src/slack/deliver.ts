/**
 * Replaces the "Fetching…" answer with the final one through response_url. A public report is
 * posted fresh in the channel (an ephemeral message cannot become a channel message), and the
 * ephemeral placeholder is deleted. If response_url is expired or used up, fall back to the Web
 * API (chat.postMessage for a public answer, else chat.postEphemeral) so the answer is not lost. Every message passes Slack's limits check first.
 */
import type { Logger, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { SlackLimitError, checkMessage } from './views/limits';
import { renderProblem, type SlackMessage } from './views';

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
    logger.error(`answer not sent: ${new SlackLimitError(violations).message}`);
    message = renderProblem({ kind: 'too-big' });
  }
  const isPublic = message.response_type === 'in_channel' && !opts.inPlace;
  try {
    if (opts.inPlace) {
      const { response_type: _ignored, ...rest } = message;
      await respond({ ...rest, replace_original: true });
    } else if (isPublic) {
      // The placeholder may already be gone (deleted by the user): that must not stop the answer.
      await respond({ delete_original: true }).catch((err: unknown) =>
        logger.warn(`could not delete the placeholder: ${(err as Error).message}`),
      );
      await respond({ ...message, response_type: 'in_channel', replace_original: false });
    } else {
      await respond({ ...message, response_type: 'ephemeral', replace_original: true });
    }
    return;
  } catch (err) {
    logger.warn(`response_url failed (${(err as Error).message}); falling back to the Web API`);
  }
  if (!target.channelId) {
    logger.error('answer lost: response_url failed and there is no channel to post to');
    return;
  }
  const payload = { channel: target.channelId, text: message.text, blocks: message.blocks };
  if (isPublic) {
    // A public answer stays public when the bot may post there (it is a member of the channel).
    try {
      await target.client.chat.postMessage(payload);
      return;
    } catch (err) {
      logger.warn(`chat.postMessage failed (${(err as Error).message}); answering the asker only`);
    }
  }
  try {
    await target.client.chat.postEphemeral({ ...payload, user: target.userId });
  } catch (err) {
    logger.error(`answer lost: chat.postEphemeral failed too (${(err as Error).message})`);
  }
}
