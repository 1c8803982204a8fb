/**
 * node-cron as the trigger, under fake timers: started, the scheduler ticks at each minute and a
 * digest fires in its zone when the clock reaches its local time — not a minute early, once.
 */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Digest } from '../../src/domain/digest';
import { createLogger } from '../../src/shared/logger';
import { DIGEST_CODEC, DIGEST_INDEX_CODEC, DigestStore } from '../../src/schedule/digest-store';
import { ATTEMPT_CODEC, DELIVERY_CODEC, Ledger } from '../../src/schedule/ledger';
import { HEARTBEAT_CODEC, Scheduler } from '../../src/schedule/scheduler';
import { memoryStore } from '../fixtures/memory-store';

describe('digest scheduler driven by node-cron', () => {
  let clock: sinon.SinonFakeTimers;
  afterEach(() => clock.restore());

  it('fires 17:00 Europe/Berlin on 2026-10-25 (the clocks went back that night) at 16:00 UTC, once', async () => {
    clock = sinon.useFakeTimers({ now: Date.parse('2026-10-25T15:58:30Z'), shouldClearNativeTimers: true });
    const store = memoryStore();
    const digests = new DigestStore(
      store.repository('digests', DIGEST_CODEC),
      store.repository('digest-index', DIGEST_INDEX_CODEC),
      store,
      () => Promise.resolve(),
    );
    const digest: Digest = {
      id: 'cron1',
      teamId: 'T1',
      channelId: 'C1',
      createdBy: 'U1',
      createdAt: 0,
      updatedAt: 0,
      schedule: { days: { kind: 'daily' }, hour: 17, minute: 0, zone: 'Europe/Berlin' },
      windowMs: 3_600_000,
      scope: { kind: 'account' },
      chart: false,
      paused: false,
    };
    await digests.put(digest);
    const posted: number[] = [];
    const scheduler = new Scheduler({
      digests,
      ledger: new Ledger(
        store,
        store.repository('deliveries', DELIVERY_CODEC),
        store.repository('attempts', ATTEMPT_CODEC),
      ),
      runner: {
        findPosted: () => Promise.resolve(undefined),
        deliver: () => {
          posted.push(Date.now());
          return Promise.resolve({ kind: 'posted', ts: '1.0' });
        },
      },
      missedNote: () => Promise.resolve(),
      heartbeat: store.repository('scheduler', HEARTBEAT_CODEC),
      now: () => Date.now(),
      log: createLogger({ level: 'error', destination: { write: () => true } }),
    });
    await scheduler.start();
    await clock.tickAsync(60_000); // 15:59:30
    assert.deepEqual(posted, [], 'not a minute early');
    await clock.tickAsync(5 * 60_000); // past 16:00 and four more ticks
    assert.equal(posted.length, 1);
    assert.ok(
      posted[0]! >= Date.parse('2026-10-25T16:00:00Z') && posted[0]! < Date.parse('2026-10-25T16:00:05Z'),
    );
    await scheduler.stop();
  });
});
