import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { createLogger } from '../../src/shared/logger';
import { createTimezoneLookup, type TimezoneOptions } from '../../src/slack/timezones';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const answer = (tz: unknown) => ({ ok: true, user: { id: 'U', tz } });

describe('createTimezoneLookup', () => {
  let lines: string[];
  let info: sinon.SinonStub;
  let clock: sinon.SinonFakeTimers | undefined;

  beforeEach(() => {
    lines = [];
    info = sinon.stub();
    clock = undefined;
  });
  afterEach(() => {
    clock?.restore();
    sinon.restore();
  });

  function lookup(extra: Partial<TimezoneOptions> = {}) {
    const log = createLogger({ level: 'debug', destination: { write: (l: string) => void lines.push(l) } });
    return createTimezoneLookup({
      fallback: 'America/Chicago',
      client: { users: { info } } as unknown as TimezoneOptions['client'],
      log,
      ...extra,
    });
  }

  it("returns the user's IANA timezone from users.info, asking about that user", async () => {
    info.resolves(answer('Europe/Paris'));
    const tz = lookup();
    assert.equal(tz.fallback, 'America/Chicago');
    assert.equal(await tz.of('U0123ABC'), 'Europe/Paris');
    sinon.assert.calledOnceWithExactly(info, { user: 'U0123ABC' });
  });

  it('caches per user: a second lookup does not ask Slack, another user does', async () => {
    info.withArgs({ user: 'U1' }).resolves(answer('Europe/Paris'));
    info.withArgs({ user: 'U2' }).resolves(answer('Asia/Tokyo'));
    const tz = lookup();
    assert.equal(await tz.of('U1'), 'Europe/Paris');
    assert.equal(await tz.of('U1'), 'Europe/Paris');
    assert.equal(info.callCount, 1);
    assert.equal(await tz.of('U2'), 'Asia/Tokyo');
    assert.equal(info.callCount, 2);
  });

  // Real timers: lru-cache keeps its own reference to `performance`, which fake timers do not reach.
  it('asks again once ttlMs has passed (a tiny ttl, real timers)', async () => {
    info.onFirstCall().resolves(answer('Europe/Paris'));
    info.onSecondCall().resolves(answer('Europe/Berlin'));
    const tz = lookup({ ttlMs: 50 });
    assert.equal(await tz.of('U1'), 'Europe/Paris');
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(await tz.of('U1'), 'Europe/Berlin');
    assert.equal(info.callCount, 2);
  });

  it('concurrent lookups for the same user share one users.info call', async () => {
    const slow = deferred<unknown>();
    info.returns(slow.promise);
    const tz = lookup();
    const all = Promise.all([tz.of('U1'), tz.of('U1'), tz.of('U1')]);
    slow.resolve(answer('Australia/Sydney'));
    assert.deepEqual(await all, ['Australia/Sydney', 'Australia/Sydney', 'Australia/Sydney']);
    assert.equal(info.callCount, 1);
  });

  for (const [what, tzValue] of [
    ['an invalid tz', 'Mars/Olympus_Mons'],
    ['an empty tz', ''],
    ['a user without tz', undefined],
    ['a non-string tz', 3600],
  ] as const) {
    it(`${what} → the fallback, not cached (the next lookup asks again)`, async () => {
      info.onFirstCall().resolves(answer(tzValue));
      info.onSecondCall().resolves(answer('Europe/Paris'));
      const tz = lookup();
      assert.equal(await tz.of('U1'), 'America/Chicago');
      assert.equal(await tz.of('U1'), 'Europe/Paris');
      assert.equal(info.callCount, 2);
    });
  }

  it('a response without a user at all → the fallback', async () => {
    info.resolves({ ok: true });
    assert.equal(await lookup().of('U1'), 'America/Chicago');
  });

  it('a rejected users.info (missing users:read) → the fallback, logged at debug, not cached', async () => {
    const err = Object.assign(new Error('An API error occurred: missing_scope'), {
      data: { error: 'missing_scope' },
    });
    info.onFirstCall().rejects(err);
    info.onSecondCall().resolves(answer('Europe/Paris'));
    const tz = lookup();
    assert.equal(await tz.of('U1'), 'America/Chicago');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(
      logged.some((l) => l.level === 'debug' && String(l.error).includes('missing_scope')),
      `a debug line names the error: ${lines.join('')}`,
    );
    assert.equal(await tz.of('U1'), 'Europe/Paris');
    assert.equal(info.callCount, 2);
  });

  it('a users.info slower than timeoutMs → the fallback once the timeout passes; the late answer fills the cache', async () => {
    clock = sinon.useFakeTimers({ shouldClearNativeTimers: true });
    const slow = deferred<unknown>();
    info.returns(slow.promise);
    const tz = lookup({ timeoutMs: 2_000 });
    let settled: string | undefined;
    const first = tz.of('U1').then((z) => (settled = z));
    await clock.tickAsync(1_999);
    assert.equal(settled, undefined, 'still waiting before the timeout');
    await clock.tickAsync(1);
    await first;
    assert.equal(settled, 'America/Chicago');
    slow.resolve(answer('Pacific/Auckland'));
    await clock.tickAsync(0);
    assert.equal(await tz.of('U1'), 'Pacific/Auckland', 'the late answer was cached');
    assert.equal(info.callCount, 1);
  });

  it('a lookup during a slow call joins it instead of asking again', async () => {
    clock = sinon.useFakeTimers({ shouldClearNativeTimers: true });
    const slow = deferred<unknown>();
    info.returns(slow.promise);
    const tz = lookup({ timeoutMs: 1_000 });
    const first = tz.of('U1');
    await clock.tickAsync(1_000);
    assert.equal(await first, 'America/Chicago');
    const second = tz.of('U1');
    slow.resolve(answer('Europe/Lisbon'));
    await clock.tickAsync(0);
    assert.equal(await second, 'Europe/Lisbon');
    assert.equal(info.callCount, 1);
  });

  it('maxUsers bounds the cache: the least recently used user is evicted', async () => {
    info.callsFake(({ user }: { user: string }) =>
      Promise.resolve(answer({ U1: 'Europe/Paris', U2: 'Asia/Tokyo', U3: 'Africa/Cairo' }[user])),
    );
    const tz = lookup({ maxUsers: 2 });
    await tz.of('U1');
    await tz.of('U2');
    await tz.of('U1'); // U1 is now the most recently used; U2 the oldest
    assert.equal(info.callCount, 2);
    await tz.of('U3'); // evicts U2
    assert.equal(info.callCount, 3);
    assert.equal(await tz.of('U1'), 'Europe/Paris');
    assert.equal(info.callCount, 3, 'U1 stayed cached');
    assert.equal(await tz.of('U2'), 'Asia/Tokyo');
    assert.equal(info.callCount, 4, 'U2 was evicted and asked again');
    sinon.assert.calledWith(info.lastCall, { user: 'U2' });
  });
});
