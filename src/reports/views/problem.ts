/**
 * Errors as messages a lead can act on. LivePerson errors are explained by kind; anything else
 * gets one generic sentence: never a stack trace or raw error text, which may carry internals.
 */
import { isLivePersonError, LivePersonRateLimitedError } from '../../liveperson/errors';
import { safeText } from '../mrkdwn';
import { section } from './blocks';
import type { SlackMessage } from './message';
import { fallbackText } from './message';

/** Anything with an `error` method: Bolt's logger, console, a sinon spy. */
export interface ProblemLogger {
  error(...args: unknown[]): void;
}

export const GENERIC_PROBLEM = "Something went wrong on our side; the details are in the bot's log.";
export const AUTH_PROBLEM =
  "I'm not permitted to read these metrics — ask your LivePerson admin to check the API key's permissions.";

/** The sentence shown for an error. */
export function problemText(error: unknown): string {
  if (!isLivePersonError(error)) return GENERIC_PROBLEM;
  switch (error.kind) {
    case 'rate-limited': {
      const s = error instanceof LivePersonRateLimitedError ? error.retryAfterSeconds : undefined;
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
      return safeText(error.userMessage, 1500);
  }
}

/**
 * Renders an error as an ephemeral message. When a logger is given, the whole error (stack,
 * upstream detail) goes there: the one place it may appear.
 */
export function renderProblem(error: unknown, log?: ProblemLogger): SlackMessage {
  if (log) {
    const detail = isLivePersonError(error)
      ? { kind: error.kind, status: error.status, detail: error.detail }
      : undefined;
    log.error('queue report failed', error, ...(detail ? [detail] : []));
  }
  const text = problemText(error);
  return { text: fallbackText(text), blocks: [section(`:warning: ${text}`)], response_type: 'ephemeral' };
}
