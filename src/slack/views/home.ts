/**
 * The App Home tab: what Queue Pulse is, where its numbers come from, and how to ask.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import { safeText } from './mrkdwn';
import { context, header, section } from './blocks';
import type { UsageExample } from './help';
import { exampleLines } from './usage';

/** The Home tab view for views.publish. `source` names the LivePerson account or the simulator. */
export function renderHome(examples: readonly UsageExample[], source: string): HomeView {
  const blocks: KnownBlock[] = [
    header('Queue Pulse'),
    section(
      'Live LivePerson messaging metrics in Slack: conversations waiting, queue wait times, agents online, ' +
        'load, closed conversations and CSAT, for the account, a skill or an agent group. ' +
        'Answers are private to you unless you add `public`.',
    ),
    section(`*Ask in any channel*\n${exampleLines(examples)}`),
    context([`Data: ${safeText(source, 200)} · Key Messaging Metrics`]),
  ];
  return { type: 'home', blocks };
}
