import { strict as assert } from 'node:assert';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import type { LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { Deadline } from '../../../src/shared/deadline';
import { createDirectory } from '../../../src/liveperson/directory';
import { fakeRuntime, type FakeRuntime } from '../support/fake-time';
import { clientFor, dayBySkill, SIM_LOGIN, SIM_OAUTH, T0 } from '../support/sim';

describe('kmm-client retries (simulator faults)', () => {
  let sim: Simulator;
  let client: LivePersonClient | undefined;
  let rt: FakeRuntime;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: SIM_OAUTH, login: SIM_LOGIN });
    // Warm the simulator's first computation so per-attempt timeouts below measure only injected delays.
    const warm = clientFor(sim, { oauth: SIM_OAUTH });
    await warm.metrics(dayBySkill(T0));
    await warm.close();
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.setNow(T0);
    sim.clearFaults();
    sim.resetStats();
    rt = fakeRuntime();
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  const oauthClient = (extra = {}) =>
    (client = clientFor(sim, { oauth: SIM_OAUTH, cacheTtlMs: 0, retry: rt, ...extra }));

  it('429: waits at least 1 s, then succeeds', async () => {
    sim.inject({ route: 'metrics', status: 429, times: 1 });
    const res = await oauthClient().metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 2);
    assert.equal(rt.sleeps.length, 1);
    assert.ok(rt.sleeps[0]! >= 1000, `waited ${rt.sleeps[0]} ms`);
  });

  it('429: honours a longer Retry-After', async () => {
    sim.inject({ route: 'metrics', status: 429, retryAfterSeconds: 3, times: 1 });
    await oauthClient().metrics(dayBySkill(T0));
    assert.ok(rt.sleeps[0]! >= 3000, `waited ${rt.sleeps[0]} ms`);
  });

  it('429 with a Retry-After beyond the budget fails at once with LivePersonRateLimitedError', async () => {
    sim.inject({ route: 'metrics', status: 429, retryAfterSeconds: 600, times: 5 });
    await assert.rejects(oauthClient().metrics(dayBySkill(T0)), (e: unknown) => {
      assert.ok(e instanceof LivePersonRateLimitedError);
      assert.equal(e.message, 'LivePerson rate-limited the request (HTTP 429).');
      assert.equal(e.retryAfterSeconds, 600);
      return true;
    });
    assert.equal(sim.stats().metrics, 1);
    assert.deepEqual(rt.sleeps, []);
  });

  it('429 really waits (time scale 0.05 → ≥ 50 ms of wall time for the 1 s floor)', async () => {
    sim.inject({ route: 'metrics', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = performance.now();
    await oauthClient({ retry: { timeScale: 0.05 } }).metrics(dayBySkill(T0));
    assert.ok(performance.now() - started >= 50);
    assert.equal(sim.stats().metrics, 2);
  });

  it('5xx then success, with backoff', async () => {
    sim.inject({ route: 'metrics', status: 503, times: 2 });
    const res = await oauthClient().metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 3);
    assert.equal(rt.sleeps.length, 2);
    assert.ok(rt.sleeps[1]! > rt.sleeps[0]!, 'backoff grows');
  });

  it('5xx every time: LivePersonUnavailableError after the retries', async () => {
    sim.inject({ route: 'metrics', status: 500, times: 10 });
    await assert.rejects(oauthClient().metrics(dayBySkill(T0)), (e: unknown) => {
      assert.ok(e instanceof LivePersonUnavailableError);
      assert.match(e.message, /answered HTTP 500/);
      return true;
    });
    assert.equal(sim.stats().metrics, 4);
  });

  it('background budget: LivePerson’s 5/10/15 s schedule', async () => {
    sim.inject({ route: 'metrics', status: 502, times: 10 });
    await assert.rejects(
      oauthClient().metrics(dayBySkill(T0), { budget: 'background' }),
      LivePersonUnavailableError,
    );
    assert.deepEqual(rt.sleeps, [5000, 10000, 15000]);
    assert.equal(sim.stats().metrics, 4);
  });

  it('a slow answer times out per attempt, re-resolves the domain, and the retry succeeds', async () => {
    sim.inject({ route: 'metrics', latencyMs: 2000, times: 1 });
    const c = oauthClient({ retry: { ...rt, policies: { interactive: { attemptTimeoutMs: 400 } } } });
    const res = await c.metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 2);
    assert.equal(sim.stats().csds, 2, 'a timeout drops the cached domain');
  });

  it('a call that never gets an answer fails with “did not answer within 8 s”', async () => {
    sim.inject({ route: 'metrics', latencyMs: 1500, times: 10 });
    const c = oauthClient({
      retry: { ...rt, policies: { interactive: { attemptTimeoutMs: 80, budgetMs: 8_000 } } },
    });
    await assert.rejects(c.metrics(dayBySkill(T0)), (e: unknown) => {
      assert.ok(e instanceof LivePersonTimeoutError);
      assert.equal(e.message, 'LivePerson did not answer within 8 s.');
      return true;
    });
  });

  it("the answer's deadline ends the call in real time, however long LivePerson would take", async () => {
    // The simulator would answer after 30 s; were the deadline ignored, mocha's timeout would fail this.
    sim.inject({ route: 'metrics', latencyMs: 30_000, times: 10 });
    const started = performance.now();
    await assert.rejects(
      oauthClient({ retry: {} }).metrics(dayBySkill(T0), { deadline: Deadline.after(300) }),
      (e: unknown) => {
        assert.ok(e instanceof LivePersonTimeoutError);
        assert.match(e.message, /within 0\.3 s/);
        return true;
      },
    );
    assert.ok(performance.now() - started >= 290, 'it waited for the deadline, not less');
  });

  it('a slow answer within the deadline is waited for, not abandoned and asked again', async () => {
    sim.inject({ route: 'metrics', latencyMs: 600, times: 1 });
    const res = await oauthClient({ retry: {} }).metrics(dayBySkill(T0), {
      deadline: Deadline.after(10_000),
    });
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 1, 'one request: no retry cut the slow one short');
  });

  it('a dropped connection is retried after re-resolving the domain', async () => {
    sim.inject({ route: 'metrics', dropConnection: true, times: 1 });
    const res = await oauthClient().metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 2);
    assert.equal(sim.stats().csds, 2);
  });

  it('an unreadable answer is retried', async () => {
    sim.inject({ route: 'metrics', malformed: true, times: 1 });
    const res = await oauthClient().metrics(dayBySkill(T0));
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().metrics, 2);
  });

  it('never retries a 400', async () => {
    sim.inject({ route: 'metrics', status: 400, times: 5 });
    await assert.rejects(oauthClient().metrics(dayBySkill(T0)), LivePersonInvalidRequestError);
    assert.equal(sim.stats().metrics, 1);
    assert.deepEqual(rt.sleeps, []);
  });

  it('OAuth: the simulator accepts our signature; a 401 is retried once with a fresh one, then given up', async () => {
    await oauthClient().metrics(dayBySkill(T0));
    assert.equal(sim.stats().metrics, 1);
    sim.resetStats();
    sim.inject({ route: 'metrics', status: 401, times: 1 });
    await oauthClient().metrics(dayBySkill(T0));
    assert.equal(sim.stats().metrics, 2);
    sim.resetStats();
    sim.inject({ route: 'metrics', status: 401, times: 100 });
    await assert.rejects(oauthClient().metrics(dayBySkill(T0)), LivePersonAuthError);
    assert.equal(sim.stats().metrics, 2, 'no infinite loop');
  });

  it('OAuth: a tampered secret is rejected by the simulator → LivePersonAuthError', async () => {
    client = clientFor(sim, { oauth: { ...SIM_OAUTH, accessTokenSecret: 'not-the-secret' }, retry: rt });
    await assert.rejects(client.metrics(dayBySkill(T0)), (e: unknown) => {
      assert.ok(e instanceof LivePersonAuthError);
      assert.equal(e.status, 401);
      return true;
    });
    assert.equal(sim.stats().metrics, 2);
  });

  it('Login: logs in, and after a 401 logs in again once and retries', async () => {
    client = clientFor(sim, { login: SIM_LOGIN, cacheTtlMs: 0, retry: rt });
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().login, 1);
    sim.inject({ route: 'metrics', status: 401, times: 1 });
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().login, 2);
    assert.equal(sim.stats().metrics, 3);
    sim.inject({ route: 'metrics', status: 401, times: 100 });
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonAuthError);
    assert.equal(sim.stats().login, 3, 'one re-login per call, not a loop');
  });

  it('Login: a 429 from the Login Service waits at least 5 s, then logs in', async () => {
    client = clientFor(sim, { login: SIM_LOGIN, cacheTtlMs: 0, retry: rt });
    sim.inject({ route: 'login', status: 429, times: 1 });
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().login, 2);
    assert.equal(rt.sleeps.length, 1);
    assert.ok(rt.sleeps[0]! >= 5000, `waited ${rt.sleeps[0]} ms`);
  });

  it('Login: a longer Retry-After on the 429 wins over the 5 s', async () => {
    client = clientFor(sim, { login: SIM_LOGIN, cacheTtlMs: 0, retry: rt });
    sim.inject({ route: 'login', status: 429, retryAfterSeconds: 8, times: 1 });
    await client.metrics(dayBySkill(T0));
    assert.ok(rt.sleeps[0]! >= 8000, `waited ${rt.sleeps[0]} ms`);
  });

  it('Login: after a 429 no call logs in again before the 5 s are up', async () => {
    // No retries: each call gives up at its first 429, so only the hold keeps the next from logging in.
    const noRetries = { ...rt, policies: { interactive: { backoffMs: [] } } };
    client = clientFor(sim, { login: SIM_LOGIN, cacheTtlMs: 0, retry: noRetries });
    sim.inject({ route: 'login', status: 429, times: 1 });
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonRateLimitedError);
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonRateLimitedError);
    assert.equal(sim.stats().login, 1, 'the second call did not ask the Login Service');
    await rt.sleep(4_900);
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonRateLimitedError);
    assert.equal(sim.stats().login, 1);
    await rt.sleep(100);
    await client.metrics(dayBySkill(T0));
    assert.equal(sim.stats().login, 2);
  });

  it('background: Account Config name lookups follow the 5/10/15 s schedule too', async () => {
    client = clientFor(sim, { oauth: SIM_OAUTH, cacheTtlMs: 0, retry: rt });
    const dir = createDirectory({ source: client, logger: { warn: () => undefined } });
    sim.inject({ route: 'skills', status: 503, times: 3 });
    assert.equal(await dir.skillName('1001', { budget: 'background' }), 'Billing');
    assert.deepEqual(rt.sleeps, [5000, 10000, 15000]);
  });

  it('Login: a wrong password is an auth error, with no KMM request', async () => {
    client = clientFor(sim, { login: { ...SIM_LOGIN, password: 'nope-nope-nope' }, retry: rt });
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonAuthError);
    assert.equal(sim.stats().metrics, 0);
    assert.equal(sim.stats().login, 1);
  });

  it('no credentials against a simulator that wants them → LivePersonAuthError', async () => {
    client = clientFor(sim, { retry: rt });
    await assert.rejects(client.metrics(dayBySkill(T0)), LivePersonAuthError);
    assert.equal(sim.stats().metrics, 1);
  });
});
