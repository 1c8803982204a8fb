/** Every Bolt listener, by Slack surface. */
import type { App } from '@slack/bolt';
import { register as registerPage } from './actions/page';
import { register as registerPick } from './actions/pick';
import { register as registerQueue } from './commands/queue';
import type { SlackDeps } from '../deps';
import { register as registerAppHome } from './events/app-home';

export function registerListeners(app: App, deps: SlackDeps & { source: string }): void {
  registerQueue(app, deps);
  registerPick(app, deps);
  registerPage(app, deps);
  registerAppHome(app, deps);
}
