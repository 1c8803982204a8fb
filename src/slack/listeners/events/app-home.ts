/** app_home_opened → publish the Home tab. Idempotent, so Slack's retries are harmless. */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { queueContextOf } from '../../context';
import { viewFits } from '../../fit-message';
import { USAGE_EXAMPLES } from '../../views/help';
import { renderHome } from '../../views/home';
import type { ListenerDeps } from '../deps';

/** Publishes the Home tab of the user who opened it. */
export async function handleAppHomeOpened(
  args: Pick<SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, 'event' | 'client' | 'context'>,
  deps: Pick<ListenerDeps, 'source'>,
): Promise<void> {
  if (args.event.tab !== 'home') return;
  const log = queueContextOf(args.context).log;
  const view = renderHome(USAGE_EXAMPLES, deps.source);
  if (!viewFits(view, log)) return;
  try {
    await args.client.views.publish({ user_id: args.event.user, view });
  } catch (err) {
    log.warn('views.publish failed for the Home tab', {
      error: (err as Error).message,
    });
  }
}

/** Binds app_home_opened to its handler. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', (args) => handleAppHomeOpened(args, deps));
}
