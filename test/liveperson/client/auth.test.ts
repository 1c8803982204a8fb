import { strict as assert } from 'node:assert';
import axios from 'axios';
import {
  LoginAuthenticator,
  OAuthAuthenticator,
  type LoginCredentials,
  type OAuthCredentials,
} from '../../../src/liveperson/client/auth';
import { DomainResolver } from '../../../src/liveperson/client/domains';
import { LivePersonAuthError } from '../../../src/liveperson/client/errors';
import { createLivePersonClient, type LivePersonClient } from '../../../src/liveperson/client/client';
import { HOUR_MS } from '../../../src/domain/time';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { parseOAuthHeader, signatureBaseString, verifyOAuth } from '../../../src/simulator/oauth-verify';
import { captureLogger } from '../support/capture-logger';
import { startCountingProxy, type CountingProxy, type ProxiedRequest } from '../support/counting-proxy';
import { fakeRuntime } from '../support/fake-time';

// Not the simulator's defaults: the simulator must check the keys it was started with.
const OAUTH: OAuthCredentials = {
  appKey: 'test-app-key-0001',
  appSecret: 'test-app-secret-0002',
  accessToken: 'test-access-token-0003',
  accessTokenSecret: 'test-token-secret-0004',
};
const LOGIN: LoginCredentials = { username: 'lead@example.com', password: 'correct-horse-battery' };
const NOW = Date.UTC(2026, 10, 25, 15, 0, 0);
const REQ = {
  body: {
    filters: { time: { from: NOW - HOUR_MS, to: NOW } },
    groupBy: 'agentGroupId' as const,
    metricsToRetrieveByTime: ['closed_conversations' as const],
  },
  sort: { key: 'closedConversations' as const, order: 'desc' as const },
};

/** Whether `header` verifies for a request to `url` (query parameters signed) with `keys`. */
function verifies(url: string, header: string | undefined, keys: OAuthCredentials = OAUTH): boolean {
  const u = new URL(url);
  return verifyOAuth(keys, 'POST', `${u.origin}${u.pathname}`, u.searchParams, header).ok;
}

/** The requests the proxy saw to paths ending in `suffix`, in order. */
function sentTo(proxy: CountingProxy, suffix: string): ProxiedRequest[] {
  return proxy.requests.filter((r) => r.path.endsWith(suffix));
}

/** The sessions the Login Service handed out, in order. */
function sessionsFrom(proxy: CountingProxy): { bearer: string; csrf: string; cookie: string }[] {
  return sentTo(proxy, '/login')
    .filter((r) => r.response?.status === 200)
    .map((r) => {
      const body = JSON.parse(r.response!.body) as { bearer: string; csrf: string };
      const cookie = String(r.response!.headers['set-cookie']).split(';')[0]!;
      return { bearer: body.bearer, csrf: body.csrf, cookie };
    });
}

