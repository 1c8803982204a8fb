/**
 * Scheduled shift summaries through the real bot: a digest in the store, the scheduler ticking at
 * its fire time (the bot's clock is the harness's), the summary posted to the channel by the fake
 * Slack with the occurrence in its metadata, once; a lost channel pauses it and tells the owner.
 */
import { strict as assert } from 'node:assert';
import type { DigestDraft } from '../../src/domain/digest';
import { BUSY_NOW, startHarness, type Harness } from './harness';

const MIN = 60_000;
// 16:00 in Berlin on the harness's busy afternoon (15:00 UTC).
const draft = (channelId: string): DigestDraft => ({
  channelId,
  schedule: { days: { kind: 'daily' }, hour: 16, minute: 0, zone: 'Europe/Berlin' },
  windowMs: 8 * 60 * MIN,
  scope: {
    kind: 'skills',
    items: [
      { id: '1001', name: 'Billing' },
      { id: '1002', name: 'Sales' },
    ],
  },
  chart: false,
});

describe('e2e: scheduled shift summaries', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: BUSY_NOW - 5 * MIN });
  });
  after(() => h.close());

  const postsTo = (channel: string) =>
    h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.rateLimited);

  it('posts the summary at its local time, once, marked with its occurrence', async () => {
    const d = await h.bot.container.digests.add(draft('C0DIGEST'), { teamId: 'T0001', userId: 'U0456' });
    await h.bot.container.scheduler.tick();
    assert.equal(postsTo('C0DIGEST').length, 0, 'not yet: 15:55 UTC');
    h.setNow(BUSY_NOW + 2_000);
    const [a, b] = await Promise.all([h.bot.container.scheduler.tick(), h.bot.container.scheduler.tick()]);
    assert.equal(a.posted.length + b.posted.length, 1);
    const [post] = postsTo('C0DIGEST');
    assert.ok(post);
    assert.deepEqual(post.args.metadata, {
      event_type: 'queue_pulse_digest',
      event_payload: { digest: d.id, occurrence: '2026-11-25T16:00' },
    });
    const text = JSON.stringify(post.args.blocks);
    assert.match(text, /Shift summary · Billing, Sales · 08:00–16:00 Europe\/Berlin/);
    h.setNow(BUSY_NOW + 3 * MIN);
    await h.bot.container.scheduler.tick();
    assert.equal(postsTo('C0DIGEST').length, 1, 'once');
    assert.ok(h.bot.container.digests.nextFire(d, h.now())! > BUSY_NOW + 23 * 60 * MIN);
  });

  it('a channel the bot was removed from pauses the digest and tells its owner by DM', async () => {
    h.setNow(BUSY_NOW - 5 * MIN);
    h.slack.channelErrors.set('C0GONE', 'not_in_channel');
    const d = await h.bot.container.digests.add(draft('C0GONE'), { teamId: 'T0001', userId: 'U0456' });
    h.setNow(BUSY_NOW + 2_000);
    await h.bot.container.scheduler.tick();
    const after = await h.bot.container.digests.get(d.id);
    assert.equal(after?.paused, true);
    assert.equal(after?.pausedReason, 'not_in_channel');
    const dm = h.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U0456');
    assert.ok(dm, 'a DM to the owner');
    assert.match(String(dm.args.text), /paused your shift summary/);
    h.slack.channelErrors.delete('C0GONE');
  });

  it('a digest added in one line is posted by the scheduler at its time', async () => {
    h.setNow(BUSY_NOW - 60 * MIN);
    const r = await h.command(
      'digest add <#C0LINE|leads> daily 16:00 Europe/Berlin skill billing window 4h',
      {
        channelId: 'C0LINE',
      },
    );
    assert.equal(r.status, 200);
    let list = await h.bot.container.digests.listForChannel('T0001', 'C0LINE');
    for (let i = 0; i < 100 && list.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      list = await h.bot.container.digests.listForChannel('T0001', 'C0LINE');
    }
    assert.equal(list.length, 1, JSON.stringify(r.ack));
    h.setNow(BUSY_NOW + 2_000);
    await h.bot.container.scheduler.tick();
    const [post] = postsTo('C0LINE');
    assert.match(JSON.stringify(post?.args.blocks), /Shift summary · Billing · 12:00–16:00 Europe\/Berlin/);
  });

  it('Run now posts outside the schedule, marked as run by hand', async () => {
    const d = await h.bot.container.digests.add(draft('C0MANUAL'), { teamId: 'T0001', userId: 'U0456' });
    const r = await h.bot.container.digests.runNow(d.id);
    assert.deepEqual(r, { ok: true });
    const [post] = postsTo('C0MANUAL');
    assert.match(JSON.stringify(post?.args.blocks), /by hand/i);
  });
});
