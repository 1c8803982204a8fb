import { strict as assert } from 'node:assert';
import type { LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { clientFor, dayBySkill, T0 } from '../support/sim';

describe('kmm-client: metricsAllPages across many skills', () => {
  let sim: Simulator;
  let proxy: CountingProxy;
  let client: LivePersonClient;
  before(async () => {
    // 310 live skills → 7 pages of 50: enough to see whether more than 4 run at once.
    sim = await startSimulator({ now: T0, extraSkills: 300, latencyMs: 40 });
    proxy = await startCountingProxy(sim.url);
  });
  after(async () => {
    await proxy.close();
    await sim.close();
  });
  beforeEach(() => {
    sim.resetStats();
    proxy.reset();
    client = clientFor(sim, { csdsUrl: proxy.url, cacheTtlMs: 0 });
  });
  afterEach(() => client.close());

  const metricsCalls = () => proxy.requests.filter((r) => r.path.endsWith('/metrics'));

  it('returns every key exactly once, with `all` from the first page, ≤ 4 requests in flight', async () => {
    const first = await client.metrics(dayBySkill(T0));
    proxy.reset();
    const all = await client.metricsAllPages(dayBySkill(T0));
    assert.ok(all.count > 300, `count ${all.count}`);
    assert.equal(all.groups.length, all.count);
    assert.equal(new Set(all.groups.map((g) => g.key)).size, all.groups.length, 'no key twice');
    assert.ok(all.groups.some((g) => g.name === 'Campaign 300'));
    assert.ok(!all.groups.some((g) => g.key === '1099'), 'deleted skill absent');
    assert.deepEqual(all.all, first.all);
    assert.equal(all.truncated, false);
    const calls = metricsCalls();
    assert.equal(calls.length, Math.ceil(all.count / 50));
    assert.deepEqual(
      calls.map((c) => Number(c.query.get('offset'))).sort((a, b) => a - b),
      Array.from({ length: calls.length }, (_, i) => i * 50),
    );
    assert.ok(calls.every((c) => c.query.get('limit') === '50'));
    assert.ok(proxy.maxInFlight() <= 4, `max in flight ${proxy.maxInFlight()}`);
    assert.ok(proxy.maxInFlight() >= 2, 'pages after the first do run in parallel');
  });

  it('keeps the requested sort across pages', async () => {
    const all = await client.metricsAllPages(
      dayBySkill(T0, { sort: { key: 'closedConversations', order: 'desc' } }),
    );
    assert.ok(metricsCalls().every((c) => c.query.get('sort') === 'closedConversations:desc'));
    const values = all.groups.map((g) => g.metrics.closedConversations ?? 0);
    for (let i = 1; i < values.length; i++) assert.ok(values[i - 1]! >= values[i]!, `order broken at ${i}`);
  });

  it('asks once when everything fits in the first page', async () => {
    const body = {
      ...dayBySkill(T0).body,
      filters: { ...dayBySkill(T0).body.filters, skillIds: ['1001', '1002'] },
    };
    const all = await client.metricsAllPages({ body });
    assert.equal(metricsCalls().length, 1);
    assert.deepEqual(all.groups.map((g) => g.key).sort(), ['1001', '1002']);
  });

  it('a page that keeps failing fails the whole call without sending the queued pages', async () => {
    const cached = clientFor(sim, { csdsUrl: proxy.url });
    try {
      await cached.metrics(dayBySkill(T0, { offset: 0, limit: 50 }));
      sim.resetStats();
      sim.inject({ route: 'metrics', status: 500, times: 1000 });
      await assert.rejects(cached.metricsAllPages(dayBySkill(T0)), /answered HTTP 500/);
      // 6 more pages × 4 attempts if every page were tried; the queue is dropped after the first failure.
      assert.ok(sim.stats().metrics <= 5 * 4, `sent ${sim.stats().metrics}`);
    } finally {
      sim.clearFaults();
      await cached.close();
    }
  });
});
