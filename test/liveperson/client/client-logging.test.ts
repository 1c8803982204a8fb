import { strict as assert } from 'node:assert';
import { createLivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { parseOAuthHeader } from '../../../src/simulator/oauth-verify';
import { captureLogger } from '../support/capture-logger';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { json, startFakeServer } from '../support/fake-server';
import { fakeRuntime } from '../support/fake-time';
import { clientFor, dayBySkill, SIM_LOGIN, SIM_OAUTH, T0 } from '../support/sim';

describe('kmm-client logging: no secret ever reaches the log', () => {
  let sim: Simulator;
  let proxy: CountingProxy;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: SIM_OAUTH, login: SIM_LOGIN });
    proxy = await startCountingProxy(sim.url);
  });
  after(async () => {
    await proxy.close();
    await sim.close();
  });

  /** Every credential value, plus every Authorization header and signature that went over the wire. */
  function secretsSeen(): string[] {
    const out = [SIM_OAUTH.appSecret, SIM_OAUTH.accessTokenSecret, SIM_OAUTH.accessToken, SIM_LOGIN.password];
    for (const r of proxy.requests) {
      const auth = r.headers.authorization;
      if (!auth) continue;
      out.push(auth);
      if (auth.startsWith('Bearer ')) out.push(auth.slice(7));
      const sig = parseOAuthHeader(auth)?.get('oauth_signature');
      if (sig) out.push(sig, encodeURIComponent(sig));
    }
    return out;
  }

  it('OAuth and login clients, through successes, 401s, 4xx/5xx bodies and a refresh, log details but no secret', async () => {
    const log = captureLogger();
    const oauth = clientFor(sim, { csdsUrl: proxy.url, oauth: SIM_OAUTH, logger: log, cacheTtlMs: 0 });
    const login = clientFor(sim, {
      csdsUrl: proxy.url,
      login: SIM_LOGIN,
      logger: log,
      cacheTtlMs: 0,
      refreshIntervalMs: 20,
    });
    try {
      for (const client of [oauth, login]) {
        await client.metrics(dayBySkill(T0));
        sim.inject({ route: 'metrics', status: 401, times: 1 });
        await client.metrics(dayBySkill(T0));
        sim.inject({ route: 'metrics', status: 503, times: 1 });
        await client.metrics(dayBySkill(T0));
        sim.inject({ route: 'metrics', status: 400, times: 1 });
        await assert.rejects(client.metrics(dayBySkill(T0)));
        sim.inject({ route: 'metrics', status: 401, times: 10 });
        await assert.rejects(client.metrics(dayBySkill(T0)));
        sim.clearFaults();
      }
      await new Promise((r) => setTimeout(r, 80)); // a few session refreshes
      await assert.rejects(
        clientFor(sim, {
          csdsUrl: proxy.url,
          login: { ...SIM_LOGIN, password: 'typo-password-77' },
          logger: log,
        }).metrics(dayBySkill(T0)),
      );
    } finally {
      await oauth.close();
      await login.close();
    }
    assert.ok(
      proxy.requests.some((r) => r.path.endsWith('/refresh')),
      'a refresh happened',
    );
    const text = log.text();
    // The log is useful: it names the failures it saw.
    assert.match(text, /attempt 1 failed: HTTP 503/);
    assert.match(text, /HTTP 400/);
    assert.match(text, /401/);
    for (const secret of [...secretsSeen(), 'typo-password-77']) {
      assert.ok(!text.includes(secret), `secret leaked into the log: ${secret.slice(0, 12)}…`);
    }
  });

  it('scrubs credentials that an upstream error body echoes back (headers, login body)', async () => {
    // A misbehaving upstream that puts our request (headers and body) into its error answers.
    const server = await startFakeServer((req, res) => {
      if (req.path.endsWith('/baseURI.json')) return json(res, 200, { baseURI: server.url });
      json(res, req.path.endsWith('/login') ? 503 : 400, {
        error: { message: `rejected ${JSON.stringify({ headers: req.headers, body: req.body })}` },
      });
    });
    const log = captureLogger();
    const oauth = createLivePersonClient({
      accountId: '1',
      csdsUrl: server.url,
      oauth: SIM_OAUTH,
      now: () => T0,
      logger: log,
      retry: fakeRuntime(),
    });
    const login = createLivePersonClient({
      accountId: '1',
      csdsUrl: server.url,
      login: SIM_LOGIN,
      now: () => T0,
      logger: log,
      retry: fakeRuntime(),
    });
    try {
      await assert.rejects(oauth.metrics(dayBySkill(T0)));
      await assert.rejects(login.metrics(dayBySkill(T0)));
    } finally {
      await oauth.close();
      await login.close();
      await server.close();
    }
    const text = log.text();
    assert.match(text, /rejected/, 'the echoing bodies were logged');
    const signatures = server.requests
      .map((r) => parseOAuthHeader(r.headers.authorization)?.get('oauth_signature'))
      .filter((s): s is string => !!s);
    assert.ok(signatures.length > 0);
    const encoded = signatures.map((s) => encodeURIComponent(s));
    for (const secret of [SIM_OAUTH.accessToken, SIM_LOGIN.password, ...signatures, ...encoded]) {
      assert.ok(!text.includes(secret), `leaked: ${secret}`);
      assert.ok(!text.includes(JSON.stringify(secret).slice(1, -1)));
    }
  });
});
