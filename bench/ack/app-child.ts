/**
 * One app under test of the ack benchmark, in a process of its own (its RSS and event loop are
 * its own), chosen by QP_ACK_APP:
 * - floor: a bare Bolt app (HTTP receiver, signing secret) whose /queue handler only acks;
 * - naive: a Bolt app whose /queue handler awaits a LivePerson KMM call, then acks, then posts
 *   the answer to the response_url;
 * - bot: the real bot (startBot) configured by environment as in production, with LivePerson
 *   found through CSDS at the simulator and the Slack Web API at the fake Slack.
 * SIGTERM stops the app; the process is left to exit by itself, so a timer or thread left
 * running shows up as a process that does not exit.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { App, type AckFn, type RespondFn } from '@slack/bolt';
import { serveParent } from './protocol';

export interface AppConfig {
  kind: 'floor' | 'naive' | 'bot';
  port: number;
  signingSecret: string;
  simUrl: string;
  accountId: string;
  slackApiUrl: string;
  /** The bot's DATA_DIR. */
  dataDir: string;
  /** Extra environment for the bot (CHARTS, LOG_LEVEL …). */
  env?: Record<string, string>;
  /** The bot draws CHARTS=upload PNGs on its main thread, as it did before the worker thread. */
  mainThreadCharts?: boolean;
}

const HOUR = 3_600_000;

function bareApp(cfg: AppConfig): App {
  return new App({
    signingSecret: cfg.signingSecret,
    // auth.test once, at start, against the fake Slack (with tokenVerificationEnabled: false Bolt
    // 5 asks it again on every request, which would make the floor slower than the bot).
    token: 'xoxb-bench',
    clientOptions: { slackApiUrl: cfg.slackApiUrl },
  });
}

/** What a handler written without the ack rule does: ask LivePerson first, answer after. */
async function naiveAnswer(cfg: AppConfig, ack: AckFn<string>, respond: RespondFn): Promise<void> {
  const now = Date.now();
  const res = await fetch(`${cfg.simUrl}/manager_workspace/api/account/${cfg.accountId}/metrics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      filters: { time: { from: now - 4 * HOUR, to: now }, skillIds: ['1001'] },
      metricsToRetrieveByTime: ['closed_conversations', 'avg_wait_time'],
      metricsToRetrieveCurrentValue: ['online_agents', 'assigned_conversations', 'agent_load'],
      responseSections: ['all'],
    }),
  });
  const kmm = (await res.json()) as { all?: Record<string, unknown> };
  // Past 3 s Bolt has answered the request itself (Slack shows the user an error) and ack throws;
  // the answer is still posted, late, so the benchmark can time it.
  await ack().catch(() => undefined);
  await respond({ replace_original: true, text: `Billing: ${JSON.stringify(kmm.all ?? {}).slice(0, 2000)}` });
}

/** CPU profile of a stretch of the run (the load, not the start-up), on the parent's word. */
function profiler(): Record<string, (args: unknown) => unknown> {
  const session = new Session();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))),
    );
  return {
    profileStart: async () => {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      // Allocations collected since count too: a scavenge's cost follows what a request allocates.
      if (process.env.QP_ACK_HEAP) {
        await post('HeapProfiler.enable');
        await post('HeapProfiler.startSampling', {
          samplingInterval: 2048,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      }
      return true;
    },
    profileStop: async (args) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      if (process.env.QP_ACK_HEAP) {
        const heap = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
        writeFileSync(
          (args as { file: string }).file.replace(/\.cpuprofile$/, '.heapprofile'),
          JSON.stringify(heap.profile),
        );
      }
      session.disconnect();
      writeFileSync((args as { file: string }).file, JSON.stringify(profile));
      return true;
    },
  };
}

async function main(): Promise<void> {
  const cfg = JSON.parse(process.env.QP_ACK_APP ?? '{}') as AppConfig;
  let stop: () => Promise<void>;
  if (cfg.kind === 'bot') {
    // Loaded only here: the floor and the naive handler must not carry the bot's modules in their RSS.
    const { startBot } = await import('../../src/main.js');
    const { apiKeyAccountEnv } = await import('../../src/simulator/index.js');
    // Chart.js and the canvas only where the subject draws PNGs on the main thread: imported
    // always, they sat in every bot's RSS (some 18 MB) though the bot never loads them in that mode.
    const renderChart = cfg.mainThreadCharts
      ? (await import('../../src/charts/render-png.js')).renderPng
      : undefined;
    const bot = await startBot(
      {
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: cfg.signingSecret,
        SLACK_API_URL: cfg.slackApiUrl,
        PORT: String(cfg.port),
        ...apiKeyAccountEnv(cfg.accountId, cfg.simUrl),
        DATA_DIR: cfg.dataDir,
        ...cfg.env,
      },
      renderChart ? { renderChart } : {},
    );
    stop = () => bot.stop();
  } else {
    const app = bareApp(cfg);
    if (cfg.kind === 'floor') app.command('/queue', async ({ ack }) => ack());
    else app.command('/queue', ({ ack, respond }) => naiveAnswer(cfg, ack, respond));
    await app.start(cfg.port);
    stop = () => app.stop().then(() => undefined);
  }
  process.once('SIGTERM', () => {
    void stop().then(
      () => process.disconnect(),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
  serveParent({ url: `http://127.0.0.1:${cfg.port}/slack/events` }, profiler());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
