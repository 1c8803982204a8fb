/**
 * The composition root: every long-lived piece of the bot, built once from the configuration and
 * handed to whoever needs it (listeners receive dependencies, they never build them). The
 * LivePerson client runs against a real account, or against the embedded simulator started
 * in-process when no LP_ACCOUNT_ID is set. `close()` releases everything.
 */
import type { WebClient } from '@slack/web-api';
import { describeAuth, type Config } from './config';
import { createLivePersonClient, type LivePersonClient } from './liveperson/client/client';
import type { RetryRuntime } from './liveperson/client/retry-policy';
import { createDirectory, type Directory } from './liveperson/directory';
import { createReportService, type ReportService } from './reports/report-service';
import { loadTargets } from './reports/targets-file';
import { createMetrics, type Metrics } from './observability/metrics';
import { consoleStyle, type AppLogger } from './shared/logger';
import type { Simulator } from './simulator';
import { ACTION_STATE_CODEC, type StoredState } from './slack/action-ref';
import { boltLogger } from './slack/bolt-logger';
import { createChartDelivery, type ChartDelivery } from './slack/chart-delivery';
import { createChartRenderer } from './charts/chart-renderer';
import type { ChartSpec } from './charts/chart-spec';
import { InFlight } from './slack/in-flight';
import type { Answer } from './slack/answer';
import { SharedBuilds } from './shared/shared-builds';
import { ObservedWebClient, SLACK_CALL_TIMEOUT_MS } from './slack/observed-client';
import type { ListenerDeps } from './slack/listeners/deps';
import { HOME_SNAPSHOT_CODEC, type HomeDeps } from './slack/home/home-service';
import { Watches, WATCHES_CODEC } from './slack/home/watches';
import type { ScopeMenu } from './slack/views/report-actions';
import type { Deadline } from './shared/deadline';
import { digestContent } from './schedule/digest-content';
import { DigestRunner } from './schedule/digest-runner';
import { DIGEST_CODEC, DIGEST_INDEX_CODEC, DigestStore } from './schedule/digest-store';
import { createDigestService } from './schedule/digests';
import { ATTEMPT_CODEC, DELIVERY_CODEC, Ledger } from './schedule/ledger';
import { HEARTBEAT_CODEC, Scheduler } from './schedule/scheduler';
import { renderMissedNote } from './slack/views/shift-summary';
import { Outbox } from './slack/outbox';
import { createModals } from './slack/modals';
import { createWorkspaceAdmins } from './slack/workspace-admins';
import type { DigestService } from './schedule/digest-service';
import { createTimezoneLookup, type TimezoneLookup } from './slack/timezones';
import type { Repository, Store } from './store/store';

export interface Container {
  config: Config;
  log: AppLogger;
  store: Store;
  client: LivePersonClient;
  directory: Directory;
  reports: ReportService;
  charts: ChartDelivery;
  /** The bot's own Web API client: no automatic retries, the outbox decides what may be sent twice. */
  slack: WebClient;
  outbox: Outbox;
  timezones: TimezoneLookup;
  actionState: Repository<StoredState>;
  /** Answers acked but not yet delivered; shutdown waits for them. */
  inFlight: InFlight;
  /** "LivePerson account 123" or "LivePerson simulator (synthetic data)". */
  source: string;
  livePerson: { mode: 'simulator' | 'account'; accountId: string };
  simulator: Simulator | undefined;
  now: () => number;
  /** Scheduled shift summaries: started by main once the bot listens. */
  scheduler: Scheduler;
  digests: DigestService;
  /** What GET /metrics serves; every part of the bot records into it. */
  metrics: Metrics;
  /** What the listeners are given. */
  listenerDeps(): ListenerDeps;
  close(): Promise<void>;
}

