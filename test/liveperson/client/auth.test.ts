import { strict as assert } from 'node:assert';
import axios from 'axios';
import { LoginAuthenticator, OAuthAuthenticator } from '../../../src/liveperson/client/auth';
import { DomainResolver } from '../../../src/liveperson/client/domains';
import { LivePersonAuthError } from '../../../src/liveperson/client/errors';
import { createLivePersonClient, type LivePersonClient } from '../../../src/liveperson/client/client';
import { HOUR_MS } from '../../../src/domain/time';
import { captureLogger } from '../support/capture-logger';
import { fakeRuntime } from '../support/fake-time';
import { ACCOUNT, startFakeLivePerson, type FakeLivePerson } from '../support/fake-liveperson';
import { baseString, oauthParams, verifyOAuth } from '../support/oauth-verify';

const OAUTH = {
  appKey: 'test-app-key-0001',
  appSecret: 'test-app-secret-0002',
  accessToken: 'test-access-token-0003',
  accessTokenSecret: 'test-token-secret-0004',
};
const LOGIN = { username: 'lead@example.com', password: 'correct-horse-battery' };
const NOW = Date.UTC(2026, 10, 25, 15, 0, 0);
const REQ = {
  body: {
    filters: { time: { from: NOW - HOUR_MS, to: NOW } },
    groupBy: 'agentGroupId' as const,
    metricsToRetrieveByTime: ['closed_conversations' as const],
  },
  sort: { key: 'closedConversations' as const, order: 'desc' as const },
};

describe('auth: OAuth 1.0a API key', () => {
  it('signs HMAC-SHA1 over method, URL and query parameters (RFC 5849)', async () => {
    const auth = new OAuthAuthenticator(OAUTH);
    const url =
      'https://va.example.liveperson.net/manager_workspace/api/account/1/metrics?offset=0&limit=50&sort=avgWaitTime%3Adesc';
    const headers = await auth.authorize({ method: 'POST', url, timeoutMs: 1000 });
    const p = oauthParams(headers.Authorization);
    assert.equal(p.oauth_signature_method, 'HMAC-SHA1');
    assert.equal(p.oauth_version, '1.0');
    assert.equal(p.oauth_consumer_key, OAUTH.appKey);
    assert.equal(p.oauth_token, OAUTH.accessToken);
    assert.ok(p.oauth_nonce && p.oauth_timestamp);
    assert.ok(verifyOAuth('POST', url, headers.Authorization, OAUTH), 'signature must verify (RFC 5849)');
    // The query is part of what was signed: the same header does not verify for another sort.
    assert.equal(
      verifyOAuth('POST', url.replace('avgWaitTime', 'agentLoad'), headers.Authorization, OAUTH),
      false,
    );
    assert.match(baseString('POST', url, p), /sort%3DavgWaitTime%253Adesc/);
    // A wrong secret does not verify.
    assert.equal(
      verifyOAuth('POST', url, headers.Authorization, { ...OAUTH, appSecret: 'other-secret' }),
      false,
    );
  });

  it('uses a fresh nonce per request and allows one more attempt after a 401', async () => {
    const auth = new OAuthAuthenticator(OAUTH);
    const req = { method: 'GET' as const, url: 'https://h.example/x?v=2.0', timeoutMs: 1000 };
    const a = oauthParams((await auth.authorize(req)).Authorization);
    const b = oauthParams((await auth.authorize(req)).Authorization);
    assert.notEqual(a.oauth_nonce, b.oauth_nonce);
    assert.equal(await auth.onUnauthorized(), true);
    assert.deepEqual(auth.secrets().sort(), Object.values(OAUTH).sort());
  });

  describe('through the client', () => {
    let lp: FakeLivePerson;
    let client: LivePersonClient | undefined;
    before(async () => {
      lp = await startFakeLivePerson({ oauth: OAUTH });
    });
    after(() => lp.close());
    afterEach(async () => {
      await client?.close();
      client = undefined;
      lp.requests.length = 0;
    });

    it('is accepted by a server that verifies the signature without the JSON body', async () => {
      client = createLivePersonClient({ accountId: ACCOUNT, csdsUrl: lp.url, oauth: OAUTH, now: () => NOW });
      const res = await client.metrics(REQ);
      assert.equal(res.groups.length, 1);
      const [sent] = lp.byPath(/\/metrics$/);
      assert.equal(sent?.query.get('sort'), 'closedConversations:desc');
      assert.equal(lp.count(/baseURI\.json$/), 1);
    });

    it('a wrong secret ends in LivePersonAuthError after exactly one re-signed retry, never a loop', async () => {
      const log = captureLogger();
      client = createLivePersonClient({
        accountId: ACCOUNT,
        csdsUrl: lp.url,
        oauth: { ...OAUTH, appSecret: 'tampered-secret-9999' },
        now: () => NOW,
        logger: log,
        retry: fakeRuntime(),
      });
      await assert.rejects(client.metrics(REQ), (e: unknown) => {
        assert.ok(e instanceof LivePersonAuthError);
        assert.equal(e.status, 401);
        assert.match(e.userMessage, /did not accept our credentials/);
        return true;
      });
      assert.equal(lp.count(/\/metrics$/), 2);
      assert.ok(!log.text().includes('tampered-secret-9999'));
    });
  });
});

