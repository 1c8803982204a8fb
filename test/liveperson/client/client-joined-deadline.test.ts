import { strict as assert } from 'node:assert';
import { LivePersonTimeoutError } from '../../../src/liveperson/client/errors';
import type { LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { Deadline } from '../../../src/shared/deadline';
import { clientFor, dayBySkill, T0 } from '../support/sim';

/**
 * Identical requests share one flight, but each caller keeps its own deadline: a joiner in a hurry
 * is not held past its deadline, and a joiner with time to spare is not failed by the deadline of
 * the caller that started the flight. Real time: the simulator delays answers, deadlines are short.
 */
describe('kmm-client: joining an identical request in flight keeps the joiner’s deadline', function () {
  this.timeout(10_000);
  let sim: Simulator;
  let client: LivePersonClient | undefined;
  before(async () => {
    sim = await startSimulator({ now: T0 });
    // Warm the simulator's first computation so the delays below are the injected ones.
    const warm = clientFor(sim);
    await warm.metrics(dayBySkill(T0));
    await warm.close();
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.setNow(T0);
    sim.clearFaults();
    sim.resetStats();
    // Cache off and the real retry runtime: only single-flight and the deadlines are at play.
    client = clientFor(sim, { cacheTtlMs: 0, retry: {} });
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  const timeoutWithin = (text: RegExp) => (e: unknown) => {
    assert.ok(e instanceof LivePersonTimeoutError, String(e));
    assert.match(e.message, text);
    return true;
  };

  it('a joiner with a shorter deadline times out at its own deadline while the leader goes on', async () => {
    sim.inject({ route: 'metrics', latencyMs: 900, times: 1 });
    const started = performance.now();
    const leader = client!.metrics(dayBySkill(T0), { deadline: Deadline.after(5_000) });
    const joiner = client!.metrics(dayBySkill(T0), { deadline: Deadline.after(300) });
    await assert.rejects(joiner, timeoutWithin(/within 0\.3 s/));
    const waited = performance.now() - started;
    assert.ok(waited >= 290 && waited < 850, `the joiner gave up after ${Math.round(waited)} ms`);
    const answer = await leader;
    assert.ok(answer.groups.length > 0, 'the leader got its answer');
    assert.equal(sim.stats().metrics, 1, 'one request: the joiner did not ask on its own');
  });

  it('a joiner with a longer deadline is not failed by the leader’s deadline: it asks again', async () => {
    sim.inject({ route: 'metrics', latencyMs: 600, times: 1 });
    const leader = client!.metrics(dayBySkill(T0), { deadline: Deadline.after(200) });
    const joiner = client!.metrics(dayBySkill(T0), { deadline: Deadline.after(5_000) });
    await assert.rejects(leader, timeoutWithin(/within 0\.2 s/));
    const answer = await joiner;
    assert.ok(answer.groups.length > 0);
    assert.equal(sim.stats().metrics, 2, 'the joiner asked once more, under its own deadline');
  });

  it('the same for Account Configuration: the directory’s lists', async () => {
    sim.inject({ route: 'skills', latencyMs: 600, times: 1 });
    const leader = client!.accountConfig('skills', undefined, { deadline: Deadline.after(200) });
    const hurried = client!.accountConfig('skills', undefined, { deadline: Deadline.after(100) });
    const patient = client!.accountConfig('skills', undefined, { deadline: Deadline.after(5_000) });
    await assert.rejects(hurried, timeoutWithin(/within 0\.1 s/));
    await assert.rejects(leader, timeoutWithin(/within 0\.2 s/));
    const answer = await patient;
    assert.ok(!answer.notModified && answer.items.length > 0);
    assert.equal(sim.stats().skills, 2);
  });
});
