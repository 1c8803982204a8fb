/** What the Slack listeners need from the rest of the bot; tests pass real or fake pieces. */
import type { AnswerDeps } from './answer-query';
import type { TimezoneLookup } from './user-timezone';

export interface SlackDeps extends AnswerDeps {
  now: () => number;
  timezones: TimezoneLookup;
}
