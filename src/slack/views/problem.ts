/**
 * Problems as messages a lead can act on: each kind of problem has its sentence; nothing raw (an
 * upstream body, a stack trace) ever reaches Slack. Pure: the caller logs the detail.
 */
import type { Problem } from '../../domain/problem';
import type { WindowProblem } from '../../domain/window';
import { section } from './blocks';
import type { SlackMessage } from './message';
import { fallbackText } from './message';
import { safeText } from './mrkdwn';
import { windowProblemText } from './window-text';

export const GENERIC_PROBLEM = "Something went wrong on our side; the details are in the bot's log.";
export const AUTH_PROBLEM =
  "I'm not permitted to read these metrics — ask your LivePerson admin to check what the bot's LivePerson credentials may read.";

/** The sentence shown for a problem (escaped mrkdwn). */
export function problemText(problem: Problem): string {
  switch (problem.kind) {
    case 'rate-limited': {
      const s = problem.retryAfterSeconds;
      const when = s !== undefined && s > 0 ? `in ${Math.ceil(s)} s` : 'in a minute';
      return `LivePerson is limiting how often we can ask. Try again ${when}.`;
    }
    case 'unavailable':
      return "LivePerson isn't answering right now. Try again in a few minutes.";
    case 'timeout':
      return 'LivePerson took too long to answer. Try again, or ask for a shorter window.';
    case 'auth':
      return AUTH_PROBLEM;
    case 'invalid-request':
      return problem.reason
        ? safeText(problem.reason, 1500)
        : "LivePerson refused that request; the details are in the bot's log.";
    case 'stale-action':
      return 'That button is from an older message; run the command again.';
    case 'too-big':
      return 'That answer is too big for one Slack message; try a shorter window or a smaller `top`.';
    case 'internal':
      return GENERIC_PROBLEM;
  }
}

/** A problem as an ephemeral message. */
export function renderProblem(problem: Problem): SlackMessage {
  const text = problemText(problem);
  return { text: fallbackText(text), blocks: [section(`:warning: ${text}`)], response_type: 'ephemeral' };
}

/** A window that has no answer right now ("It isn't 20:00 yet today …"), with what to ask instead. */
export function renderWindowProblem(problem: WindowProblem): SlackMessage {
  const text = safeText(windowProblemText(problem), 1500);
  return { text: fallbackText(text), blocks: [section(`:calendar: ${text}`)], response_type: 'ephemeral' };
}
