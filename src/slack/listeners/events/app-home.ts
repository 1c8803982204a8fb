/** app_home_opened → publish the Home tab. Idempotent, so Slack's retries are harmless. */
import type { App } from '@slack/bolt';
import { USAGE_EXAMPLES } from '../../views/help';
import { renderHome } from '../../views/home';

export function register(app: App, deps: { source: string }): void {
  app.event('app_home_opened', async ({ event, client, logger }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: renderHome(USAGE_EXAMPLES, deps.source) });
    } catch (err) {
      logger.warn(`views.publish failed for the Home tab: ${(err as Error).message}`);
    }
  });
}