async function until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('auth: OAuth 1.0a API key', () => {
  it('signs HMAC-SHA1 over method, URL and query parameters (RFC 5849)', async () => {
    const auth = new OAuthAuthenticator(OAUTH);
    const url =
      'https://va.example.liveperson.net/manager_workspace/api/account/1/metrics?offset=0&limit=50&sort=avgWaitTime%3Adesc';
    const headers = await auth.authorize({ method: 'POST', url, timeoutMs: 1000 });
    const p = parseOAuthHeader(headers.Authorization);
    assert.ok(p, 'an OAuth Authorization header');
    assert.equal(p.get('oauth_signature_method'), 'HMAC-SHA1');
    assert.equal(p.get('oauth_version'), '1.0');
    assert.equal(p.get('oauth_consumer_key'), OAUTH.appKey);
    assert.equal(p.get('oauth_token'), OAUTH.accessToken);
    assert.ok(p.get('oauth_nonce') && p.get('oauth_timestamp'));
    assert.ok(verifies(url, headers.Authorization), 'signature must verify (RFC 5849)');
    // The query is part of what was signed: the same header does not verify for another sort.
    assert.equal(verifies(url.replace('avgWaitTime', 'agentLoad'), headers.Authorization), false);
    const u = new URL(url);
    assert.match(
      signatureBaseString('POST', `${u.origin}${u.pathname}`, u.searchParams, p),
      /sort%3DavgWaitTime%253Adesc/,
    );
    // A wrong secret does not verify.
    assert.equal(verifies(url, headers.Authorization, { ...OAUTH, appSecret: 'other-secret' }), false);
  });

  it('uses a fresh nonce per request and allows one more attempt after a 401', async () => {
    const auth = new OAuthAuthenticator(OAUTH);
    const req = { method: 'GET' as const, url: 'https://h.example/x?v=2.0', timeoutMs: 1000 };
    const a = parseOAuthHeader((await auth.authorize(req)).Authorization);
    const b = parseOAuthHeader((await auth.authorize(req)).Authorization);
    assert.ok(a && b);
    assert.ok(a.get('oauth_nonce'));
    assert.notEqual(a.get('oauth_nonce'), b.get('oauth_nonce'));
    assert.equal(await auth.onUnauthorized(), true);
    assert.deepEqual(auth.secrets().sort(), Object.values(OAUTH).sort());
  });

  describe('through the client', () => {
    let sim: Simulator;
    let proxy: CountingProxy;
    let client: LivePersonClient | undefined;
    before(async () => {
      sim = await startSimulator({ now: NOW, oauth: OAUTH });
      proxy = await startCountingProxy(sim.url);
    });
    after(async () => {
      await proxy.close();
      await sim.close();
    });
    afterEach(async () => {
      await client?.close();
      client = undefined;
      proxy.reset();
      sim.resetStats();
    });

    it('is accepted by a server that verifies the signature without the JSON body', async () => {
      client = createLivePersonClient({
        accountId: sim.accountId,
        csdsUrl: proxy.url,
        oauth: OAUTH,
        now: () => NOW,
      });
      const res = await client.metrics(REQ);
      // The same answer an account without credentials gives: the signed call got the real one.
      const open = await startSimulator({ now: NOW });
      const plain = createLivePersonClient({ accountId: open.accountId, csdsUrl: open.url, now: () => NOW });
      try {
        const expected = await plain.metrics(REQ);
        assert.ok(expected.groups.length > 1);
        assert.deepEqual(res.groups, expected.groups);
      } finally {
        await plain.close();
        await open.close();
      }
      const [sent] = sentTo(proxy, '/metrics');
      assert.equal(sent?.query.get('sort'), 'closedConversations:desc');
      assert.equal(sent?.response?.status, 200);
      assert.equal(sim.stats().metrics, 1);
      assert.equal(sim.stats().csds, 1);
    });

    it('a wrong secret ends in LivePersonAuthError after exactly one re-signed retry, never a loop', async () => {
      const log = captureLogger();
      client = createLivePersonClient({
        accountId: sim.accountId,
        csdsUrl: proxy.url,
        oauth: { ...OAUTH, appSecret: 'tampered-secret-9999' },
        now: () => NOW,
        logger: log,
        retry: fakeRuntime(),
      });
      await assert.rejects(client.metrics(REQ), (e: unknown) => {
        assert.ok(e instanceof LivePersonAuthError);
        assert.equal(e.status, 401);
        assert.match(e.message, /did not accept our credentials/);
        return true;
      });
      assert.equal(sim.stats().metrics, 2);
      const [first, second] = sentTo(proxy, '/metrics').map((r) => parseOAuthHeader(r.headers.authorization));
      assert.notEqual(first?.get('oauth_nonce'), second?.get('oauth_nonce'), 're-signed, not replayed');
      assert.ok(!log.text().includes('tampered-secret-9999'));
    });
  });
});

