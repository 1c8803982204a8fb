/**
 * Bot-token authorization for Bolt. Bolt's built-in one calls auth.test once in the constructor and
 * keeps a failed answer forever (and an unhandled rejection kills the process), so a Slack blip at
 * start would leave the bot dead. This one caches only success and asks again after a failure.
 */
import type { AuthorizeResult } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';

/** auth.test answers that mean the token itself is wrong: retrying cannot help. */
const FATAL = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'token_expired']);

export class SlackTokenError extends Error {
  override name = 'SlackTokenError';
}

export interface BotAuthorization {
  /** For `new App({ authorize })`. */
  authorize: () => Promise<AuthorizeResult>;
  /** Checks the token now: throws SlackTokenError for a bad token, other errors for a Slack outage. */
  verify: () => Promise<AuthorizeResult>;
}

export function createBotAuthorization(token: string, clientOptions: WebClientOptions): BotAuthorization {
  const client = new WebClient(token, clientOptions);
  let cached: Promise<AuthorizeResult> | undefined;
  const load = (): Promise<AuthorizeResult> => {
    cached ??= client.auth.test().then(
      (r) => ({
        botToken: token,
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
        ...(r.team_id ? { teamId: r.team_id } : {}),
        ...(r.enterprise_id ? { enterpriseId: r.enterprise_id } : {}),
      }),
      (err: unknown) => {
        cached = undefined;
        const code = (err as { data?: { error?: string } }).data?.error;
        if (code && FATAL.has(code)) {
          throw new SlackTokenError(
            `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) again.`,
          );
        }
        throw err;
      },
    );
    return cached;
  };
  return { authorize: load, verify: load };
}
