import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { createDirectory, type Directory, type DirectoryLogger } from '../../src/liveperson/directory';
import { createLivePersonClient, type LivePersonClient } from '../../src/liveperson/client/client';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';

const MIN = 60_000;

describe('directory over HTTP against the simulator', () => {
  let sim: Simulator;
  let client: LivePersonClient;
  let dir: Directory;
  let now: number;
  let logger: DirectoryLogger & { warn: sinon.SinonSpy };

  before(async () => {
    sim = await startSimulator({ oauth: DEFAULT_OAUTH });
  });
  after(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.clearFaults();
    sim.resetStats();
    now = 1_000_000;
    logger = { warn: sinon.spy() };
    client = createLivePersonClient({
      accountId: sim.accountId,
      csdsUrl: sim.url,
      oauth: DEFAULT_OAUTH,
      // Retries of injected 5xx faults do not wait; timeouts stay real.
      retry: { sleep: () => Promise.resolve() },
    });
    dir = createDirectory({ source: client, ttlMs: 10 * MIN, now: () => now, logger });
  });
  afterEach(() => client.close());

  it('lists the account without deleted entries, ids as strings', async () => {
    const skills = await dir.skills();
    assert.ok(skills.some((s) => s.id === '1001' && s.name === 'Billing'));
    assert.ok(!skills.some((s) => s.name === 'Legacy Billing' || s.id === '1099'));
    assert.equal(await dir.skillName('1099'), undefined);
    const groups = await dir.agentGroups();
    assert.ok(!groups.some((g) => g.id === '599'));
    assert.deepEqual(
      groups.find((g) => g.id === '-1'),
      { id: '-1', name: 'Main Group', parentId: null },
    );
  });

  it('suggests Billing for "biling" and does not pick it', async () => {
    const m = await dir.findSkill('biling');
    assert.equal(m.kind, 'not-found');
    assert.equal(m.kind === 'not-found' && m.suggestions[0]?.name, 'Billing');
  });

  it('reports "tech support" as ambiguous between the two Tech Support skills', async () => {
    const m = await dir.findSkill('tech support');
    assert.deepEqual(m.kind === 'ambiguous' && m.candidates.map((c) => c.id), ['1003', '1004']);
  });

  it('does not find the deleted "Legacy Billing" even by its exact name', async () => {
    const m = await dir.findSkill('Legacy Billing');
    assert.equal(m.kind, 'not-found');
    assert.ok(m.kind === 'not-found' && !m.suggestions.some((s) => s.id === '1099'));
  });

  it('resolves groups and walks the tree', async () => {
    const tier1 = await dir.findGroup('tier 1');
    assert.equal(tier1.kind === 'found' && tier1.item.id, '502');
    assert.deepEqual((await dir.subGroupIds('502')).sort(), ['504', '505']);
    // The Main Group is -1 and its children say so: every group hangs under it.
    assert.deepEqual((await dir.subGroupIds('-1')).sort(), ['502', '503', '504', '505', '506', '507']);
    assert.deepEqual(
      (await dir.childGroups('-1')).map((g) => g.id),
      ['507', '502', '503'],
    );
  });

  it('revalidates after the TTL with If-Match and keeps the list on 304', async () => {
    const spy = sinon.spy(client, 'accountConfig');
    const first = await dir.skills();
    await dir.findSkill('billing');
    assert.equal(sim.stats().skills, 1);
    now += 10 * MIN;
    assert.deepEqual(await dir.skills(), first);
    assert.equal(sim.stats().skills, 2);
    const revision = spy.firstCall.returnValue.then((r) => (r.notModified ? undefined : r.revision));
    assert.ok(await revision);
    assert.equal(spy.secondCall.args[1], await revision);
    assert.deepEqual(await spy.secondCall.returnValue, { notModified: true });
    now += 10 * MIN - 1;
    await dir.skills();
    assert.equal(sim.stats().skills, 2);
  });

  it('shares one request among 20 concurrent lookups', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => dir.findSkill(i % 2 ? 'billing' : 'vip')));
    assert.equal(sim.stats().skills, 1);
  });

  it('serves the cached list when LivePerson fails, then recovers', async () => {
    await dir.skills();
    sim.inject({ route: 'skills', status: 503, times: 10 });
    now += 10 * MIN;
    assert.equal(await dir.skillName('1001'), 'Billing');
    assert.equal(logger.warn.callCount, 1);
    sim.clearFaults();
    now += 10 * MIN;
    assert.equal(await dir.skillName('1002'), 'Sales');
  });

  it('propagates the failure when nothing is cached', async () => {
    sim.inject({ route: 'agentGroups', status: 400 });
    await assert.rejects(dir.agentGroups());
    assert.equal((await dir.agentGroups()).length, 7);
  });
});
