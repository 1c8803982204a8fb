/**
 * /queue — adapter only: Slack in, Slack out. Answers inside the 3 s ack (usage, help, or a
 * "Fetching…" placeholder) before anything talks to LivePerson, then replaces the placeholder.
 */
import type { App } from '@slack/bolt';
import { parseCommand } from '../../../grammar/parser';
import { renderFetching, renderHelp, renderUsage } from '../../views';
import { answerQuery } from '../../answer-query';
import { deliver } from '../../deliver';
import type { SlackDeps } from '../../deps';

export function register(app: App, deps: SlackDeps): void {
  app.command('/queue', async ({ command, ack, respond, client, logger }) => {
    const parsed = parseCommand(command.text);
    if (parsed.kind === 'help') return ack(renderHelp());
    if (parsed.kind === 'usage') return ack(renderUsage(parsed));
    await ack(renderFetching(parsed));
    await deps.inFlight.run(async () => {
      // The asker's zone is looked up after the ack, and only if the window reads the wall clock.
      const timezone = () => deps.timezones.of(command.user_id, client);
      const message = await answerQuery(deps, parsed, { timezone }, { client, logger });
      const target = { respond, client, logger, channelId: command.channel_id, userId: command.user_id };
      await deliver(target, message);
    });
  });
}
