/**
 * The bot in a process of its own, as production runs it (startBot with the environment it is
 * given: LP_CSDS_URL, SLACK_API_URL, REDIS_URL …), for benchmarks that measure the bot's memory
 * apart from the simulator and the fake Slack driving it. Two things differ from `npm start`, both
 * so the parent can run a fire minute on cue: the clock is the parent's (set by message), and the
 * scheduler's node-cron trigger is stopped, the parent sending each tick instead.
 *
 * Messages in: { kind: 'clock', at } · { kind: 'add', drafts } · { kind: 'warm' } · { kind: 'tick' }
 * · { kind: 'memory' } (process.memoryUsage() now, and the most of each field since the last
 * 'memory', sampled every 10 ms). Each is answered { kind: 'done', id, value } or { kind: 'failed', id, error }.
 */
import type { DigestDraft } from '../../src/domain/digest';
import { startBot } from '../../src/main';

export type BotRequest =
  | { kind: 'clock'; at: number }
  | { kind: 'add'; drafts: DigestDraft[] }
  | { kind: 'warm' }
  | { kind: 'tick' }
  | { kind: 'memory' };

/** process.memoryUsage() now, and each field's highest sample since the last ask. */
export interface MemorySample {
  now: NodeJS.MemoryUsage;
  most: NodeJS.MemoryUsage;
}

export type BotReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; value?: unknown }
  | { kind: 'failed'; id: number; error: string };

async function main(): Promise<void> {
  let clock = Number(process.env.QP_BENCH_CLOCK ?? Date.now());
  const bot = await startBot(process.env, {
    now: () => clock,
    ...(process.env.QP_BENCH_NAMESPACE ? { storeNamespace: process.env.QP_BENCH_NAMESPACE } : {}),
  });
  await bot.container.scheduler.stop();
  const { container } = bot;
  let most = process.memoryUsage();
  const sample = () => {
    const m = process.memoryUsage();
    for (const k of Object.keys(m) as (keyof NodeJS.MemoryUsage)[]) most[k] = Math.max(most[k], m[k]);
  };
  setInterval(sample, 10).unref();
  const handle = async (req: BotRequest): Promise<unknown> => {
    switch (req.kind) {
      case 'clock':
        clock = req.at;
        return undefined;
      case 'add': {
        const ids: string[] = [];
        for (const draft of req.drafts)
          ids.push((await container.digests.add(draft, { teamId: 'T0001', userId: 'U0LEAD' })).id);
        return ids;
      }
      case 'warm':
        // Directory and sockets, on a query no digest asks.
        await container.reports.run(
          { kind: 'overview', window: { kind: 'last', ms: 3_600_000 }, public: true },
          { now: clock, budget: 'background' },
        );
        return undefined;
      case 'tick':
        await container.scheduler.tick();
        return undefined;
      case 'memory': {
        sample();
        const answer: MemorySample = { now: process.memoryUsage(), most };
        most = process.memoryUsage();
        return answer;
      }
    }
  };
  process.on('message', (m: BotRequest & { id: number }) => {
    handle(m).then(
      (value) => process.send?.({ kind: 'done', id: m.id, value } satisfies BotReply),
      (err: unknown) => process.send?.({ kind: 'failed', id: m.id, error: String(err) } satisfies BotReply),
    );
  });
  process.on('disconnect', () => {
    void bot.stop().finally(() => process.exit(0));
  });
  process.send?.({ kind: 'ready' } satisfies BotReply);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench bot failed to start: ${String(err)}\n`);
  process.exit(1);
});
