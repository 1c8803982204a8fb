import { strict as assert } from 'node:assert';
import axios from 'axios';
import { startSimulator, type Simulator } from '../../src/simulator';
import { ACCOUNT, BUSY, everything, http, metricsPath } from './helpers';

const csds = `/api/account/${ACCOUNT}/service/baseURI.json?version=1.0`;

describe('simulator: injected faults', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY });
  });
  afterEach(() => sim.clearFaults());
  after(() => sim.close());

  it('answers an injected status as many times as asked, then recovers', async () => {
    const api = http(sim);
    sim.inject({ route: 'metrics', status: 503, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.post(metricsPath(), everything(BUSY))).status);
    assert.deepEqual(statuses, [503, 503, 200]);
  });

  it('sends Retry-After with a 429 and a JSON error body', async () => {
    sim.inject({ route: 'metrics', status: 429, retryAfterSeconds: 7 });
    const res = await http(sim).post(metricsPath(), everything(BUSY));
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '7');
    assert.equal(res.data.error.responseStatus, 429);
  });

  it('answers 200 with broken JSON when malformed', async () => {
    sim.inject({ route: 'agentGroups', malformed: true });
    const res = await http(sim).get(`/api/account/${ACCOUNT}/configuration/le-users/agentGroups?v=2.0`, {
      responseType: 'text',
    });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /json/);
    assert.throws(() => JSON.parse(res.data as string), SyntaxError);
  });

  it('resets the connection when dropConnection is set (ECONNRESET at the client)', async () => {
    sim.inject({ route: 'csds', dropConnection: true });
    await assert.rejects(http(sim).get(csds), (e: unknown) => {
      assert.ok(axios.isAxiosError(e));
      assert.equal(e.code, 'ECONNRESET');
      return true;
    });
    assert.equal((await http(sim).get(csds)).status, 200, 'the next request is fine');
  });

  it('delays the answer by latencyMs, for one request only', async () => {
    sim.inject({ route: 'csds', latencyMs: 150 });
    // Queued behind it: the request after the delayed one meets this instead, if the delay was used up.
    sim.inject({ route: 'csds', status: 503 });
    const t0 = Date.now();
    const res = await http(sim).get(csds);
    assert.equal(res.status, 200);
    assert.ok(Date.now() - t0 >= 140, `${Date.now() - t0} ms`);
    assert.equal((await http(sim).get(csds)).status, 503, 'the delay was consumed by the first request');
  });

  it('points CSDS elsewhere for as many lookups as asked (csdsBaseUri), then back at itself', async () => {
    const api = http(sim);
    const one = `/api/account/${ACCOUNT}/service/agentVep/baseURI.json?version=1.0`;
    sim.inject({ route: 'csds', csdsBaseUri: 'http://127.0.0.1:9', times: 2 });
    assert.deepEqual((await api.get(one)).data, {
      service: 'agentVep',
      account: ACCOUNT,
      baseURI: 'http://127.0.0.1:9',
    });
    const all = (await api.get(csds)).data as { baseURIs: { baseURI: string }[] };
    assert.deepEqual(new Set(all.baseURIs.map((b) => b.baseURI)), new Set(['http://127.0.0.1:9']));
    assert.equal((await api.get(one)).data.baseURI, sim.url);
    // Still a CSDS answer: an unknown service stays a 404 whatever the fault says.
    sim.inject({ route: 'csds', csdsBaseUri: 'http://127.0.0.1:9' });
    const unknown = await api.get(`/api/account/${ACCOUNT}/service/nope/baseURI.json`);
    assert.equal(unknown.status, 404);
  });

  it('consumes faults in order, only by matching routes; a route-less fault hits any route', async () => {
    const api = http(sim);
    sim.inject({ route: 'skills', status: 500 });
    sim.inject({ status: 502 });
    assert.equal((await api.get(csds)).status, 502, 'the route-less fault matches csds first');
    assert.equal((await api.get(csds)).status, 200);
    assert.equal((await api.get(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`)).status, 500);
    sim.inject({ status: 500, times: 5 });
    sim.clearFaults();
    assert.equal((await api.get(csds)).status, 200, 'cleared');
  });

  it('counts requests per route, including faulted and rejected ones', async () => {
    const api = http(sim);
    sim.resetStats();
    sim.inject({ route: 'metrics', status: 500 });
    await api.post(metricsPath(), everything(BUSY));
    await api.post(metricsPath(), { filters: {} });
    await api.post(metricsPath(), everything(BUSY));
    await api.get(csds);
    await api.post(`/manager_workspace/api/account/${ACCOUNT}/agent_view`, {});
    const stats = sim.stats();
    assert.equal(stats.metrics, 3);
    assert.equal(stats.csds, 1);
    assert.equal(stats.agentView, 1);
    assert.equal(stats.historical, 0);
    sim.resetStats();
    assert.equal(sim.stats().metrics, 0);
  });

  it('adds the latencyMs option to every answer', async () => {
    const slow = await startSimulator({ latencyMs: 120 });
    try {
      const t0 = Date.now();
      assert.equal((await http(slow).get(csds)).status, 200);
      assert.ok(Date.now() - t0 >= 110);
    } finally {
      await slow.close();
    }
  });
});

describe('simulator: HTTP control endpoints', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY });
  });
  after(() => sim.close());

  it('queues faults (one or a list), clears them, and refuses bad ones', async () => {
    const api = http(sim);
    const queued = await api.post('/_sim/faults', [
      { route: 'csds', status: 503 },
      { route: 'csds', status: 504 },
    ]);
    assert.deepEqual(queued.data, { queued: 2 });
    assert.equal((await api.get(csds)).status, 503);
    assert.deepEqual((await api.post('/_sim/faults', { route: 'csds', csdsBaseUri: 'http://x' })).data, {
      queued: 2,
    });
    assert.equal((await api.delete('/_sim/faults')).status, 200);
    assert.equal((await api.get(csds)).status, 200);
    for (const bad of [
      { route: 'nope' },
      { status: 'x' },
      { times: 0 },
      { explode: true },
      'x',
      { csdsBaseUri: 'http://elsewhere' },
      { route: 'metrics', csdsBaseUri: 'http://elsewhere' },
      { route: 'csds', csdsBaseUri: 7 },
    ]) {
      const res = await api.post('/_sim/faults', bad);
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(typeof res.data.error.message, 'string');
    }
  });

  it('reports and resets stats', async () => {
    const api = http(sim);
    await api.post('/_sim/stats/reset');
    await api.get(csds);
    const stats = await api.get('/_sim/stats');
    assert.equal(stats.data.csds, 1);
    assert.equal(stats.data.metrics, 0);
    await api.post('/_sim/stats/reset');
    assert.equal((await api.get('/_sim/stats')).data.csds, 0);
  });

  it('moves the clock with epoch ms or an ISO time', async () => {
    const api = http(sim);
    const moved = await api.post('/_sim/clock', { now: 1591955400000 });
    assert.deepEqual(moved.data, { now: 1591955400000 });
    assert.equal(sim.now(), 1591955400000);
    const iso = await api.post('/_sim/clock', { now: '2026-11-25T11:17:00Z' });
    assert.equal(iso.data.now, BUSY);
    assert.equal((await api.get('/_sim/clock')).data.now, BUSY);
    assert.equal((await api.post('/_sim/clock', { now: 'soon' })).status, 400);
    assert.equal((await api.get('/_sim/nothing')).status, 404);
  });
});