describe('auth: Login Service bearer', () => {
  let lp: FakeLivePerson;
  let client: LivePersonClient | undefined;
  beforeEach(async () => {
    lp = await startFakeLivePerson({ login: LOGIN });
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
    await lp.close();
  });

  it('logs in once for concurrent calls and sends the bearer', async () => {
    client = createLivePersonClient({
      accountId: ACCOUNT,
      csdsUrl: lp.url,
      login: LOGIN,
      now: () => NOW,
      cacheTtlMs: 0,
    });
    await Promise.all([
      client.metrics(REQ),
      client.metrics({ ...REQ, limit: 10 }),
      client.metrics({ ...REQ, limit: 20 }),
    ]);
    assert.equal(lp.count(/\/login$/), 1);
    const [login] = lp.byPath(/\/login$/);
    assert.equal(login?.query.get('v'), '1.3');
    assert.deepEqual(JSON.parse(login?.body ?? ''), LOGIN);
    for (const r of lp.byPath(/\/metrics$/)) assert.equal(r.headers.authorization, `Bearer ${lp.bearers[0]}`);
  });

  it('logs in again once after a 401 and retries with the new bearer', async () => {
    client = createLivePersonClient({
      accountId: ACCOUNT,
      csdsUrl: lp.url,
      login: LOGIN,
      now: () => NOW,
      cacheTtlMs: 0,
    });
    await client.metrics(REQ);
    lp.expireSession();
    const res = await client.metrics(REQ);
    assert.equal(res.groups.length, 1);
    assert.equal(lp.count(/\/login$/), 2);
    const calls = lp.byPath(/\/metrics$/).map((r) => r.headers.authorization);
    assert.deepEqual(calls, [
      `Bearer ${lp.bearers[0]}`,
      `Bearer ${lp.bearers[0]}`,
      `Bearer ${lp.bearers[1]}`,
    ]);
  });

  it('a wrong password is an auth error after one login attempt, with no secret in the log', async () => {
    const log = captureLogger();
    client = createLivePersonClient({
      accountId: ACCOUNT,
      csdsUrl: lp.url,
      login: { ...LOGIN, password: 'wrong-password-123' },
      now: () => NOW,
      logger: log,
      retry: fakeRuntime(),
    });
    await assert.rejects(client.metrics(REQ), (e: unknown) => {
      assert.ok(e instanceof LivePersonAuthError);
      assert.match(e.userMessage, /user name or password/);
      return true;
    });
    assert.equal(lp.count(/\/login$/), 1);
    assert.equal(lp.count(/\/metrics$/), 0);
    assert.ok(!log.text().includes('wrong-password-123'));
  });

  it('refreshes the session with its csrf on an unref’d timer that close() stops', async () => {
    const http = axios.create();
    const domains = new DomainResolver({ csdsUrl: lp.url, accountId: ACCOUNT, http });
    const auth = new LoginAuthenticator({
      accountId: ACCOUNT,
      credentials: LOGIN,
      domains,
      http,
      refreshIntervalMs: 40,
    });
    assert.equal(auth.refreshing, false, 'no timer before the first login');
    const headers = await auth.authorize({ method: 'POST', url: `${lp.url}/x`, timeoutMs: 2000 });
    assert.equal(headers.Authorization, `Bearer ${lp.bearers[0]}`);
    assert.equal(auth.refreshing, true);
    const timer = (auth as unknown as { timer: NodeJS.Timeout }).timer;
    assert.equal(timer.hasRef(), false, 'the refresh timer must not keep the process alive');
    await new Promise((r) => setTimeout(r, 150));
    const refreshes = lp.byPath(/\/refresh$/);
    assert.ok(refreshes.length >= 2, `expected refreshes, got ${refreshes.length}`);
    assert.deepEqual(JSON.parse(refreshes[0]!.body), { csrf: 'csrf-1-yyyyyyyyyyyy' });
    assert.equal(refreshes[0]!.headers.cookie, 'session=s1');
    auth.close();
    assert.equal(auth.refreshing, false);
    const after = lp.count(/\/refresh$/);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(lp.count(/\/refresh$/), after, 'no refresh after close()');
  });

  it('a refused refresh drops the session so the next call logs in again', async () => {
    const http = axios.create();
    const domains = new DomainResolver({ csdsUrl: lp.url, accountId: ACCOUNT, http });
    const auth = new LoginAuthenticator({
      accountId: ACCOUNT,
      credentials: LOGIN,
      domains,
      http,
      refreshIntervalMs: 60_000,
    });
    try {
      await auth.authorize({ method: 'POST', url: `${lp.url}/x`, timeoutMs: 2000 });
      lp.expireSession();
      await auth.refresh();
      const headers = await auth.authorize({ method: 'POST', url: `${lp.url}/x`, timeoutMs: 2000 });
      assert.equal(lp.count(/\/login$/), 2);
      assert.equal(headers.Authorization, `Bearer ${lp.bearers[1]}`);
    } finally {
      auth.close();
    }
  });
});
