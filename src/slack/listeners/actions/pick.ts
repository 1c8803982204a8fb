/**
 * "Did you mean …?" buttons (pick_skill_N / pick_group_N): the value carries the query and the
 * chosen id, so the click works on ephemeral messages, which Slack sends without the message.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { PICK_ACTION_PATTERN, decodeButtonValue, renderFetching, renderProblem } from '../../views';
import { answerQuery } from '../../answer-query';
import { deliver } from '../../deliver';
import type { SlackDeps } from '../../deps';

export function register(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(
    PICK_ACTION_PATTERN,
    async ({ action, body, ack, respond, client, logger }) => {
      await ack();
      const value = decodeButtonValue(action.value);
      const target = { respond, client, logger, channelId: body.channel?.id, userId: body.user.id };
      if (!value?.id) return deliver(target, renderProblem({ kind: 'stale-action' }));
      const { q, id } = value;
      await deps.inFlight.run(async () => {
        // The placeholder is a courtesy: if it cannot be shown, deliver() still finds a way for the answer.
        await respond({ ...renderFetching(q), replace_original: true }).catch((err: unknown) =>
          logger.warn(`could not show the placeholder: ${(err as Error).message}`),
        );
        const message = await answerQuery(
          deps,
          q,
          { id, timezone: () => deps.timezones.of(body.user.id, client) },
          { client, logger },
        );
        await deliver(target, message);
      });
    },
  );
}
