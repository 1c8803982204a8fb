/**
 * app_home_opened → publish the Home tab. Idempotent, so Slack's retries are harmless; LivePerson
 * is asked at most once a minute per user however often the tab is opened.
 */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { queueContextOf } from '../../context';
import { refreshHome } from '../../home/home-service';
import type { ListenerDeps } from '../deps';

/** Publishes the Home tab of the user who opened it. */
export async function handleAppHomeOpened(
  args: Pick<SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, 'event' | 'context'>,
  deps: Pick<ListenerDeps, 'home'>,
): Promise<void> {
  if (args.event.tab !== 'home') return;
  const ctx = queueContextOf(args.context);
  await refreshHome(deps.home, {
    teamId: ctx.teamId,
    userId: args.event.user,
    log: ctx.log,
    timezone: () => ctx.timezone(),
  });
}

/** Binds app_home_opened to its handler. */
export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', (args) => handleAppHomeOpened(args, deps));
}
