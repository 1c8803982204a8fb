/**
 * The scheduler on real stores: keyv on SQLite in a temporary folder, and on the Redis at
 * TEST_REDIS_URL (CI sets it). Several schedulers share one store as instances share one Redis;
 * the channel is a list of posts with their metadata, as Slack keeps them.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import type { Digest, Occurrence } from '../../src/domain/digest';
import { createLogger } from '../../src/shared/logger';
import type { DeliverResult } from '../../src/schedule/digest-runner';
import { DIGEST_CODEC, DIGEST_INDEX_CODEC, DigestStore } from '../../src/schedule/digest-store';
import { ATTEMPT_CODEC, DELIVERY_CODEC, Ledger } from '../../src/schedule/ledger';
import { HEARTBEAT_CODEC, Scheduler } from '../../src/schedule/scheduler';
import { openStore } from '../../src/store/keyv-store';
import type { Store } from '../../src/store/store';

const REDIS_URL = process.env.TEST_REDIS_URL;
const MIN = 60_000;
const FIRE = Date.parse('2026-03-29T15:00:00Z'); // 17:00 in Berlin, the day the clocks go forward
const log = createLogger({ level: 'error', destination: { write: () => true } });

function digest(id: string, extra: Partial<Digest> = {}): Digest {
  return {
    id,
    teamId: 'T1',
    channelId: 'C1',
    createdBy: 'U1',
    createdAt: 0,
    updatedAt: 0,
    schedule: { days: { kind: 'daily' }, hour: 17, minute: 0, zone: 'Europe/Berlin' },
    windowMs: 8 * 3_600_000,
    scope: { kind: 'account' },
    chart: false,
    paused: false,
    ...extra,
  };
}

/** The channel as Slack keeps it: posts with the occurrence they carry. */
class Channel {
  readonly posts: { digest: string; occurrence: string; late: boolean; ts: string }[] = [];
  readonly notes: { digest: string; count: number }[] = [];
  /** conversations.history failing (a 429, a missing scope). */
  unreadable = false;
  find(o: Occurrence): string | undefined {
    if (this.unreadable) throw new Error('conversations.history: ratelimited');
    return this.posts.find((p) => p.digest === o.digestId && p.occurrence === o.key)?.ts;
  }
  post(o: Occurrence, late: boolean): string {
    const ts = `${this.posts.length + 1}.000`;
    this.posts.push({ digest: o.digestId, occurrence: o.key, late, ts });
    return ts;
  }
}

interface Node {
  store: Store;
  digests: DigestStore;
  scheduler: Scheduler;
  /** Resolves once this node has started posting `digestId`'s 17:00 (it holds the claim). */
  started(digestId: string): Promise<void>;
}

type Behaviour = 'post' | 'hang' | 'post-then-die' | 'slow' | 'fail';

