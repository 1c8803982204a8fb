import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { LivePersonTimeoutError } from '../../src/liveperson/client/errors';
import { Deadline, DeadlineExceededError } from '../../src/shared/deadline';
import type {
  AccountConfigResult,
  AccountConfigSource,
  ConfigKind,
} from '../../src/liveperson/contract/account-config';
import {
  createDirectory,
  parseAgentGroups,
  parseSkills,
  type DirectoryLogger,
} from '../../src/liveperson/directory';

const MIN = 60_000;

const RAW_SKILLS: unknown[] = [
  { id: 1001, name: 'Billing', deleted: false },
  { id: '1002', name: 'Sales' },
  { id: 1003, name: 'Tech Support - Hardware' },
  { id: 1004, name: 'Tech Support - Software' },
  { id: 1008, name: 'Billing Disputes' },
  { id: 1099, name: 'Legacy Billing', deleted: true },
];

const RAW_GROUPS: unknown[] = [
  // As LivePerson lists them: the Main Group is -1, the root; its children name -1 as parent.
  { id: -1, name: 'Main Group' },
  { id: 502, name: 'Tier 1', parentGroupId: -1 },
  { id: '503', name: 'Tier 2', parentGroupId: '-1' },
  { id: 504, name: 'Tier 1 Night', parentGroupId: 502 },
  { id: 505, name: 'Billing Team', parentGroupId: 502 },
  { id: 506, name: 'VIP Desk', parentGroupId: 503 },
  { id: 507, name: 'Bots', parentGroupId: -1 },
  { id: 599, name: 'Old Team', parentGroupId: -1, deleted: true },
];

type Stub = sinon.SinonStub<[ConfigKind, string?], Promise<AccountConfigResult>>;

/** A fake Account Configuration source answering the given lists under revision "r1". */
function fakeSource(lists: Partial<Record<ConfigKind, unknown[]>> = {}): {
  source: AccountConfigSource;
  stub: Stub;
} {
  const stub: Stub = sinon.stub<[ConfigKind, string?], Promise<AccountConfigResult>>();
  stub.callsFake((kind) =>
    Promise.resolve({
      notModified: false,
      revision: 'r1',
      items: lists[kind] ?? (kind === 'skills' ? RAW_SKILLS : RAW_GROUPS),
    }),
  );
  return { source: { accountConfig: stub }, stub };
}

function silentLogger(): DirectoryLogger & { warn: sinon.SinonSpy } {
  return { warn: sinon.spy() };
}

const callsFor = (stub: Stub, kind: ConfigKind) => stub.getCalls().filter((c) => c.args[0] === kind);

interface PendingRequest {
  kind: ConfigKind;
  deadline: Deadline | undefined;
  resolve: (result: AccountConfigResult) => void;
  reject: (error: Error) => void;
}

/**
 * A source whose answers the test gives by hand and which, as the client does, fails a request
 * when the deadline it was sent with passes ("timed out after N ms", N its budget).
 */
function manualSource(): { source: AccountConfigSource; requests: PendingRequest[] } {
  const requests: PendingRequest[] = [];
  const source: AccountConfigSource = {
    accountConfig: (kind, _ifMatch, opts) =>
      new Promise((resolve, reject) => {
        const deadline = opts?.deadline;
        if (deadline) {
          setTimeout(
            // As the client does when the answer's deadline passes.
            () => reject(new LivePersonTimeoutError(`timed out after ${deadline.budgetMs} ms`)),
            deadline.remaining(),
          );
        }
        requests.push({ kind, deadline, resolve, reject });
      }),
  };
  return { source, requests };
}

type Tracked<T> =
  { state: 'pending' } | { state: 'fulfilled'; value: T } | { state: 'rejected'; error: unknown };

/** Records how `promise` settles; the returned function tells, so a test can look between ticks. */
function track<T>(promise: Promise<T>): () => Tracked<T> {
  let now: Tracked<T> = { state: 'pending' };
  promise.then(
    (value) => (now = { state: 'fulfilled', value }),
    (error: unknown) => (now = { state: 'rejected', error }),
  );
  return () => now;
}

/** The value `promise` was fulfilled with; fails the test if it is not (yet). */
function valueOf<T>(t: Tracked<T>): T {
  if (t.state !== 'fulfilled') assert.fail(`expected fulfilled, got ${t.state}: ${String(errorOf(t))}`);
  return t.value;
}

const errorOf = (t: Tracked<unknown>): unknown => (t.state === 'rejected' ? t.error : undefined);

