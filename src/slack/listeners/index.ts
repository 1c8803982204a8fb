/** Every Bolt listener, by Slack surface; each surface binds ids to its exported handlers. */
import type { App } from '@slack/bolt';
import { register as registerActions } from './actions/router';
import { register as registerQueue } from './commands/queue';
import type { ListenerDeps } from './deps';
import { register as registerAppHome } from './events/app-home';
import { register as registerDigestForm } from './views/digest-submit';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerQueue(app, deps);
  registerActions(app, deps);
  registerAppHome(app, deps);
  registerDigestForm(app, deps);
}
