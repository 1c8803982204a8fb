/**
 * Redis stopped in the middle of a digest and started again (same port, same data): the bot keeps
 * answering /healthz (degraded while Redis is away, ok after), logs one line naming the store when
 * it goes and one when it is back, reconnects on its own, and the summary lands exactly once.
 * Runs on a redis-server of its own; the machine's Redis is never touched.
 *
 * Covered elsewhere: instances killed mid-digest on a Redis that stays up (test/schedule/chaos,
 * test/schedule/scheduler "killed between claim and post"), /healthz's store check on SQLite
 * (test/e2e/queue-command).
 */
import { strict as assert } from 'node:assert';
import { BUSY_NOW, startHarness, type Harness } from '../e2e/harness';
import { MIN, PrivateRedis, digestDraft, health, until } from './support';

const DRAFT = digestDraft('C0REDIS');

describe('resilience: Redis stopped mid-digest and started again', function () {
  this.timeout(60_000);
  let redis: PrivateRedis;
  let h: Harness;

  beforeEach(async () => {
    redis = await PrivateRedis.start();
    h = await startHarness({ now: BUSY_NOW - 5 * MIN, env: { REDIS_URL: redis.url } });
    await h.bot.container.digests.add(DRAFT, { teamId: 'T0001', userId: 'U0456' });
    h.setNow(BUSY_NOW + 2_000);
  });
  afterEach(async () => {
    await h.close();
    await redis.remove();
  });

  /** Posts carried out in the digest's channel. */
  const posts = () =>
    h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === DRAFT.channelId && !c.rateLimited);

  const storeLines = (re: RegExp) =>
    h.logger
      .records()
      .filter((l) => re.test(String(l.msg)) && String(l.msg).includes(`127.0.0.1:${redis.port}`));

  /** Redis back on the same data; waits for the bot's own reconnect (no restart, no nudge). */
  async function restartRedis(): Promise<void> {
    await redis.resume();
    await until(async () => (await health(h)).checks.store.ok, 'the bot reconnecting to Redis');
  }

  it('stopped while the summary is being built: nothing posted meanwhile, posted once after, one clear log line each way', async () => {
    // LivePerson takes a while, so the fire is in progress (claimed, attempt noted) when Redis goes.
    h.sim.inject({ route: 'metrics', latencyMs: 1_500, times: 10 });
    const metricsBefore = h.sim.stats().metrics;
    const tick = h.bot.container.scheduler.tick();
    await until(() => h.sim.stats().metrics > metricsBefore, 'the digest asking LivePerson');
    await redis.stop();
    const during = await health(h);
    assert.equal(during.status, 'degraded');
    assert.equal(during.checks.store.ok, false);
    const first = await tick;
    assert.equal(first.posted.length + first.late.length, 0, 'not posted without its claim confirmed');
    assert.equal(posts().length, 0);

    await restartRedis();
    h.setNow(BUSY_NOW + MIN + 2_000);
    await h.bot.container.scheduler.tick();
    assert.equal(posts().length, 1, 'posted once Redis is back, within the grace window');
    h.setNow(BUSY_NOW + 2 * MIN + 2_000);
    await h.bot.container.scheduler.tick();
    assert.equal(posts().length, 1, 'and not again');

    assert.equal(storeLines(/is unreachable/).length, 1, 'one line when Redis went away');
    const down = storeLines(/is unreachable/)[0]!;
    assert.equal(down.level, 'error');
    assert.match(
      String(down.msg),
      /^Redis at redis:\/\/127\.0\.0\.1:\d+\/0 is unreachable \(.+\): digests wait/,
    );
    assert.equal(storeLines(/is reachable again/).length, 1, 'one line when it came back');
    assert.equal((await health(h)).status, 'ok');
  });

  it('stopped while Slack takes the post: the post stands, the next tick finds it and posts nothing more', async () => {
    h.slack.delays.set('chat.postMessage', 1_000);
    const tick = h.bot.container.scheduler.tick();
    // The post has reached Slack (recorded there) but its answer has not come back yet.
    await until(() => posts().length === 1, 'the post reaching Slack');
    await redis.stop();
    await tick;
    h.slack.delays.delete('chat.postMessage');
    assert.equal(posts().length, 1);
    assert.equal((await health(h)).status, 'degraded');

    await restartRedis();
    for (const minutes of [1, 2, 3]) {
      h.setNow(BUSY_NOW + minutes * MIN + 2_000);
      await h.bot.container.scheduler.tick();
    }
    assert.equal(posts().length, 1, 'not posted twice');
    // The channel was read for the earlier post rather than trusting the missing record.
    assert.ok(h.slack.callsTo('conversations.history').length >= 1, 'the channel was looked at');
    assert.equal(storeLines(/is unreachable/).length, 1);
    assert.equal((await health(h)).status, 'ok');
  });

  it('stopped before the fire: the tick fails quietly, and the fire is posted once, late, after Redis returns', async () => {
    await redis.stop();
    await h.bot.container.scheduler.tick().catch(() => undefined);
    assert.equal(posts().length, 0);
    const during = await health(h);
    assert.equal(during.status, 'degraded');
    // Interactive answers go on without the store (buttons it cannot back are left out).
    const r = await h.command('skill billing');
    const [answer] = await h.responses(r.responseId);
    assert.match(JSON.stringify(answer!.body), /Waiting in queue/);

    await restartRedis();
    h.setNow(BUSY_NOW + 4 * MIN);
    const after = await h.bot.container.scheduler.tick();
    assert.equal(after.late.length, 1, 'posted late, not lost');
    assert.equal(posts().length, 1);
    assert.match(JSON.stringify(posts()[0]!.args.blocks), /late/i);
  });
});
