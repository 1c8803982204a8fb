/** Previous/Next on a ranking: re-runs the query from the button value for the requested page. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { PAGE_NEXT_ACTION, PAGE_PREV_ACTION, decodeButtonValue, renderProblem } from '../../views';
import { answerQuery } from '../../answer-query';
import { deliver } from '../../deliver';
import type { SlackDeps } from '../../deps';

export function register(app: App, deps: SlackDeps): void {
  for (const actionId of [PAGE_PREV_ACTION, PAGE_NEXT_ACTION]) {
    app.action<BlockButtonAction>(actionId, async ({ action, body, ack, respond, client, logger }) => {
      await ack();
      const value = decodeButtonValue(action.value);
      const target = { respond, client, logger, channelId: body.channel?.id, userId: body.user.id };
      if (!value) return deliver(target, renderProblem({ kind: 'stale-action' }));
      const { q, p } = value;
      await deps.inFlight.run(async () => {
        const message = await answerQuery(
          deps,
          q,
          { page: p ?? 1, timezone: () => deps.timezones.of(body.user.id, client) },
          { client, logger },
        );
        // Paging edits the clicked message in place, so a public ranking stays public.
        await deliver(target, message, { inPlace: true });
      });
    });
  }
}
