/**
 * The bot's Web API client, counted: every call by method, every failure by method and Slack's
 * error code (`ratelimited`, `channel_not_found`, `http_500`, …), for /metrics. Labels are Slack's
 * own method names and error words, never a channel, user, team or token.
 */
import { WebClient, type WebAPICallResult, type WebClientOptions } from '@slack/web-api';

/**
 * The longest one Web API call may take. @slack/web-api waits forever by default, and a Slack that
 * takes the connection and never answers would then hold the start (auth.test), a digest's lane
 * or an answer for good. A call this slow comes back as a request error: the outbox counts it as
 * maybe delivered, and looks before it posts again.
 */
export const SLACK_CALL_TIMEOUT_MS = 15_000;

export interface SlackApiObserver {
  call(method: string): void;
  error(method: string, code: string): void;
  /** A call sent again after Slack rate-limited it. */
  retry(method: string): void;
}

interface SlackErrorShape {
  code?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
}

const WORD = /^[a-z][a-z0-9_]{0,63}$/;
const METHOD = /^[a-zA-Z][a-zA-Z0-9._]{0,63}$/;

/** A method name fit for a label; anything else (never expected) is `other`. */
export function methodLabel(method: string): string {
  return METHOD.test(method) ? method : 'other';
}

/** The error word a failed Web API call stands for. */
export function slackErrorCode(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SlackErrorShape;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return 'ratelimited';
    case 'slack_webapi_platform_error': {
      const code = e.data?.error;
      return typeof code === 'string' && WORD.test(code) ? code : 'other';
    }
    case 'slack_webapi_http_error':
      return typeof e.statusCode === 'number' && Number.isInteger(e.statusCode)
        ? `http_${e.statusCode}`
        : 'http_error';
    case 'slack_webapi_request_error':
      return 'request_error';
    default:
      return 'other';
  }
}

/**
 * A WebClient whose every call (each one a single HTTP attempt: the bot's client retries nothing
 * itself) is told to `observer`. Overriding apiCall reaches every method, since the client binds
 * its methods to apiCall when it is built.
 */
export class ObservedWebClient extends WebClient {
  constructor(
    token: string | undefined,
    options: WebClientOptions,
    private readonly observer: SlackApiObserver,
  ) {
    super(token, options);
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    const label = methodLabel(method);
    this.observer.call(label);
    try {
      return await super.apiCall(method, options);
    } catch (err) {
      this.observer.error(label, slackErrorCode(err));
      throw err;
    }
  }
}