export interface ContainerOptions {
  log: AppLogger;
  store: Store;
  now?: () => number;
  /** Simulator port when the simulator runs in-process (0: any free port). */
  simulatorPort?: number;
  /** LivePerson retry timing (end-to-end tests scale it down instead of sleeping through it). */
  retry?: Partial<RetryRuntime>;
  /** Total time of an interactive answer, and when its placeholder says it is still waiting. */
  answerBudgetMs?: number;
  stillWaitingAfterMs?: readonly number[];
  /** Another digest service than the scheduler's over the store (tests of the surfaces alone). */
  digests?: DigestService;
  /** Draws CHARTS=upload PNGs (default: a worker thread; the ack benchmark compares the main thread). */
  renderChart?: (spec: ChartSpec) => Promise<Buffer>;
  /** The longest one Slack Web API call may take (default SLACK_CALL_TIMEOUT_MS). */
  slackTimeoutMs?: number;
}

/** Starts what the configuration asks for. */
export async function createContainer(config: Config, opts: ContainerOptions): Promise<Container> {
  const now = opts.now ?? Date.now;
  const log = opts.log;
  const metrics = createMetrics();
  // Read before anything starts: a bad targets file stops the start with nothing left running.
  const targets = await loadTargets(config.targetsFile);
  const lpLog = consoleStyle(log, { component: 'liveperson' });
  let simulator: Simulator | undefined;
  let client: LivePersonClient;
  let accountId: string;
  const common = {
    cacheTtlMs: config.kmmCacheTtlSeconds * 1000,
    logger: lpLog,
    now,
    observer: metrics.livePerson,
    ...(opts.retry ? { retry: opts.retry } : {}),
  };
  if (config.livePerson.mode === 'simulator') {
    // Loaded only here: a bot on a real account never holds the synthetic contact center's code.
    const { DEFAULT_OAUTH: SIMULATOR_OAUTH, startSimulator } = await import('./simulator/index.js');
    // The simulator checks OAuth 1.0a like LivePerson does, so the offline path signs for real.
    simulator = await startSimulator({ port: opts.simulatorPort ?? 0, oauth: SIMULATOR_OAUTH, now });
    accountId = simulator.accountId;
    client = createLivePersonClient({ ...common, accountId, csdsUrl: simulator.url, oauth: SIMULATOR_OAUTH });
    log.info('No LP_ACCOUNT_ID: running on the LivePerson simulator', {
      url: simulator.url,
      auth: "OAuth 1.0a API key (the simulator's own)",
    });
  } else {
    const lp = config.livePerson;
    accountId = lp.accountId;
    const auth = lp.auth;
    client = createLivePersonClient({
      ...common,
      accountId,
      csdsUrl: lp.csdsUrl,
      ...(auth.mode === 'api-key' ? { oauth: auth.oauth } : {}),
      ...(auth.mode === 'client-credentials' ? { clientCredentials: auth.clientCredentials } : {}),
      ...(auth.mode === 'login' ? { login: auth.login } : {}),
    });
    log.info(`LivePerson account ${accountId}: authenticating with ${describeAuth(auth.mode)}`, {
      csds: lp.csdsUrl,
    });
  }
  const directory = createDirectory({ source: client, now, logger: lpLog, observer: metrics.livePerson });
  const source =
    config.livePerson.mode === 'simulator'
      ? 'LivePerson simulator (synthetic data)'
      : `LivePerson account ${accountId}`;
  const reports = createReportService({
    client,
    directory,
    now,
    source,
    loadScale: config.loadScale,
    targets,
    // A trend only feeds the skill and group charts: none drawn, none fetched.
    trends: config.charts !== 'off',
    log: log.child({ component: 'reports' }),
  });
  const slack = new ObservedWebClient(
    config.slack.botToken,
    {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: opts.slackTimeoutMs ?? SLACK_CALL_TIMEOUT_MS,
      logger: boltLogger(log.child({ component: 'slack-web-api' }), config.logLevel),
    },
    metrics.slackApi,
  );
  const actionState = opts.store.repository('action-state', ACTION_STATE_CODEC);
  const outbox = new Outbox({
    client: slack,
    actionState,
    log: log.child({ component: 'outbox' }),
    observer: metrics.slackApi,
  });
  const timezones = createTimezoneLookup({ fallback: config.defaultTimezone, client: slack, log });
  // Only CHARTS=upload draws locally; the worker thread starts with the first chart it draws.
  const renderer = createChartRenderer();
  const charts = createChartDelivery({
    mode: config.charts,
    quickchartUrl: config.quickchartUrl,
    client: slack,
    render: opts.renderChart ?? ((spec) => renderer.render(spec)),
  });
  const inFlight = new InFlight();
  const workspaceAdmins = createWorkspaceAdmins({
    client: slack,
    log: log.child({ component: 'workspace-admins' }),
  });
  const modals = createModals(slack);
  const digestAdmins: ReadonlySet<string> = new Set(config.digestAdmins);
  const digestStore = new DigestStore(
    opts.store.repository('digests', DIGEST_CODEC),
    opts.store.repository('digest-index', DIGEST_INDEX_CODEC),
    opts.store,
  );
  const scheduleLog = log.child({ component: 'digests' });
  const runner = new DigestRunner({
    outbox,
    content: digestContent({ reports, charts, targets, log: scheduleLog }),
    digests: digestStore,
    log: scheduleLog,
    now,
  });
  const scheduler = new Scheduler({
    digests: digestStore,
    ledger: new Ledger(
      opts.store,
      opts.store.repository('deliveries', DELIVERY_CODEC),
      opts.store.repository('attempts', ATTEMPT_CODEC),
    ),
    runner,
    missedNote: async (digest, missed) => {
      const r = await outbox.post(digest.channelId, renderMissedNote(digest, missed));
      if (!r.ok) scheduleLog.warn('could not post the missed note', { digest: digest.id, detail: r.detail });
    },
    heartbeat: opts.store.repository('scheduler', HEARTBEAT_CODEC),
    now,
    log: scheduleLog,
    observer: metrics.digests,
  });
  const digests = opts.digests ?? createDigestService({ store: digestStore, runner, now });
  const home: HomeDeps = {
    reports,
    watches: new Watches(opts.store.repository('watches', WATCHES_CODEC), opts.store),
    snapshots: opts.store.repository('home', HOME_SNAPSHOT_CODEC),
    store: opts.store,
    outbox,
    source,
    now,
    digests,
  };
  // The overview's menu, by name: the directory is cached, so this rarely asks LivePerson.
  const scopeMenu = async (deadline: Deadline): Promise<ScopeMenu> => {
    const [skills, groups] = await Promise.all([
      directory.skills({ deadline }),
      directory.agentGroups({ deadline }),
    ]);
    return { skills, groups };
  };
  const builds = new SharedBuilds<Answer>();
  return {
    config,
    log,
    store: opts.store,
    client,
    directory,
    reports,
    charts,
    slack,
    outbox,
    timezones,
    actionState,
    inFlight,
    source,
    livePerson: { mode: config.livePerson.mode, accountId },
    simulator,
    now,
    scheduler,
    digests,
    metrics,
    listenerDeps: () => ({
      reports,
      charts,
      builds,
      inFlight,
      actionState,
      source,
      claims: opts.store,
      home,
      scopeMenu,
      directory,
      digestAdmins,
      workspaceAdmins,
      modals,
      defaultTimezone: config.defaultTimezone,
      digests,
      ...(opts.answerBudgetMs === undefined ? {} : { answerBudgetMs: opts.answerBudgetMs }),
      ...(opts.stillWaitingAfterMs === undefined ? {} : { stillWaitingAfterMs: opts.stillWaitingAfterMs }),
    }),
    async close() {
      await scheduler.stop();
      await renderer.close();
      await client.close();
      await simulator?.close();
      await opts.store.close();
    },
  };
}