describe('auth: Login Service bearer', () => {
  let sim: Simulator;
  let proxy: CountingProxy;
  let client: LivePersonClient | undefined;
  beforeEach(async () => {
    sim = await startSimulator({ now: NOW, login: LOGIN });
    proxy = await startCountingProxy(sim.url);
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
    await proxy.close();
    await sim.close();
  });

  const loginAuthenticator = (refreshIntervalMs: number): LoginAuthenticator => {
    const http = axios.create();
    const domains = new DomainResolver({ csdsUrl: proxy.url, accountId: sim.accountId, http });
    return new LoginAuthenticator({
      accountId: sim.accountId,
      credentials: LOGIN,
      domains,
      http,
      refreshIntervalMs,
    });
  };

  it('logs in once for concurrent calls and sends the bearer', async () => {
    client = createLivePersonClient({
      accountId: sim.accountId,
      csdsUrl: proxy.url,
      login: LOGIN,
      now: () => NOW,
      cacheTtlMs: 0,
    });
    await Promise.all([
      client.metrics(REQ),
      client.metrics({ ...REQ, limit: 10 }),
      client.metrics({ ...REQ, limit: 20 }),
    ]);
    assert.equal(sim.stats().login, 1);
    const [login] = sentTo(proxy, '/login');
    assert.equal(login?.query.get('v'), '1.3');
    assert.deepEqual(JSON.parse(login?.body ?? ''), LOGIN);
    const [session] = sessionsFrom(proxy);
    const metrics = sentTo(proxy, '/metrics');
    assert.equal(metrics.length, 3);
    for (const r of metrics) {
      assert.equal(r.headers.authorization, `Bearer ${session?.bearer}`);
      assert.equal(r.response?.status, 200);
    }
  });

  it('logs in again once after a 401 and retries with the new bearer', async () => {
    client = createLivePersonClient({
      accountId: sim.accountId,
      csdsUrl: proxy.url,
      login: LOGIN,
      now: () => NOW,
      cacheTtlMs: 0,
    });
    await client.metrics(REQ);
    // The session expires: the next call is refused and its bearer stops working.
    sim.inject({ route: 'metrics', status: 401 });
    const res = await client.metrics(REQ);
    assert.ok(res.groups.length > 0);
    assert.equal(sim.stats().login, 2);
    const [first, second] = sessionsFrom(proxy);
    assert.ok(first && second && first.bearer !== second.bearer);
    const calls = sentTo(proxy, '/metrics').map((r) => [r.headers.authorization, r.response?.status]);
    assert.deepEqual(calls, [
      [`Bearer ${first.bearer}`, 200],
      [`Bearer ${first.bearer}`, 401],
      [`Bearer ${second.bearer}`, 200],
    ]);
  });

  it('a wrong password is an auth error after one login attempt, with no secret in the log', async () => {
    const log = captureLogger();
    client = createLivePersonClient({
      accountId: sim.accountId,
      csdsUrl: proxy.url,
      login: { ...LOGIN, password: 'wrong-password-123' },
      now: () => NOW,
      logger: log,
      retry: fakeRuntime(),
    });
    await assert.rejects(client.metrics(REQ), (e: unknown) => {
      assert.ok(e instanceof LivePersonAuthError);
      assert.match(e.message, /user name or password/);
      return true;
    });
    assert.equal(sim.stats().login, 1);
    assert.equal(sim.stats().metrics, 0);
    assert.ok(!log.text().includes('wrong-password-123'));
  });

  it('refreshes the session with its csrf on an unref’d timer that close() stops', async () => {
    const auth = loginAuthenticator(40);
    assert.equal(auth.refreshing, false, 'no timer before the first login');
    const headers = await auth.authorize({ method: 'POST', url: `${sim.url}/x`, timeoutMs: 2000 });
    const [session] = sessionsFrom(proxy);
    assert.ok(session);
    assert.equal(headers.Authorization, `Bearer ${session.bearer}`);
    assert.equal(auth.refreshing, true);
    const timer = (auth as unknown as { timer: NodeJS.Timeout }).timer;
    assert.equal(timer.hasRef(), false, 'the refresh timer must not keep the process alive');
    // Waits for the timer's work rather than a fixed time, so a loaded machine cannot fail it.
    await until(() => sentTo(proxy, '/refresh').filter((r) => r.response).length >= 2, 'two refreshes');
    const [refresh] = sentTo(proxy, '/refresh');
    assert.deepEqual(JSON.parse(refresh!.body), { csrf: session.csrf });
    assert.equal(refresh!.headers.cookie, session.cookie);
    assert.equal(refresh!.response?.status, 200, 'the Login Service accepted the refresh');
    auth.close();
    assert.equal(auth.refreshing, false);
    const after = sim.stats().refresh;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(sim.stats().refresh, after, 'no refresh after close()');
  });

  it('a refused refresh drops the session so the next call logs in again', async () => {
    const auth = loginAuthenticator(60_000);
    try {
      await auth.authorize({ method: 'POST', url: `${sim.url}/x`, timeoutMs: 2000 });
      sim.inject({ route: 'refresh', status: 401 });
      await auth.refresh();
      assert.equal(sentTo(proxy, '/refresh')[0]?.response?.status, 401);
      const headers = await auth.authorize({ method: 'POST', url: `${sim.url}/x`, timeoutMs: 2000 });
      assert.equal(sim.stats().login, 2);
      assert.equal(headers.Authorization, `Bearer ${sessionsFrom(proxy)[1]?.bearer}`);
    } finally {
      auth.close();
    }
  });
});