describe('parseSkills / parseAgentGroups', () => {
  it('stringifies numeric ids, ignores deleted items and sorts by name', () => {
    assert.deepEqual(parseSkills(RAW_SKILLS), [
      { id: '1001', name: 'Billing' },
      { id: '1008', name: 'Billing Disputes' },
      { id: '1002', name: 'Sales' },
      { id: '1003', name: 'Tech Support - Hardware' },
      { id: '1004', name: 'Tech Support - Software' },
    ]);
  });

  it('skips items without a usable id or name and keeps the first of duplicate ids', () => {
    const parsed = parseSkills([
      null,
      'Billing',
      { id: 1, name: '' },
      { id: 2 },
      { name: 'No id' },
      { id: Number.NaN, name: 'NaN id' },
      { id: { x: 1 }, name: 'Object id' },
      { id: ' 3 ', name: '  Padded  ' },
      { id: 4, name: 'First', deleted: 'true' },
      { id: 5, name: 'Kept' },
      { id: '5', name: 'Duplicate' },
    ]);
    assert.deepEqual(parsed, [
      { id: '5', name: 'Kept' },
      { id: '3', name: 'Padded' },
    ]);
  });

  it('sorts numbered names numerically', () => {
    const parsed = parseSkills([
      { id: 3, name: 'Campaign 10' },
      { id: 2, name: 'Campaign 9' },
      { id: 1, name: 'campaign 1' },
    ]);
    assert.deepEqual(
      parsed.map((s) => s.name),
      ['campaign 1', 'Campaign 9', 'Campaign 10'],
    );
  });

  it('reads parentGroupId as number, string, null or absent; -1 is the Main Group, a parent', () => {
    const parsed = parseAgentGroups([
      { id: 1, name: 'A', parentGroupId: -1 },
      { id: 2, name: 'B', parentGroupId: '-1' },
      { id: 3, name: 'C', parentGroupId: null },
      { id: 4, name: 'D' },
      { id: 5, name: 'E', parentGroupId: 1 },
      { id: 6, name: 'F', parentGroupId: '2' },
      { id: 7, name: 'G', parentGroupId: 7 },
      { id: 8, name: 'H', parentGroupId: true },
    ]);
    assert.deepEqual(
      parsed.map((g) => [g.id, g.parentId]),
      [
        ['1', '-1'],
        ['2', '-1'],
        ['3', null],
        ['4', null],
        ['5', '1'],
        ['6', '2'],
        ['7', null],
        ['8', null],
      ],
    );
  });
});

