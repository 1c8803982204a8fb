/**
 * The digests due in one minute can take minutes to run, one after another: a background caller
 * still finds the answer another digest of that minute fetched, while an interactive caller keeps
 * getting answers at most 30 s old.
 */
import { strict as assert } from 'node:assert';
import type { LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { clientFor, dayBySkill, T0 } from '../support/sim';

describe('kmm-client: background callers reuse an answer for the length of a fire minute’s run', () => {
  let sim: Simulator;
  let client: LivePersonClient | undefined;
  before(async () => {
    sim = await startSimulator({ now: T0 });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.setNow(T0);
    sim.resetStats();
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('a background ask 2 min later is served from the cache; an interactive one 31 s later is not', async () => {
    client = clientFor(sim);
    const req = dayBySkill(T0);
    await client.metrics(req, { budget: 'background' });
    sim.setNow(T0 + 2 * 60_000);
    await client.metrics(req, { budget: 'background' });
    assert.equal(sim.stats().metrics, 1, 'the second digest of the minute asked again');
    await client.metrics(req);
    assert.equal(sim.stats().metrics, 2, 'an interactive caller got an answer older than 30 s');
  });

  it('a background answer expires after 5 min, and cacheTtlMs 0 turns it off too', async () => {
    client = clientFor(sim);
    await client.metrics(dayBySkill(T0), { budget: 'background' });
    sim.setNow(T0 + 5 * 60_000);
    await client.metrics(dayBySkill(T0), { budget: 'background' });
    assert.equal(sim.stats().metrics, 2);
    await client.close();
    sim.resetStats();
    client = clientFor(sim, { cacheTtlMs: 0 });
    await client.metrics(dayBySkill(T0), { budget: 'background' });
    await client.metrics(dayBySkill(T0), { budget: 'background' });
    assert.equal(sim.stats().metrics, 2);
  });
});
