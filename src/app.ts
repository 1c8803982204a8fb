/**
 * buildApp: the Bolt app with its global middleware (the per-request context), every listener, ack
 * timing, and the /healthz and /metrics routes. HTTP receiver at /slack/events (signature verification on), or Socket Mode
 * when SLACK_APP_TOKEN is set. SLACK_API_URL, when set, carries every Web API call (auth.test
 * included). Listeners get a client for the bot token through `authorize`.
 */
import { App } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from './config';
import type { Container } from './container';
import { createBotAuthorization, type BotAuthorization } from './slack/authorize';
import { ackFirst } from './slack/ack-first';
import { timeAcks } from './slack/ack-timing';
import { watchAcks } from './slack/ack-watch';
import { boltLogger } from './slack/bolt-logger';
import { contextMiddleware } from './slack/context';
import { registerListeners } from './slack/listeners';
import { SLACK_CALL_TIMEOUT_MS } from './slack/observed-client';
import { healthRoute, type HealthStatus } from './slack/routes/healthz';
import { metricsRoute } from './slack/routes/metrics';
import type { RecordCodec, Repository } from './store/store';

export interface BuildAppOptions {
  /** Shared with main, which verifies the token before listening. */
  authorization?: BotAuthorization;
  version?: string;
}

/** Web API client options for Bolt's own clients: SLACK_API_URL, and retries short enough for a bot. */
export function slackClientOptions(config: Config, timeoutMs = SLACK_CALL_TIMEOUT_MS): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    timeout: timeoutMs,
    // The client's default retries a failing call for ~30 min; a report is stale long before that.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000 },
  };
}

/** How long /healthz waits for the store before calling it unreachable. */
const STORE_PROBE_MS = 1_000;
const HEALTH_CODEC: RecordCodec<number> = {
  version: 1,
  decode: (raw) => (typeof raw === 'number' ? raw : undefined),
};

/** One read of the store, bounded: a Redis that went away answers "unreachable" within a second. */
async function probeStore(repo: Repository<number>): Promise<{ ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      repo.get('probe'),
      new Promise((_r, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${STORE_PROBE_MS} ms`)), STORE_PROBE_MS);
      }),
    ]);
    return { ok: true };
  } catch (err) {
    return { ok: false, detail: (err as Error).message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** The Bolt app for `config`, wired to the container. Call `app.start()` to listen. */
export function buildApp(config: Config, container: Container, opts: BuildAppOptions = {}): App {
  const startedAt = performance.now();
  const socketMode = Boolean(config.slack.appToken);
  const probe = container.store.repository('health', HEALTH_CODEC);
  const status = async (): Promise<HealthStatus> => {
    const store = await probeStore(probe);
    const livePerson = container.client.reachability();
    return {
      status: store.ok && livePerson.state !== 'failing' ? 'ok' : 'degraded',
      version: opts.version ?? '0.0.0',
      uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
      livePerson: container.livePerson,
      slack: { mode: socketMode ? 'socket' : 'http' },
      store: container.store.kind,
      checks: { store, livePerson },
    };
  };
  const clientOptions = slackClientOptions(config);
  const common = {
    authorize:
      opts.authorization?.authorize ?? createBotAuthorization(config.slack.botToken, clientOptions).authorize,
    customRoutes: [healthRoute(status), metricsRoute(container.metrics.registry)],
    logger: boltLogger(container.log.child({ component: 'bolt' }), config.logLevel),
    clientOptions,
    // Bolt's default conversation store is one process's memory (wrong with several instances; the
    // bot keeps its state in the shared store), and since nothing ever stores into it, it rejects
    // with a new Error, stack and all, on every request: work in front of every ack, for nothing.
    convoStore: false as const,
  };
  const app = socketMode
    ? new App({
        ...common,
        appToken: config.slack.appToken!,
        socketMode: true,
        installerOptions: { port: config.port },
      })
    : new App({ ...common, signingSecret: config.slack.signingSecret! });
  // Over HTTP the server marks each request from its headers to its response (main.ts,
  // ackFirstServer), a span that holds Bolt's part; Socket Mode has no such request to mark.
  const timing = timeAcks(container.metrics.ack);
  watchAcks(app, socketMode ? [timing, ackFirst] : [timing]);

  app.use(
    contextMiddleware({
      log: container.log,
      now: container.now,
      timezones: container.timezones,
      outbox: container.outbox,
    }),
  );
  registerListeners(app, container.listenerDeps());
  app.error(async (error) => {
    // Listener errors are already turned into messages; this catches Bolt's own (e.g. bad payloads).
    container.log.error('unhandled Bolt error', { error: error.message });
    return Promise.resolve();
  });
  return app;
}
