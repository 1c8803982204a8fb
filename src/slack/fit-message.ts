/**
 * A last check on messages that do not go through the outbox (a slash command's ack body): one
 * that would break Slack's limits is swapped for a short note, so the user sees why instead of
 * nothing. Views are built to fit; this is what catches the case they missed. (The Home tab goes
 * through the outbox, which checks it.)
 */
import type { AppLogger } from '../shared/logger';
import { checkMessage, type LimitViolation } from './views/limits';
import type { SlackMessage } from './views/message';
import { renderProblem } from './views/problem';

function describe(violations: readonly LimitViolation[]): string {
  return violations.map((v) => `${v.path}: ${v.message}`).join('; ');
}

/** `message`, or the too-big note when Slack would refuse it. */
export function fitMessage(message: SlackMessage, log: AppLogger): SlackMessage {
  const violations = checkMessage(message);
  if (violations.length === 0) return message;
  log.error('a message breaks Slack limits; sending a note instead', { violations: describe(violations) });
  return renderProblem({ kind: 'too-big' });
}
