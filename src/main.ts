/**
 * Process entry: config → services → Bolt app → listen. SIGTERM/SIGINT stop the app and release
 * the services (LivePerson timers, the in-process simulator) so the process exits cleanly.
 */
import { LogLevel, type App, type Logger } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';
import { buildApp, slackClientOptions } from './app';
import { ConfigError, readConfig, type Config } from './config';
import { createServices, type Services } from './container';
import { SlackTokenError, createBotAuthorization } from './slack/authorize';
import { InFlight } from './slack/in-flight';

/** How long shutdown waits for acked answers: a little over one interactive LivePerson budget. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningBot {
  app: App;
  config: Config;
  services: Services;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  now?: () => number;
}

function defaultLogger(config: Config): Logger {
  const logger = new ConsoleLogger();
  logger.setName('queue-pulse');
  const levels = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };
  logger.setLevel(levels[config.logLevel]);
  return logger;
}

/** Reads `env`, starts everything, and resolves once the bot listens. */
export async function startBot(
  env: Record<string, string | undefined>,
  opts: StartOptions = {},
): Promise<RunningBot> {
  const config = readConfig(env);
  const logger = opts.logger ?? defaultLogger(config);
  const authorization = createBotAuthorization(config.slack.botToken, slackClientOptions(config));
  try {
    await authorization.verify();
  } catch (err) {
    // A wrong token will never work: stop now with what to fix. An unreachable Slack may come
    // back: start anyway, authorization asks again on the first request.
    if (err instanceof SlackTokenError) throw err;
    logger.warn(`Slack did not answer auth.test (${(err as Error).message}); starting anyway.`);
  }
  const services = await createServices(config, { logger, ...(opts.now ? { now: opts.now } : {}) });
  const inFlight = new InFlight();
  const app = buildApp(config, services, {
    authorization,
    inFlight,
    logger,
    ...(opts.now ? { now: opts.now } : {}),
    version: env.npm_package_version ?? 'dev',
  });
  try {
    await app.start(config.port);
  } catch (err) {
    await services.close();
    throw err;
  }
  const mode = config.slack.appToken ? 'Socket Mode' : `http://0.0.0.0:${config.port}/slack/events`;
  logger.info(`Queue Pulse is running (${mode}; health at /healthz; data: ${services.source})`);
  let stopping: Promise<void> | undefined;
  return {
    app,
    config,
    services,
    stop() {
      stopping ??= (async () => {
        // No new requests; answers already acked get up to SHUTDOWN_GRACE_MS to reach Slack.
        await app.stop();
        if (!(await inFlight.drain(SHUTDOWN_GRACE_MS))) {
          logger.warn(`stopping with ${inFlight.size} answer(s) still in flight`);
        }
        await services.close();
      })();
      return stopping;
    },
  };
}

/** `npm start`: run until SIGTERM/SIGINT; configuration problems print what to set and exit 1. */
export async function main(): Promise<void> {
  let bot: RunningBot;
  try {
    bot = await startBot(process.env);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof SlackTokenError) {
      console.error(err.message);
    } else {
      console.error(`Queue Pulse failed to start: ${(err as Error).message}`);
    }
    process.exitCode = 1;
    return;
  }
  const shutdown = (signal: string) => {
    bot.app.logger.info(`${signal}: shutting down`);
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  void main();
}
