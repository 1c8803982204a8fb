/**
 * Errors as messages a lead can act on. LivePerson errors are explained by kind; anything else
 * gets one generic sentence: never a stack trace or raw error text, which may carry internals.
 */
import { isLivePersonError, LivePersonRateLimitedError } from '../../liveperson/client/errors';
import { safeText } from './mrkdwn';
import { section } from './blocks';
import type { SlackMessage } from './message';
import { fallbackText } from './message';
import { windowProblemText } from './window-text';
import type { WindowProblem } from '../../domain/window';

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
 * Renders an error as an ephemeral message. When a logger is given, a description of the error
 * goes there: text only, never the error object, whose causes (an HTTP client's request config)
 * can hold Authorization headers or a login body.
 */
export function renderProblem(error: unknown, log?: ProblemLogger): SlackMessage {
  if (log) log.error(`queue report failed: ${describeError(error)}`);
  const text = problemText(error);
  return { text: fallbackText(text), blocks: [section(`:warning: ${text}`)], response_type: 'ephemeral' };
}

/** One log line for an error: kind, status and the (already redacted) upstream detail, or the stack. */
export function describeError(error: unknown): string {
  if (isLivePersonError(error)) {
    const status = error.status === undefined ? '' : ` HTTP ${error.status}`;
    return `${error.name} (${error.kind}${status}): ${error.detail ?? error.message}`;
  }
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** A window that has no answer right now ("It isn't 20:00 yet today …"), with what to ask instead. */
export function renderWindowProblem(problem: WindowProblem): SlackMessage {
  const text = safeText(windowProblemText(problem), 1500);
  return { text: fallbackText(text), blocks: [section(`:calendar: ${text}`)], response_type: 'ephemeral' };
}
