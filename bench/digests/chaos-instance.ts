/**
 * One bot instance of the chaos run, as a child process (bench/digests/chaos.ts forks it and kills
 * it with SIGKILL whenever it likes): the production scheduler, ledger, runner and outbox on the
 * shared Redis, posting through a real WebClient to the parent's fake Slack.
 *
 * Two things differ from production, both because time is compressed: the clock runs `scale`
 * times faster than real time (a fire minute passes in a second or two), so the trigger is a
 * check of that clock every few ms instead of node-cron's real minutes; and the content is one
 * line naming the occurrence, because what is on trial is who posts, not what (the fan-out
 * benchmark runs the real content).
 */
import { WebClient } from '@slack/web-api';
import { DigestRunner, type DigestContent } from '../../src/schedule/digest-runner';
import { DIGEST_CODEC, DIGEST_INDEX_CODEC, DigestStore } from '../../src/schedule/digest-store';
import { ATTEMPT_CODEC, DELIVERY_CODEC, Ledger } from '../../src/schedule/ledger';
import { HEARTBEAT_CODEC, Scheduler } from '../../src/schedule/scheduler';
import { ACTION_STATE_CODEC } from '../../src/slack/action-ref';
import { Outbox } from '../../src/slack/outbox';
import { openStore } from '../../src/store/keyv-store';
import { createLogger } from '../../src/shared/logger';

/** What the parent hands each instance (JSON in the QP_CHAOS environment variable). */
export interface ChaosInstanceConfig {
  redisUrl: string;
  namespace: string;
  slackApiUrl: string;
  /**
   * The scaled clock: at real epoch ms `realStart` it reads `scaledStart`, and runs `scale`× faster.
   * The first instances get `realStart` by message once every one of them is up, so none starts
   * behind; a restarted one has it from the start.
   */
  scaledStart: number;
  realStart?: number;
  scale: number;
  /** The claim's lease in real ms (the store measures it in real time). */
  leaseMs: number;
}

const MIN = 60_000;

async function main(): Promise<void> {
  const cfg = JSON.parse(process.env.QP_CHAOS ?? '') as ChaosInstanceConfig;
  let realStart = cfg.realStart ?? 0;
  const now = () => cfg.scaledStart + (Date.now() - realStart) * cfg.scale;
  // Warnings to stderr: the parent keeps the last lines of an instance to explain a failed run.
  const log = createLogger({ level: 'warn', destination: { write: (l: string) => process.stderr.write(l) } });
  const store = await openStore({
    redisUrl: cfg.redisUrl,
    dataDir: '/nonexistent',
    namespace: cfg.namespace,
    logger: log,
  });
  const digests = new DigestStore(
    store.repository('digests', DIGEST_CODEC),
    store.repository('digest-index', DIGEST_INDEX_CODEC),
    store,
  );
  const slack = new WebClient('xoxb-chaos', {
    slackApiUrl: cfg.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const outbox = new Outbox({
    client: slack,
    actionState: store.repository('action-state', ACTION_STATE_CODEC),
    log,
  });
  const content: DigestContent = (digest, fireAt, marks) => {
    const text = `Shift summary ${digest.id} for ${new Date(fireAt).toISOString()}${marks.late ? ' (late)' : ''}`;
    return Promise.resolve({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  };
  const runner = new DigestRunner({ outbox, content, digests, log, now });
  const scheduler = new Scheduler({
    digests,
    ledger: new Ledger(
      store,
      store.repository('deliveries', DELIVERY_CODEC),
      store.repository('attempts', ATTEMPT_CODEC),
    ),
    runner,
    missedNote: async (digest, missed) => {
      await outbox.post(digest.channelId, {
        text: `missed ${missed.count}`,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `missed ${missed.count}` } }],
      });
    },
    heartbeat: store.repository('scheduler', HEARTBEAT_CODEC),
    now,
    log,
    leaseMs: cfg.leaseMs,
  });
  if (cfg.realStart === undefined) {
    process.send?.('ready');
    realStart = await new Promise<number>((resolve) =>
      process.once('message', (m: { realStart: number }) => resolve(m.realStart)),
    );
  }
  // As Scheduler.start does: catch up, tick, then tick at the start of every (scaled) minute,
  // skipping a minute while the last tick still runs (node-cron's noOverlap).
  await scheduler.catchUp();
  await scheduler.tick();
  let minute = Math.floor(now() / MIN);
  let running = false;
  setInterval(() => {
    const m = Math.floor(now() / MIN);
    if (m === minute || running) return;
    minute = m;
    running = true;
    scheduler
      .tick()
      .catch((err: unknown) => log.error('tick failed', { error: (err as Error).message }))
      .finally(() => {
        running = false;
      });
  }, 10);
}

main().catch((err: unknown) => {
  process.stderr.write(`chaos instance failed to start: ${String(err)}\n`);
  process.exit(1);
});