describe('createDirectory', () => {
  afterEach(() => sinon.restore());

  it('lists live skills and groups, and names ids', async () => {
    const { source } = fakeSource();
    const dir = createDirectory({ source, logger: silentLogger() });
    assert.deepEqual(
      (await dir.skills()).map((s) => s.name),
      ['Billing', 'Billing Disputes', 'Sales', 'Tech Support - Hardware', 'Tech Support - Software'],
    );
    assert.equal((await dir.agentGroups()).length, 7);
    assert.equal(await dir.skillName('1001'), 'Billing');
    assert.equal(await dir.skillName('1099'), undefined);
    assert.equal(await dir.groupName('505'), 'Billing Team');
    assert.equal(await dir.groupName('599'), undefined);
    assert.equal(await dir.groupName('nope'), undefined);
  });

  it('hands out copies so callers cannot corrupt the cache', async () => {
    const { source } = fakeSource();
    const dir = createDirectory({ source, logger: silentLogger() });
    (await dir.skills()).length = 0;
    assert.equal((await dir.skills()).length, 5);
  });

  it('finds skills and groups by name', async () => {
    const { source } = fakeSource();
    const dir = createDirectory({ source, logger: silentLogger() });
    const billing = await dir.findSkill('billing');
    assert.deepEqual(billing, { kind: 'found', item: { id: '1001', name: 'Billing' }, how: 'exact' });
    const typo = await dir.findSkill('biling');
    assert.equal(typo.kind === 'not-found' && typo.suggestions[0]?.id, '1001');
    const legacy = await dir.findSkill('legacy billing');
    assert.equal(legacy.kind, 'not-found');
    const tech = await dir.findSkill('tech support');
    assert.equal(tech.kind, 'ambiguous');
    const tier = await dir.findGroup('tier 1');
    assert.deepEqual(tier, {
      kind: 'found',
      item: { id: '502', name: 'Tier 1', parentId: '-1' },
      how: 'exact',
    });
  });

  it("passes the answer's deadline to the lists it has to fetch", async () => {
    const { source, stub } = fakeSource();
    const dir = createDirectory({ source, logger: silentLogger() });
    const deadline = Deadline.after(5_000);
    await dir.findSkill('billing', { deadline });
    await dir.subGroupIds('502', { deadline });
    assert.deepEqual(
      stub.getCalls().map((c) => [c.args[0], (c.args as unknown[])[2]]),
      [
        ['skills', { deadline }],
        ['agentGroups', { deadline }],
      ],
    );
  });

  it('fetches each kind only when it is asked for', async () => {
    const { source, stub } = fakeSource();
    const dir = createDirectory({ source, logger: silentLogger() });
    await dir.skills();
    assert.deepEqual(
      stub.getCalls().map((c) => c.args.slice(0, 2)),
      [['skills', undefined]],
    );
  });

  it('walks the group tree: children by name, all descendants', async () => {
    const { source } = fakeSource();
    const dir = createDirectory({ source, logger: silentLogger() });
    assert.deepEqual(
      (await dir.childGroups('-1')).map((g) => g.name),
      ['Bots', 'Tier 1', 'Tier 2'],
    );
    assert.deepEqual(await dir.subGroupIds('-1'), ['507', '502', '503', '505', '504', '506']);
    assert.deepEqual(await dir.subGroupIds('502'), ['505', '504']);
    assert.deepEqual(await dir.subGroupIds('504'), []);
    assert.deepEqual(await dir.subGroupIds('unknown'), []);
    assert.deepEqual(await dir.childGroups('599'), []);
  });

  it('survives a cycle in the group tree', async () => {
    const { source } = fakeSource({
      agentGroups: [
        { id: 1, name: 'A', parentGroupId: 3 },
        { id: 2, name: 'B', parentGroupId: 1 },
        { id: 3, name: 'C', parentGroupId: 2 },
        { id: 4, name: 'D', parentGroupId: 3 },
      ],
    });
    const dir = createDirectory({ source, logger: silentLogger() });
    assert.deepEqual(await dir.subGroupIds('1'), ['2', '3', '4']);
    assert.deepEqual(await dir.subGroupIds('3'), ['1', '4', '2']);
    assert.deepEqual(
      (await dir.childGroups('3')).map((g) => g.id),
      ['1', '4'],
    );
  });

  describe('caching', () => {
    it('serves the cached list within the TTL, then revalidates with If-Match', async () => {
      let now = 1_000_000;
      const { source, stub } = fakeSource();
      const dir = createDirectory({ source, ttlMs: 10 * MIN, now: () => now, logger: silentLogger() });
      await dir.skills();
      now += 10 * MIN - 1;
      await dir.findSkill('billing');
      await dir.skillName('1001');
      assert.equal(stub.callCount, 1);

      stub.resolves({ notModified: true });
      now += 1;
      assert.equal((await dir.skills()).length, 5, '304 keeps the cached list');
      assert.equal(stub.callCount, 2);
      assert.deepEqual(stub.lastCall.args.slice(0, 2), ['skills', 'r1']);

      // The 304 restarted the TTL.
      now += 10 * MIN - 1;
      await dir.skills();
      assert.equal(stub.callCount, 2);
    });

    it('defaults to a ten-minute TTL on the real clock', async () => {
      const clock = sinon.useFakeTimers({ now: 1_000_000 });
      const { source, stub } = fakeSource();
      const dir = createDirectory({ source, logger: silentLogger() });
      await dir.skills();
      clock.tick(10 * MIN - 1);
      await dir.skills();
      assert.equal(stub.callCount, 1);
      clock.tick(1);
      await dir.skills();
      assert.equal(stub.callCount, 2);
    });

    it('replaces the list and remembers the new revision on a 200', async () => {
      let now = 0;
      const { source, stub } = fakeSource();
      const dir = createDirectory({ source, ttlMs: MIN, now: () => now, logger: silentLogger() });
      await dir.skills();
      stub.resolves({ notModified: false, revision: 'r2', items: [{ id: 1, name: 'Renamed' }] });
      now += MIN;
      assert.deepEqual(await dir.skills(), [{ id: '1', name: 'Renamed' }]);
      assert.equal(await dir.skillName('1001'), undefined);
      assert.equal(await dir.skillName('1'), 'Renamed');
      stub.resolves({ notModified: true });
      now += MIN;
      await dir.skills();
      assert.deepEqual(stub.lastCall.args.slice(0, 2), ['skills', 'r2']);
    });

    it('sends no If-Match when the server gave no revision', async () => {
      let now = 0;
      const { source, stub } = fakeSource();
      stub.resolves({ notModified: false, revision: undefined, items: RAW_SKILLS });
      const dir = createDirectory({ source, ttlMs: MIN, now: () => now, logger: silentLogger() });
      await dir.skills();
      now += MIN;
      await dir.skills();
      assert.deepEqual(
        stub.getCalls().map((c) => c.args.slice(0, 2)),
        [
          ['skills', undefined],
          ['skills', undefined],
        ],
      );
    });

    it('keeps skills and groups on separate revisions', async () => {
      let now = 0;
      const { source, stub } = fakeSource();
      stub.callsFake((kind) =>
        Promise.resolve(
          kind === 'skills'
            ? { notModified: false, revision: 'skills-1', items: RAW_SKILLS }
            : { notModified: false, revision: 'groups-7', items: RAW_GROUPS },
        ),
      );
      const dir = createDirectory({ source, ttlMs: MIN, now: () => now, logger: silentLogger() });
      await dir.skills();
      await dir.agentGroups();
      now += MIN;
      await dir.skills();
      await dir.agentGroups();
      assert.deepEqual(callsFor(stub, 'skills')[1]?.args.slice(0, 2), ['skills', 'skills-1']);
      assert.deepEqual(callsFor(stub, 'agentGroups')[1]?.args.slice(0, 2), ['agentGroups', 'groups-7']);
    });

    it('refresh() revalidates both lists inside the TTL', async () => {
      const { source, stub } = fakeSource();
      const dir = createDirectory({ source, now: () => 0, logger: silentLogger() });
      await dir.skills();
      await dir.agentGroups();
      stub.resolves({ notModified: true });
      await dir.refresh();
      assert.equal(stub.callCount, 4);
      assert.deepEqual(
        stub
          .getCalls()
          .slice(2)
          .map((c) => c.args.slice(0, 2))
          .sort(),
        [
          ['agentGroups', 'r1'],
          ['skills', 'r1'],
        ],
      );
      assert.equal((await dir.skills()).length, 5);
    });

    it('shares one fetch among 20 concurrent callers', async () => {
      const { source, stub } = fakeSource();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      stub.callsFake(async (kind) => {
        await gate;
        return { notModified: false, revision: 'r1', items: kind === 'skills' ? RAW_SKILLS : RAW_GROUPS };
      });
      const dir = createDirectory({ source, logger: silentLogger() });
      const calls = Array.from({ length: 20 }, (_, i) =>
        i % 2 ? dir.findSkill('billing') : dir.skillName('1002'),
      );
      release();
      const results = await Promise.all(calls);
      assert.equal(callsFor(stub, 'skills').length, 1);
      assert.equal(results[0], 'Sales');
      assert.equal((results[1] as { kind: string }).kind, 'found');
    });

    it('shares one revalidation among concurrent callers after the TTL', async () => {
      let now = 0;
      const { source, stub } = fakeSource();
      const dir = createDirectory({ source, ttlMs: MIN, now: () => now, logger: silentLogger() });
      await dir.agentGroups();
      now += MIN;
      stub.resolves({ notModified: true });
      await Promise.all(Array.from({ length: 20 }, () => dir.subGroupIds('-1')));
      assert.equal(stub.callCount, 2);
    });

    it('serves the stale list when revalidation fails, warns, and retries later', async () => {
      let now = 0;
      const logger = silentLogger();
      const { source, stub } = fakeSource();
      const dir = createDirectory({ source, ttlMs: 10 * MIN, errorRetryMs: MIN, now: () => now, logger });
      await dir.skills();
      stub.rejects(new Error('503 Service Unavailable'));
      now += 10 * MIN;
      assert.equal(await dir.skillName('1001'), 'Billing');
      assert.equal(stub.callCount, 2);
      assert.equal(logger.warn.callCount, 1);
      assert.match(String(logger.warn.firstCall.args[0]), /skills/);
      assert.equal(logger.warn.firstCall.args[1], '503 Service Unavailable');

      // Within the retry pause the stale list is served without another failing call.
      now += MIN - 1;
      await dir.skills();
      assert.equal(stub.callCount, 2);

      // Then it tries again, still with the old revision, and recovers.
      stub.resolves({ notModified: true });
      now += 1;
      await dir.skills();
      assert.equal(stub.callCount, 3);
      assert.deepEqual(stub.lastCall.args.slice(0, 2), ['skills', 'r1']);
      now += 10 * MIN - 1;
      await dir.skills();
      assert.equal(stub.callCount, 3, 'the 304 restarted a full TTL');
    });

    it('propagates the error when there is no cached list, and tries again next call', async () => {
      const { source, stub } = fakeSource();
      stub.onFirstCall().rejects(new Error('boom'));
      const logger = silentLogger();
      const dir = createDirectory({ source, now: () => 0, logger });
      await assert.rejects(dir.findSkill('billing'), /boom/);
      assert.equal(logger.warn.callCount, 0);
      assert.equal((await dir.skills()).length, 5);
      assert.equal(stub.callCount, 2);
    });

    it('rejects every concurrent caller of a failed first fetch, with one call', async () => {
      const { source, stub } = fakeSource();
      stub.rejects(new Error('down'));
      const dir = createDirectory({ source, logger: silentLogger() });
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => dir.skills()));
      assert.ok(results.every((r) => r.status === 'rejected'));
      assert.equal(stub.callCount, 1);
    });

    it('treats a 304 with nothing cached as an error', async () => {
      const { source, stub } = fakeSource();
      stub.resolves({ notModified: true });
      const dir = createDirectory({ source, logger: silentLogger() });
      await assert.rejects(dir.skills(), /304/);
    });

    it('tolerates a source that returns a non-array items field', async () => {
      const { source, stub } = fakeSource();
      stub.resolves({ notModified: false, revision: 'r1', items: null as unknown as unknown[] });
      const dir = createDirectory({ source, logger: silentLogger() });
      assert.deepEqual(await dir.skills(), []);
    });
  });

  describe('callers that join a load in flight keep their own deadline', () => {
    let clock: sinon.SinonFakeTimers;
    const after = (ms: number) => Deadline.after(ms, () => clock.now);
    const names = (t: Tracked<{ name: string }[]>) => valueOf(t).map((s) => s.name);
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: 0 });
    });

    /** A directory whose skills list was loaded (revision r1) and whose TTL has just run out. */
    async function withStaleList() {
      const { source, requests } = manualSource();
      const logger = silentLogger();
      const dir = createDirectory({ source, ttlMs: MIN, now: () => clock.now, logger });
      const first = dir.skills();
      requests[0]!.resolve({ notModified: false, revision: 'r1', items: RAW_SKILLS });
      await first;
      await clock.tickAsync(MIN);
      return { dir, requests, logger };
    }

    it('a joiner with a shorter deadline gets the stale list at its deadline; the load goes on', async () => {
      const { dir, requests, logger } = await withStaleList();
      const starter = track(dir.skills({ deadline: after(5_000) }));
      const joiner = track(dir.skillName('1001', { deadline: after(100) }));
      await clock.tickAsync(99);
      assert.equal(joiner().state, 'pending', 'it waits for the load while it has time');
      await clock.tickAsync(1);
      assert.deepEqual(joiner(), { state: 'fulfilled', value: 'Billing' });
      assert.equal(starter().state, 'pending', 'the load is not cut short');

      requests[1]!.resolve({ notModified: false, revision: 'r2', items: [{ id: 1001, name: 'Billing 2' }] });
      await clock.tickAsync(0);
      assert.deepEqual(names(starter()), ['Billing 2']);
      assert.equal(await dir.skillName('1001'), 'Billing 2', 'the load still refreshed the cache');
      assert.equal(requests.length, 2);
      assert.equal(logger.warn.callCount, 0, 'serving the stale list to a hurried joiner is not news');
    });

    it('a joiner with a shorter deadline and no list in hand fails at its deadline', async () => {
      const { source, requests } = manualSource();
      const dir = createDirectory({ source, now: () => clock.now, logger: silentLogger() });
      const starter = track(dir.skills({ deadline: after(5_000) }));
      const joiner = track(dir.findSkill('billing', { deadline: after(100) }));
      await clock.tickAsync(99);
      assert.equal(joiner().state, 'pending');
      await clock.tickAsync(1);
      assert.ok(errorOf(joiner()) instanceof DeadlineExceededError, JSON.stringify(joiner()));
      assert.equal(starter().state, 'pending');

      requests[0]!.resolve({ notModified: false, revision: 'r1', items: RAW_SKILLS });
      await clock.tickAsync(0);
      assert.equal(names(starter()).length, 5);
      assert.equal(requests.length, 1);
    });

    it("joiners with more time are not failed by the starter's deadline: they share one retry", async () => {
      const { source, requests } = manualSource();
      const dir = createDirectory({ source, now: () => clock.now, logger: silentLogger() });
      const short = after(100);
      const starter = track(dir.skills({ deadline: short }));
      const longer = after(5_000);
      const joiner = track(dir.skillName('1002', { deadline: longer }));
      const unbounded = track(dir.findSkill('billing'));
      await clock.tickAsync(100);
      assert.match(String(errorOf(starter())), /timed out after 100 ms/);
      assert.equal(requests.length, 2, 'one retry for both joiners');
      assert.notEqual(requests[1]!.deadline, short, "the retry runs under a joiner's deadline");
      assert.ok([longer, undefined].includes(requests[1]!.deadline));
      assert.equal(joiner().state, 'pending');
      assert.equal(unbounded().state, 'pending');

      requests[1]!.resolve({ notModified: false, revision: 'r1', items: RAW_SKILLS });
      await clock.tickAsync(0);
      assert.deepEqual(joiner(), { state: 'fulfilled', value: 'Sales' });
      assert.equal(valueOf(unbounded()).kind, 'found');
      assert.equal(requests.length, 2);
    });

    it('a retry that runs out of time too is retried by a joiner with still more time', async () => {
      const { source, requests } = manualSource();
      const dir = createDirectory({ source, now: () => clock.now, logger: silentLogger() });
      const starter = track(dir.skills({ deadline: after(100) }));
      const second = track(dir.skills({ deadline: after(300) }));
      const third = track(dir.skills({ deadline: after(5_000) }));
      await clock.tickAsync(100);
      assert.equal(starter().state, 'rejected');
      assert.equal(requests.length, 2);
      await clock.tickAsync(200);
      assert.match(String(errorOf(second())), /timed out after 300 ms/);
      assert.equal(requests.length, 3, 'the 5 s caller asks under its own deadline');
      assert.equal(third().state, 'pending');
      requests[2]!.resolve({ notModified: false, revision: 'r1', items: RAW_SKILLS });
      await clock.tickAsync(0);
      assert.equal(third().state, 'fulfilled');
    });

    it('a failure that is not about time is not retried, whatever time the joiner has', async () => {
      const { source, requests } = manualSource();
      const dir = createDirectory({ source, now: () => clock.now, logger: silentLogger() });
      const starter = track(dir.skills({ deadline: after(1_000) }));
      const joiner = track(dir.skills({ deadline: after(5_000) }));
      requests[0]!.reject(new Error('401 Unauthorized'));
      await clock.tickAsync(0);
      assert.match(String(errorOf(starter())), /401/);
      assert.match(String(errorOf(joiner())), /401/);
      assert.equal(requests.length, 1);
    });

    it('does not retry a failure the joiner had no more time for', async () => {
      const { source, requests } = manualSource();
      const dir = createDirectory({ source, now: () => clock.now, logger: silentLogger() });
      const starter = track(dir.skills({ deadline: after(5_000) }));
      const joiner = track(dir.skills({ deadline: after(1_000) }));
      requests[0]!.reject(new Error('503 Service Unavailable'));
      await clock.tickAsync(0);
      assert.match(String(errorOf(starter())), /503/);
      assert.match(String(errorOf(joiner())), /503/);
      assert.equal(requests.length, 1);
    });

    it('concurrent callers with different deadlines still cost one request per list', async () => {
      const { source, requests } = manualSource();
      const dir = createDirectory({ source, now: () => clock.now, logger: silentLogger() });
      const calls = Array.from({ length: 10 }, (_, i) =>
        track<unknown>(i % 2 ? dir.skillName('1002', { deadline: after(100 * (i + 1)) }) : dir.skills()),
      );
      const groups = [
        track(dir.agentGroups({ deadline: after(2_000) })),
        track(dir.subGroupIds('-1', { deadline: after(50) })),
      ];
      await clock.tickAsync(40);
      for (const r of requests) {
        r.resolve({
          notModified: false,
          revision: 'r1',
          items: r.kind === 'skills' ? RAW_SKILLS : RAW_GROUPS,
        });
      }
      await clock.tickAsync(0);
      assert.ok(
        [...calls, ...groups].every((c) => c().state === 'fulfilled'),
        JSON.stringify([...calls, ...groups].map((c) => c())),
      );
      assert.deepEqual(
        requests.map((r) => r.kind),
        ['skills', 'agentGroups'],
      );
    });
  });
});
