/** What the Slack listeners need from the rest of the bot; tests pass real or fake pieces. */
import type { AnswerDeps } from './answer-query';
import type { InFlight } from './in-flight';
import type { TimezoneLookup } from './user-timezone';

export interface SlackDeps extends AnswerDeps {
  now: () => number;
  timezones: TimezoneLookup;
  /** Work after the ack is run through it, so shutdown can wait for it. */
  inFlight: InFlight;
}
