import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { createLivePersonClient, type LivePersonClient } from '../../src/liveperson/client/client';
import { LivePersonAuthError } from '../../src/liveperson/client/errors';
import { createDirectory, type Directory } from '../../src/liveperson/directory';
import { DEFAULT_OAUTH, startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';

const MIN = 60_000;

/**
 * Account Configuration revisions against the simulator in each of its modes: what the directory
 * sends as If-Match, and which names it ends up with after the list changed.
 */
describe('directory: Account Config revisions (ac-revision, ETag, 304, 412, none)', () => {
  let sim: Simulator;
  let client: LivePersonClient;
  let dir: Directory;
  let now: number;
  let spy: sinon.SinonSpy;
  let warn: sinon.SinonSpy;

  async function start(opts: SimulatorOptions = {}): Promise<void> {
    sim = await startSimulator({ oauth: DEFAULT_OAUTH, ...opts });
    client = createLivePersonClient({
      accountId: sim.accountId,
      csdsUrl: sim.url,
      oauth: DEFAULT_OAUTH,
      retry: { sleep: () => Promise.resolve() },
    });
    spy = sinon.spy(client, 'accountConfig');
    now = 1_000_000;
    warn = sinon.spy();
    dir = createDirectory({ source: client, ttlMs: 10 * MIN, now: () => now, logger: { warn } });
  }
  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  /** The If-Match each Account Config read of `kind` was sent with, in order. */
  const ifMatches = (kind: string) =>
    spy
      .getCalls()
      .filter((c) => c.args[0] === kind)
      .map((c) => c.args[1] as string | undefined);

  const rename = (id: string, name: string) => {
    sim.center.skills.find((s) => s.id === id)!.name = name;
  };

  it('skills: ac-revision goes back as If-Match and a 304 keeps the list', async () => {
    await start();
    assert.equal(await dir.skillName('1001'), 'Billing');
    now += 10 * MIN;
    assert.equal(await dir.skillName('1001'), 'Billing');
    const sent = ifMatches('skills');
    assert.equal(sent.length, 2);
    assert.equal(sent[0], undefined);
    assert.match(sent[1]!, /^\d+$/);
    assert.equal(sim.stats().skills, 2);
  });

  it("agent groups: the ETag (LivePerson's eTag) goes back as If-Match, quotes and all", async () => {
    await start();
    await dir.agentGroups();
    now += 10 * MIN;
    await dir.agentGroups();
    const sent = ifMatches('agentGroups');
    assert.match(sent[1] ?? '', /^"\d+"$/);
  });

  it('a 412 to the conditional read: read again without If-Match and serve the new names', async () => {
    await start({ staleIfMatch: 412 });
    assert.equal(await dir.skillName('1001'), 'Billing');
    rename('1001', 'Billing & Payments');
    now += 10 * MIN;
    assert.equal(await dir.skillName('1001'), 'Billing & Payments');
    const sent = ifMatches('skills');
    assert.equal(sent.length, 3);
    assert.match(sent[1]!, /^\d+$/, 'conditional read first');
    assert.equal(sent[2], undefined, 'then a plain read');
    assert.match(String(warn.firstCall?.args[0]), /without If-Match/);
  });

  it('200 without a revision header: the next read is plain and sees the change', async () => {
    await start({ revisionHeader: 'none' });
    assert.equal(await dir.skillName('1002'), 'Sales');
    rename('1002', 'Sales EMEA');
    now += 10 * MIN;
    assert.equal(await dir.skillName('1002'), 'Sales EMEA');
    assert.deepEqual(ifMatches('skills'), [undefined, undefined]);
  });

  it('a 4xx to the plain read as well is an error, not the old names', async () => {
    await start();
    assert.equal(await dir.skillName('1001'), 'Billing');
    sim.inject({ route: 'skills', status: 403, times: 2 });
    now += 10 * MIN;
    await assert.rejects(dir.skillName('1001'), LivePersonAuthError);
    assert.equal(ifMatches('skills').length, 3);
    // The account answers again: the names come back.
    assert.equal(await dir.skillName('1001'), 'Billing');
  });

  it('an outage (5xx) still serves the last good list', async () => {
    await start();
    assert.equal(await dir.skillName('1001'), 'Billing');
    sim.inject({ route: 'skills', status: 503, times: 10 });
    now += 10 * MIN;
    assert.equal(await dir.skillName('1001'), 'Billing');
    sim.clearFaults();
  });
});
