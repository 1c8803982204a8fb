import { strict as assert } from 'node:assert';
import { LivePersonUnavailableError } from '../../../src/liveperson/client/errors';
import { HOUR_MS } from '../../../src/domain/time';
import type { LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { clientFor, dayBySkill, T0 } from '../support/sim';

describe('kmm-client: single-flight, cache and domain cache', () => {
  let sim: Simulator;
  let client: LivePersonClient | undefined;
  before(async () => {
    sim = await startSimulator({ now: T0 });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.setNow(T0);
    sim.clearFaults();
    sim.resetStats();
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('100 concurrent identical asks make exactly one upstream request (cache off: single-flight alone)', async () => {
    client = clientFor(sim, { cacheTtlMs: 0 });
    sim.inject({ route: 'metrics', latencyMs: 50, times: 1 });
    const answers = await Promise.all(Array.from({ length: 100 }, () => client!.metrics(dayBySkill(T0))));
    assert.equal(sim.stats().metrics, 1);
    assert.equal(sim.stats().csds, 1);
    assert.ok(answers.every((a) => a.groups.length === answers[0]!.groups.length));
    // Each caller owns its answer: sorting one does not reorder another.
    answers[0]!.groups.reverse();
    assert.notDeepEqual(answers[0]!.groups, answers[1]!.groups);
    // Once settled, the next ask goes upstream again (the cache is off).
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().metrics, 2);
  });

  it('caches answers for 30 s by default, keyed by the normalized request', async () => {
    client = clientFor(sim);
    const req = dayBySkill(T0);
    await client.metrics(req);
    // Same question with keys in another order and times inside the same minutes: a cache hit.
    const { filters, ...rest } = req.body;
    const reordered = {
      body: { ...rest, filters: { time: { to: filters.time.to - 5_000, from: filters.time.from + 5_000 } } },
    };
    sim.setNow(T0 + 29_999);
    await client.metrics(reordered);
    assert.equal(sim.stats().metrics, 1);
    sim.setNow(T0 + 30_000);
    await client.metrics(req);
    assert.equal(sim.stats().metrics, 2, 'expired after the TTL');
  });

  it('honours a configured TTL, and 0 disables the cache', async () => {
    client = clientFor(sim, { cacheTtlMs: 5_000 });
    await client.metrics(dayBySkill(T0));
    sim.setNow(T0 + 4_000);
    await client.metrics(dayBySkill(T0));
    sim.setNow(T0 + 5_000);
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().metrics, 2);
    await client.close();
    sim.resetStats();
    client = clientFor(sim, { cacheTtlMs: 0 });
    await client.metrics(dayBySkill(T0));
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().metrics, 2);
  });

  it('different questions are cached apart (paging, sort and filters are part of the key)', async () => {
    client = clientFor(sim);
    await client.metrics(dayBySkill(T0));
    await client.metrics(dayBySkill(T0, { limit: 5 }));
    await client.metrics(dayBySkill(T0, { sort: { key: 'avgWaitTime', order: 'desc' } }));
    await client.metrics({
      body: { ...dayBySkill(T0).body, filters: { time: { from: T0 - HOUR_MS, to: T0 } } },
    });
    assert.equal(sim.stats().metrics, 4);
  });

  it('does not cache failures', async () => {
    client = clientFor(sim);
    sim.inject({ route: 'metrics', status: 500, times: 4 });
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonUnavailableError);
    assert.equal(sim.stats().metrics, 4);
    const res = await client.metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 5);
  });

  it('fresh: true bypasses the cache and refreshes it', async () => {
    client = clientFor(sim);
    await client.metrics(dayBySkill(T0));
    await client.metrics(dayBySkill(T0), { fresh: true });
    assert.equal(sim.stats().metrics, 2);
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().metrics, 2, 'the fresh answer is what the cache now holds');
  });

  it('CSDS: resolved once, reused, asked again after its TTL', async () => {
    client = clientFor(sim, { cacheTtlMs: 0 });
    await client.metrics(dayBySkill(T0));
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().csds, 1, 'the second call made no CSDS request');
    sim.setNow(T0 + 10 * 60_000 - 1);
    await client.metrics(dayBySkill(sim.now()));
    assert.equal(sim.stats().csds, 1);
    sim.setNow(T0 + 10 * 60_000);
    await client.metrics(dayBySkill(sim.now()));
    assert.equal(sim.stats().csds, 2, 're-resolved after 10 minutes');
  });

  it('CSDS: a configurable TTL; re-resolved after a connection failure', async () => {
    client = clientFor(sim, { cacheTtlMs: 0, domainTtlMs: 60_000 });
    await client.metrics(dayBySkill(T0));
    sim.setNow(T0 + 60_000);
    await client.metrics(dayBySkill(sim.now()));
    assert.equal(sim.stats().csds, 2);
    sim.inject({ route: 'metrics', dropConnection: true, times: 1 });
    await client.metrics(dayBySkill(sim.now()));
    assert.equal(sim.stats().csds, 3);
  });

  it('a CSDS outage is retried like any other', async () => {
    client = clientFor(sim);
    sim.inject({ route: 'csds', status: 503, times: 1 });
    const res = await client.metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().csds, 2);
  });
});
