import { strict as assert } from 'node:assert';
import axios from 'axios';
import { DomainResolver, baseUrlOf } from '../../../src/liveperson/client/domains';
import {
  LivePersonInvalidRequestError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import { createLivePersonClient } from '../../../src/liveperson/client/client';
import { HOUR_MS } from '../../../src/domain/time';
import { startSimulator } from '../../../src/simulator';
import { deadPort, json, startFakeServer, type FakeServer } from '../support/fake-server';
import { fakeRuntime } from '../support/fake-time';

const ACCOUNT = '123';

describe('domains: baseUrlOf', () => {
  it('prefixes https:// to the bare host a real CSDS answers', () => {
    assert.equal(baseUrlOf('va.example.liveperson.net'), 'https://va.example.liveperson.net');
  });
  it('keeps a baseURI that carries its scheme (the simulator) and drops trailing slashes', () => {
    assert.equal(baseUrlOf('http://127.0.0.1:4010/'), 'http://127.0.0.1:4010');
  });
  it('rejects what is not a host', () => {
    assert.throws(() => baseUrlOf('ftp://files.example'));
    assert.throws(() => baseUrlOf('not a host'));
  });
});

describe('domains: DomainResolver', () => {
  let csds: FakeServer;
  let answer: (service: string) => { status: number; body: unknown; raw?: string };
  const http = axios.create();
  before(async () => {
    csds = await startFakeServer((req, res) => {
      const service = req.path.split('/')[5] ?? '';
      const a = answer(service);
      if (a.raw !== undefined) {
        res.writeHead(a.status, { 'Content-Type': 'application/json' });
        res.end(a.raw);
        return;
      }
      json(res, a.status, a.body);
    });
  });
  after(() => csds.close());
  beforeEach(() => {
    csds.requests.length = 0;
    answer = (service) => ({
      status: 200,
      body: { service, account: ACCOUNT, baseURI: `${service.toLowerCase()}.example.liveperson.net` },
    });
  });

  it('asks CSDS for the service by its case-sensitive name and caches the answer for the TTL', async () => {
    let now = 1_000_000;
    const d = new DomainResolver({ csdsUrl: `${csds.url}/`, accountId: ACCOUNT, http, now: () => now });
    assert.equal(
      await d.resolve('agentManagerWorkspace'),
      'https://agentmanagerworkspace.example.liveperson.net',
    );
    const [req] = csds.requests;
    assert.equal(req?.path, `/api/account/${ACCOUNT}/service/agentManagerWorkspace/baseURI.json`);
    assert.equal(req?.query.get('version'), '1.0');
    now += 9 * 60_000;
    await d.resolve('agentManagerWorkspace');
    assert.equal(csds.requests.length, 1, 'cached for at least 10 minutes by default');
    now += 60_001;
    await d.resolve('agentManagerWorkspace');
    assert.equal(csds.requests.length, 2, 'asked again after the TTL');
  });

  it('honours a configured TTL and keeps services apart', async () => {
    let now = 0;
    const d = new DomainResolver({
      csdsUrl: csds.url,
      accountId: ACCOUNT,
      http,
      now: () => now,
      ttlMs: 1000,
    });
    await d.resolve('agentVep');
    await d.resolve('accountConfigReadOnly');
    await d.resolve('agentVep');
    assert.equal(csds.requests.length, 2);
    now = 1000;
    await d.resolve('agentVep');
    assert.equal(csds.requests.length, 3);
  });

  it('shares one CSDS request among concurrent look-ups', async () => {
    const d = new DomainResolver({ csdsUrl: csds.url, accountId: ACCOUNT, http });
    const all = await Promise.all(Array.from({ length: 25 }, () => d.resolve('agentManagerWorkspace')));
    assert.equal(new Set(all).size, 1);
    assert.equal(csds.requests.length, 1);
  });

  it('asks again after invalidate()', async () => {
    const d = new DomainResolver({ csdsUrl: csds.url, accountId: ACCOUNT, http });
    await d.resolve('agentVep');
    d.invalidate('agentVep');
    await d.resolve('agentVep');
    assert.equal(csds.requests.length, 2);
  });

  it('an unknown account (4xx) is a setup error naming the account; it is not cached', async () => {
    answer = () => ({ status: 404, body: { error: { message: 'account not found' } } });
    const d = new DomainResolver({ csdsUrl: csds.url, accountId: ACCOUNT, http });
    await assert.rejects(d.resolve('agentVep'), (e: unknown) => {
      assert.ok(e instanceof LivePersonInvalidRequestError);
      assert.match(e.message, /does not know account 123/);
      return true;
    });
    await assert.rejects(d.resolve('agentVep'));
    assert.equal(csds.requests.length, 2, 'failures are not cached');
  });

  it('a 5xx or an unreadable answer is "unavailable"', async () => {
    const d = new DomainResolver({ csdsUrl: csds.url, accountId: ACCOUNT, http });
    answer = () => ({ status: 503, body: {} });
    await assert.rejects(d.resolve('agentVep'), LivePersonUnavailableError);
    answer = () => ({ status: 200, body: {}, raw: '<html>oops' });
    await assert.rejects(d.resolve('agentVep'), LivePersonUnavailableError);
    answer = () => ({ status: 200, body: { baseURI: 42 } });
    await assert.rejects(d.resolve('agentVep'), LivePersonUnavailableError);
  });
});

describe('domains: re-resolving after connection failures', () => {
  it('a refused connection drops the cached domain and the retry asks CSDS again', async () => {
    const NOW = Date.UTC(2026, 10, 25, 15, 0, 0);
    const dead = await deadPort();
    const sim = await startSimulator({ now: NOW });
    // CSDS first sends us to a host that is gone, then to the live one.
    sim.inject({ route: 'csds', csdsBaseUri: `http://127.0.0.1:${dead}` });
    const client = createLivePersonClient({
      accountId: sim.accountId,
      csdsUrl: sim.url,
      now: () => NOW,
      retry: fakeRuntime(),
    });
    try {
      const res = await client.metrics({ body: { filters: { time: { from: NOW - HOUR_MS, to: NOW } } } });
      assert.ok(res.all, 'the account totals came back');
      assert.equal(sim.stats().csds, 2);
      assert.equal(sim.stats().metrics, 1);
      // And the good domain stays cached.
      await client.metrics({ body: { filters: { time: { from: NOW - 2 * HOUR_MS, to: NOW } } } });
      assert.equal(sim.stats().csds, 2);
    } finally {
      await client.close();
      await sim.close();
    }
  });
});