function node(
  store: Store,
  channel: Channel,
  now: () => number,
  behaviour: () => Behaviour = () => 'post',
): Node {
  const digests = new DigestStore(
    store.repository('digests', DIGEST_CODEC),
    store.repository('digest-index', DIGEST_INDEX_CODEC),
    store,
  );
  const ledger = new Ledger(
    store,
    store.repository('deliveries', DELIVERY_CODEC),
    store.repository('attempts', ATTEMPT_CODEC),
  );
  const scheduler = new Scheduler({
    digests,
    ledger,
    runner: {
      findPosted: (_d, o) => Promise.resolve().then(() => channel.find(o)),
      deliver: async (_d, o, marks, stillOurs): Promise<DeliverResult> => {
        // A little work, so concurrent instances overlap the way real ones do.
        await new Promise((r) => setTimeout(r, 5));
        switch (behaviour()) {
          case 'fail':
            return { kind: 'retry', detail: 'Slack answered 500' };
          case 'slow':
            // Building the summary outlasts the lease (LivePerson retrying), then the post.
            await new Promise((r) => setTimeout(r, LEASE_MS * 2));
            if (stillOurs && !(await stillOurs())) return { kind: 'claim-lost' };
            return { kind: 'posted', ts: channel.post(o, marks.late ?? false) };
          case 'hang':
            // The process died after its claim: nothing more happens, ever.
            return new Promise<DeliverResult>(() => undefined);
          case 'post-then-die':
            channel.post(o, marks.late ?? false);
            return new Promise<DeliverResult>(() => undefined);
          case 'post':
            return { kind: 'posted', ts: channel.post(o, marks.late ?? false) };
        }
      },
    },
    missedNote: (d, missed) => {
      channel.notes.push({ digest: d.id, count: missed.count });
      return Promise.resolve();
    },
    heartbeat: store.repository('scheduler', HEARTBEAT_CODEC),
    now,
    log,
    leaseMs: LEASE_MS,
  });
  const attempts = store.repository('attempts', ATTEMPT_CODEC);
  const started = async (digestId: string): Promise<void> => {
    for (let i = 0; i < 500; i++) {
      if ((await attempts.get(`${digestId}:2026-03-29T17:00`)) !== undefined) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('never started');
  };
  return { store, digests, scheduler, started };
}

/** What every store must give the scheduler, on SQLite and on Redis alike. */
function schedulesExactlyOnce(open: () => Promise<Store>): void {
  const opened: Store[] = [];
  const fresh = async (): Promise<Store> => {
    const s = await open();
    opened.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
  });

  it('three schedulers on one store, ticking together at the fire time, post once', async () => {
    const channel = new Channel();
    const now = () => FIRE + 1_000;
    const nodes = [
      node(await fresh(), channel, now),
      node(await fresh(), channel, now),
      node(await fresh(), channel, now),
    ];
    await nodes[0]!.digests.put(digest('aaaa1'));
    await nodes[1]!.digests.put(
      digest('bbbb2', { schedule: { ...digest('x').schedule, zone: 'UTC', hour: 15 } }),
    );
    for (let round = 0; round < 3; round++) await Promise.all(nodes.map((n) => n.scheduler.tick()));
    assert.deepEqual(channel.posts.map((p) => [p.digest, p.occurrence]).sort(), [
      ['aaaa1', '2026-03-29T17:00'],
      ['bbbb2', '2026-03-29T15:00'],
    ]);
  });

  /**
   * A first instance that claims `id`'s 17:00 and behaves as told, and a second on the same
   * store; `later()` moves both clocks late into the grace window, past the first one's lease.
   */
  async function handOver(id: string, behaviour: Behaviour) {
    const channel = new Channel();
    let t = FIRE + 1_000;
    const first = node(
      await fresh(),
      channel,
      () => t,
      () => behaviour,
    );
    const next = node(await fresh(), channel, () => t);
    await first.digests.put(digest(id));
    // 'hang' and 'post-then-die' never finish: the process died.
    const firstTick = first.scheduler.tick();
    await first.started(id);
    const later = async () => {
      t = FIRE + 6 * MIN;
      await waitOutLease();
    };
    return { channel, next, firstTick, later };
  }

  it('an instance killed between claim and post: another posts it once, late, after the lease', async () => {
    const { channel, next, later } = await handOver('cccc3', 'hang');
    await next.scheduler.tick();
    assert.equal(channel.posts.length, 0, 'the claim holds while its lease runs');
    await later();
    await next.scheduler.tick();
    await next.scheduler.tick();
    assert.deepEqual(channel.posts, [
      { digest: 'cccc3', occurrence: '2026-03-29T17:00', late: true, ts: '1.000' },
    ]);
  });

  it('a holder whose lease ran out while it built the summary does not post over the one that took over', async () => {
    const { channel, next, firstTick, later } = await handOver('kkkk9', 'slow');
    await later();
    await next.scheduler.tick(); // takes over: nothing in the channel yet, so it posts
    await firstTick; // wakes up, finds its claim gone, posts nothing
    assert.equal(channel.posts.length, 1, channel.posts.map((p) => p.ts).join());
  });

  it('an instance that posted and died before recording: the next one finds the post and does not repeat it', async () => {
    const { channel, next, later } = await handOver('dddd4', 'post-then-die');
    await later();
    await next.scheduler.tick();
    assert.equal(channel.posts.length, 1, 'posted once, by the instance that died');
  });

  it('a channel that cannot be read after a crash is not posted to again until it can be', async () => {
    const { channel, next, later } = await handOver('llll1', 'post-then-die');
    await later();
    channel.unreadable = true;
    await next.scheduler.tick();
    assert.equal(channel.posts.length, 1, '"could not look" is not "not posted"');
    channel.unreadable = false;
    await next.scheduler.tick();
    assert.equal(channel.posts.length, 1, 'found, recorded, not posted again');
  });

  it('a fire that keeps failing is given up past the grace window, with a missed note', async () => {
    const channel = new Channel();
    let t = FIRE + 1_000;
    const n = node(
      await fresh(),
      channel,
      () => t,
      () => 'fail',
    );
    await n.digests.put(digest('mmmm2'));
    await n.scheduler.tick();
    assert.deepEqual(channel.notes, [], 'still inside the grace window: tried again later');
    // Past the grace window, inside its scan (grace + lease; the lease is short in these tests).
    t = FIRE + 15 * MIN + 300;
    await n.scheduler.tick();
    assert.deepEqual(channel.notes, [{ digest: 'mmmm2', count: 1 }]);
    t = FIRE + 15 * MIN + 600;
    await n.scheduler.tick();
    assert.equal(channel.notes.length, 1, 'noted once');
  });

  it('a restart keeps the digests; a fire missed within the grace window is posted once, late', async () => {
    const channel = new Channel();
    let t = FIRE - 10 * MIN;
    const first = node(await fresh(), channel, () => t);
    await first.digests.put(digest('eeee5'));
    await first.scheduler.tick(); // heartbeat at 16:50 Berlin
    await first.store.close();
    t = FIRE + 12 * MIN; // every instance was down at 17:00
    const again = node(await fresh(), channel, () => t);
    assert.deepEqual(
      (await again.digests.list()).map((d) => d.id),
      ['eeee5'],
      'still there',
    );
    assert.equal(await again.scheduler.catchUp(), 0, 'nothing older than the grace window');
    await again.scheduler.tick();
    await again.scheduler.tick();
    assert.deepEqual(
      channel.posts.map((p) => [p.occurrence, p.late]),
      [['2026-03-29T17:00', true]],
    );
  });

  it('fires missed beyond the grace window become one "missed" note, never a burst of old summaries', async () => {
    const channel = new Channel();
    let t = FIRE - 10 * MIN;
    const first = node(await fresh(), channel, () => t);
    await first.digests.put(digest('ffff6'));
    await first.scheduler.tick();
    t = FIRE + 3 * 24 * 60 * MIN + 60 * MIN; // three days later, an hour after that day's fire
    const again = node(await fresh(), channel, () => t);
    assert.equal(await again.scheduler.catchUp(), 4, 'the 29th, 30th, 31st and 1st');
    await again.scheduler.tick();
    assert.deepEqual(channel.notes, [{ digest: 'ffff6', count: 4 }]);
    assert.equal(channel.posts.length, 0);
    // A second instance starting now does not note them again.
    const third = node(await fresh(), channel, () => t);
    assert.equal(await third.scheduler.catchUp(), 0);
  });

  it('a paused digest does not post; an edit or removal on one instance counts on the next tick of another', async () => {
    const channel = new Channel();
    const now = () => FIRE + 1_000;
    const a = node(await fresh(), channel, now);
    const b = node(await fresh(), channel, now);
    await a.digests.put(digest('gggg7', { paused: true, pausedReason: 'user' }));
    await a.digests.put(digest('hhhh8'));
    await a.digests.remove('hhhh8');
    await b.scheduler.tick();
    assert.equal(channel.posts.length, 0);
    await a.digests.put(digest('gggg7'));
    await b.scheduler.tick();
    assert.equal(channel.posts.length, 1);
  });

  it('a channel slow to take its post does not hold up the other channels of the tick', async () => {
    const store = await fresh();
    const channel = new Channel();
    const digests = new DigestStore(
      store.repository('digests', DIGEST_CODEC),
      store.repository('digest-index', DIGEST_INDEX_CODEC),
      store,
    );
    const ledger = new Ledger(
      store,
      store.repository('deliveries', DELIVERY_CODEC),
      store.repository('attempts', ATTEMPT_CODEC),
    );
    await digests.put(digest('slow0', { channelId: 'CSLOW' }));
    for (let i = 0; i < 20; i++)
      await digests.put(digest(`fast${String(i).padStart(2, '0')}`, { channelId: `C${i}` }));
    let othersBeforeSlow = -1;
    const scheduler = new Scheduler({
      digests,
      ledger,
      runner: {
        findPosted: () => Promise.resolve(undefined),
        deliver: async (d, o) => {
          if (d.channelId === 'CSLOW') {
            // Slack keeps this channel waiting (429s, pacing) until every other channel is done;
            // in fixed batches its batch, and so every later one, would wait on it.
            for (let t = 0; t < 300 && channel.posts.length < 20; t++)
              await new Promise((r) => setTimeout(r, 10));
            othersBeforeSlow = channel.posts.length;
          }
          return { kind: 'posted', ts: channel.post(o, false) };
        },
      },
      missedNote: () => Promise.resolve(),
      heartbeat: store.repository('scheduler', HEARTBEAT_CODEC),
      now: () => FIRE + 1_000,
      log,
      concurrency: 4,
    });
    const r = await scheduler.tick();
    assert.equal(r.posted.length, 21);
    assert.equal(othersBeforeSlow, 20, 'all 20 other channels were posted while the slow one waited');
  });

  it('many instances adding digests at once lose none from the index', async () => {
    const nodes = await Promise.all(
      [1, 2, 3].map(async () => node(await fresh(), new Channel(), () => FIRE)),
    );
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        nodes[i % 3]!.digests.put(digest(`idx${String(i).padStart(3, '0')}`)),
      ),
    );
    assert.equal((await nodes[0]!.digests.list()).length, 30);
  });
}

/** Claims last this long in these tests (real time: the store measures leases by its clock). */
const LEASE_MS = 1_000;
const waitOutLease = () => new Promise((r) => setTimeout(r, LEASE_MS + 100));

describe('digest scheduler on SQLite', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qp-sched-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  let run = 0;
  beforeEach(() => {
    run += 1;
  });
  schedulesExactlyOnce(() => openStore({ dataDir: dir, namespace: `sched-${run}`, logger: log }));
});

describe(`digest scheduler on Redis ${REDIS_URL ? '' : '— skipped: set TEST_REDIS_URL'}`, function () {
  const prefix = `qp-sched-${randomBytes(4).toString('hex')}`;
  let run = 0;
  before(function () {
    if (!REDIS_URL) this.skip();
  });
  beforeEach(() => {
    run += 1;
  });
  after(async () => {
    if (!REDIS_URL) return;
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
      if (keys.length) await client.del(keys);
    client.destroy();
  });
  schedulesExactlyOnce(() =>
    openStore({ redisUrl: REDIS_URL, dataDir: '/nonexistent', namespace: `${prefix}-${run}`, logger: log }),
  );
});
