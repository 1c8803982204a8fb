/**
 * buildApp: the Bolt app with every listener and the /healthz route. HTTP receiver at
 * /slack/events (signature verification on), or Socket Mode when SLACK_APP_TOKEN is set.
 * SLACK_API_URL, when set, carries every Web API call (auth.test included). Listeners get a
 * client for the bot token through `authorize`.
 */
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from './config';
import type { Services } from './container';
import { createBotAuthorization, type BotAuthorization } from './slack/authorize';
import { InFlight } from './slack/in-flight';
import { healthRoute, type HealthStatus } from './slack/routes/healthz';
import { registerListeners } from './slack/listeners';
import { createTimezoneLookup } from './slack/user-timezone';

const LOG_LEVELS: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

export interface BuildAppOptions {
  /** Shared with main, which verifies the token before listening. */
  authorization?: BotAuthorization;
  /** Shared with main, which waits for it on shutdown. */
  inFlight?: InFlight;
  logger?: Logger;
  now?: () => number;
  version?: string;
}

/** Web API client options: SLACK_API_URL, and retries short enough for an interactive bot. */
export function slackClientOptions(config: Config): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    // The client's default retries a failing call for ~30 min; a report is stale long before that.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000 },
  };
}

/** The Bolt app for `config`, wired to `services`. Call `app.start()` to listen. */
export function buildApp(config: Config, services: Services, opts: BuildAppOptions = {}): App {
  const startedAt = Date.now();
  const socketMode = Boolean(config.slack.appToken);
  const status = (): HealthStatus => ({
    status: 'ok',
    version: opts.version ?? '0.0.0',
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    livePerson: services.livePerson,
    slack: { mode: socketMode ? 'socket' : 'http' },
  });
  const clientOptions = slackClientOptions(config);
  const common = {
    authorize:
      opts.authorization?.authorize ?? createBotAuthorization(config.slack.botToken, clientOptions).authorize,
    customRoutes: [healthRoute(status)],
    logLevel: LOG_LEVELS[config.logLevel],
    ...(opts.logger ? { logger: opts.logger } : {}),
    clientOptions,
  };
  const app = socketMode
    ? new App({
        ...common,
        appToken: config.slack.appToken!,
        socketMode: true,
        installerOptions: { port: config.port },
      })
    : new App({ ...common, signingSecret: config.slack.signingSecret! });

  registerListeners(app, {
    reports: services.reports,
    charts: services.charts,
    source: services.source,
    now: opts.now ?? Date.now,
    timezones: createTimezoneLookup({ fallback: config.defaultTimezone }),
    inFlight: opts.inFlight ?? new InFlight(),
  });
  app.error(async (error) => {
    // Listener errors are already turned into messages; this catches Bolt's own (e.g. bad payloads).
    app.logger.error(`unhandled Bolt error: ${error.message}`);
    return Promise.resolve();
  });
  return app;
}
