/**
 * Process entry: config → logger → store → Slack token → container → Bolt app → listen.
 * SIGTERM/SIGINT stop taking requests, let acked answers finish (bounded), then release
 * everything (LivePerson timers, the in-process simulator, the store) so the process exits cleanly.
 */
import { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { DestinationStream } from 'pino';
import { buildApp, slackClientOptions } from './app';
import { ConfigError, readConfig, type Config } from './config';
import { createContainer, type Container, type ContainerOptions } from './container';
import type { RetryRuntime } from './liveperson/client/retry-policy';
import type { DigestService } from './schedule/digest-service';
import { createLogger, type AppLogger } from './shared/logger';
import { ackFirstServer } from './slack/ack-first';
import { SlackTokenError, createBotAuthorization } from './slack/authorize';
import { boltLogger } from './slack/bolt-logger';
import { openStore } from './store/keyv-store';
import { StoreError } from './store/store';

/**
 * How long shutdown waits for acked answers before closing connections: most of the 30 s a
 * platform like Heroku allows between SIGTERM and SIGKILL, leaving time to close the store.
 */
export const SHUTDOWN_GRACE_MS = 25_000;

export interface RunningBot {
  app: App;
  config: Config;
  container: Container;
  log: AppLogger;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where log lines go (JSON lines); tests capture them. Default: stdout. */
  logDestination?: DestinationStream;
  /** The bot's clock (epoch ms); tests and the sandbox move it. */
  now?: () => number;
  /** LivePerson retry timing; end-to-end tests scale it down. */
  retry?: Partial<RetryRuntime>;
  /** Total time of an interactive answer, and when its placeholder says it is still waiting. */
  answerBudgetMs?: number;
  stillWaitingAfterMs?: readonly number[];
  /** The digest service (see ContainerOptions.digests). */
  digests?: DigestService;
  /** Key prefix in the store (default queue-pulse): benchmarks keep each run's keys apart. */
  storeNamespace?: string;
  /** How CHARTS=upload PNGs are drawn (see ContainerOptions.renderChart). */
  renderChart?: ContainerOptions['renderChart'];
  /** The longest one Slack Web API call may take (default SLACK_CALL_TIMEOUT_MS). */
  slackTimeoutMs?: number;
}

/** Every secret value the configuration holds: the logger scrubs them from every line. */
function secretsOf(config: Config): string[] {
  const out = [config.slack.botToken, config.slack.signingSecret, config.slack.appToken];
  const lp = config.livePerson;
  if (lp.mode === 'account') {
    const auth = lp.auth;
    if (auth.mode === 'api-key')
      out.push(auth.oauth.appSecret, auth.oauth.accessToken, auth.oauth.accessTokenSecret, auth.oauth.appKey);
    if (auth.mode === 'client-credentials') out.push(auth.clientCredentials.clientSecret);
    if (auth.mode === 'login') out.push(auth.login.password);
  }
  if (config.redisUrl) {
    try {
      const pw = new URL(config.redisUrl).password;
      if (pw) out.push(decodeURIComponent(pw));
    } catch {
      // readConfig already refused a malformed REDIS_URL.
    }
  }
  return out.filter((s): s is string => typeof s === 'string' && s !== '');
}

/** Reads `env`, starts everything, and resolves once the bot listens. */
export async function startBot(
  env: Record<string, string | undefined>,
  opts: StartOptions = {},
): Promise<RunningBot> {
  const config = readConfig(env);
  const secrets = secretsOf(config);
  // Bearers and access tokens exist only once the client has them: read them on every line.
  let liveSecrets: () => string[] = () => [];
  const log = createLogger({
    level: config.logLevel,
    secrets: () => [...secrets, ...liveSecrets()],
    ...(opts.logDestination ? { destination: opts.logDestination } : {}),
  });
  const store = await openStore({
    redisUrl: config.redisUrl,
    dataDir: config.dataDir,
    logger: log,
    ...(opts.storeNamespace ? { namespace: opts.storeNamespace } : {}),
  });
  const authorization = createBotAuthorization(config.slack.botToken, {
    ...slackClientOptions(config, opts.slackTimeoutMs),
    logger: boltLogger(log.child({ component: 'slack-web-api' }), config.logLevel),
  });
  try {
    await authorization.verify();
  } catch (err) {
    // A wrong token will never work: stop now with what to fix. An unreachable Slack may come
    // back: start anyway, authorization asks again on the first request.
    if (err instanceof SlackTokenError) {
      await store.close();
      throw err;
    }
    log.warn('Slack did not answer auth.test; starting anyway', { error: (err as Error).message });
  }
  const container = await createContainer(config, {
    log,
    store,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.retry ? { retry: opts.retry } : {}),
    ...(opts.answerBudgetMs === undefined ? {} : { answerBudgetMs: opts.answerBudgetMs }),
    ...(opts.stillWaitingAfterMs ? { stillWaitingAfterMs: opts.stillWaitingAfterMs } : {}),
    ...(opts.digests ? { digests: opts.digests } : {}),
    ...(opts.renderChart ? { renderChart: opts.renderChart } : {}),
    ...(opts.slackTimeoutMs === undefined ? {} : { slackTimeoutMs: opts.slackTimeoutMs }),
  });
  liveSecrets = () => container.client.secrets();
  const app = buildApp(config, container, { authorization, version: env.npm_package_version ?? 'dev' });
  try {
    const listening: unknown = await app.start(config.port);
    // Over HTTP, a request holds back work after other acks from its headers on (slack/ack-first).
    if (listening instanceof Server) ackFirstServer(listening as Server);
  } catch (err) {
    await container.close();
    throw err;
  }
  // Digests start once the bot can be reached: a missed fire posted on start needs Slack.
  try {
    await container.scheduler.start();
  } catch (err) {
    await app.stop().catch(() => undefined);
    await container.close();
    throw err;
  }
  const mode = config.slack.appToken ? 'Socket Mode' : `http://0.0.0.0:${config.port}/slack/events`;
  log.info(`Queue Pulse is running (${mode}; health at /healthz, metrics at /metrics)`, {
    data: container.source,
    store: store.where,
    logLevel: config.logLevel,
  });
  let stopping: Promise<void> | undefined;
  return {
    app,
    config,
    container,
    log,
    stop() {
      stopping ??= (async () => {
        // No new requests and no new digest ticks; answers already acked get up to
        // SHUTDOWN_GRACE_MS to reach Slack.
        await app.stop();
        await container.scheduler.stop();
        if (!(await container.inFlight.drain(SHUTDOWN_GRACE_MS))) {
          log.warn('stopping with answers still in flight', { inFlight: container.inFlight.size });
        }
        await container.close();
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
    if (err instanceof ConfigError || err instanceof SlackTokenError || err instanceof StoreError) {
      console.error(err.message);
    } else {
      console.error(`Queue Pulse failed to start: ${(err as Error).message}`);
    }
    process.exitCode = 1;
    return;
  }
  const shutdown = (signal: string) => {
    bot.log.info(`${signal}: shutting down`);
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
