import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { DEFAULT_LOGIN, DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { ACCOUNT, BUSY, everything, http, metricsPath } from './helpers';

function signer(keys = DEFAULT_OAUTH) {
  const oauth = new OAuth({
    consumer: { key: keys.appKey, secret: keys.appSecret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
  });
  return (method: string, url: string): string =>
    oauth.toHeader(
      oauth.authorize({ url, method }, { key: keys.accessToken, secret: keys.accessTokenSecret }),
    ).Authorization;
}

describe('simulator: OAuth 1.0a', () => {
  let sim: Simulator;
  const sign = signer();
  before(async () => {
    sim = await startSimulator({ now: BUSY, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());

  it('accepts a good signature on metrics (query parameters signed, JSON body not)', async () => {
    const url = `${sim.url}${metricsPath('offset=0&limit=10&sort=closedConversations:desc')}`;
    const res = await http(sim).post(url, everything(BUSY, { groupBy: 'skillId' }), {
      headers: { Authorization: sign('POST', url) },
    });
    assert.equal(res.status, 200, JSON.stringify(res.data));
    assert.equal(res.data.groupBy.groups.length, 10);
  });

  it('accepts a good signature on Account Config and leaves CSDS open', async () => {
    const url = `${sim.url}/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0&select=id,name,deleted`;
    const api = http(sim);
    assert.equal((await api.get(url, { headers: { Authorization: sign('GET', url) } })).status, 200);
    assert.equal((await api.get(url)).status, 401);
    const csds = await api.get(`/api/account/${ACCOUNT}/service/baseURI.json?version=1.0`);
    assert.equal(csds.status, 200);
  });

  it('rejects a missing header, a tampered signature, a tampered parameter and wrong keys with 401 JSON', async () => {
    const api = http(sim);
    const body = everything(BUSY, { groupBy: 'skillId' });
    const signedUrl = `${sim.url}${metricsPath('offset=0&limit=10')}`;
    const good = sign('POST', signedUrl);
    const tamperedSignature = good.replace(/oauth_signature="([^"]+)"/, (_m, s: string) => {
      const bytes = Buffer.from(decodeURIComponent(s), 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return `oauth_signature="${encodeURIComponent(bytes.toString('base64'))}"`;
    });
    const otherUrl = `${sim.url}${metricsPath('offset=0&limit=20')}`;
    const wrongSecret = signer({ ...DEFAULT_OAUTH, appSecret: 'nope' })('POST', signedUrl);
    const cases: [string, Record<string, string>, RegExp][] = [
      [signedUrl, {}, /OAuth 1\.0a Authorization header is required/],
      [signedUrl, { Authorization: tamperedSignature }, /signature does not match/],
      [otherUrl, { Authorization: good }, /signature does not match/],
      [signedUrl, { Authorization: wrongSecret }, /signature does not match/],
      [
        signedUrl,
        { Authorization: signer({ ...DEFAULT_OAUTH, appKey: 'x' })('POST', signedUrl) },
        /Unknown app key/,
      ],
      [signedUrl, { Authorization: 'Bearer not-a-session' }, /bearer token is invalid/],
    ];
    for (const [url, headers, message] of cases) {
      const res = await api.post(url, body, { headers });
      assert.equal(res.status, 401, `${JSON.stringify(headers)}`);
      assert.equal(res.data.error.responseStatus, 401);
      assert.match(res.data.error.message, message);
    }
    assert.equal((await api.post(signedUrl, body, { headers: { Authorization: good } })).status, 200);
  });

  it('also accepts a Login Service bearer obtained with the API key values', async () => {
    const api = http(sim);
    const login = await api.post(`/api/account/${ACCOUNT}/login?v=1.3`, {
      username: 'lead@example.com',
      appKey: DEFAULT_OAUTH.appKey,
      secret: DEFAULT_OAUTH.appSecret,
      accessToken: DEFAULT_OAUTH.accessToken,
      accessTokenSecret: DEFAULT_OAUTH.accessTokenSecret,
    });
    assert.equal(login.status, 200);
    const res = await api.post(metricsPath(), everything(BUSY), {
      headers: { Authorization: `Bearer ${login.data.bearer}` },
    });
    assert.equal(res.status, 200);
  });
});

describe('simulator: Login Service', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY, login: DEFAULT_LOGIN });
  });
  after(() => sim.close());
  const loginPath = `/api/account/${ACCOUNT}/login?v=1.3`;

  it('requires a bearer when login is set without oauth', async () => {
    const res = await http(sim).post(metricsPath(), everything(BUSY));
    assert.equal(res.status, 401);
    assert.match(res.data.error.message, /bearer is required/);
  });

  it('logs in with user name and password: bearer, csrf, sessionTTl and a session cookie', async () => {
    const api = http(sim);
    const res = await api.post(loginPath, DEFAULT_LOGIN);
    assert.equal(res.status, 200);
    assert.equal(typeof res.data.bearer, 'string');
    assert.equal(typeof res.data.csrf, 'string');
    // Milliseconds, as a string: LivePerson's example answers "28800000" for its 8 h.
    assert.equal(res.data.sessionTTl, '28800000');
    assert.match(String(res.headers['set-cookie']), /session_id=/);
    const ok = await api.post(metricsPath(), everything(BUSY), {
      headers: { Authorization: `Bearer ${res.data.bearer}` },
    });
    assert.equal(ok.status, 200);
  });

  it('refuses a wrong password (401) and a login without user name (400)', async () => {
    const api = http(sim);
    assert.equal((await api.post(loginPath, { ...DEFAULT_LOGIN, password: 'guess' })).status, 401);
    assert.equal((await api.post(loginPath, { password: 'x' })).status, 400);
  });

  it('refreshes a session with its csrf and refuses an unknown csrf', async () => {
    const api = http(sim);
    const { data } = await api.post(loginPath, DEFAULT_LOGIN);
    const refreshPath = `/api/account/${ACCOUNT}/refresh`;
    const ok = await api.post(
      refreshPath,
      { csrf: data.csrf },
      { headers: { Authorization: `Bearer ${data.bearer}` } },
    );
    assert.equal(ok.status, 200);
    const bad = await api.post(
      refreshPath,
      { csrf: 'nope' },
      { headers: { Authorization: `Bearer ${data.bearer}` } },
    );
    assert.equal(bad.status, 401);
    assert.equal((await api.post(refreshPath, {})).status, 400);
  });

  it('a 401 fault expires the bearer: it keeps failing until the client logs in again', async () => {
    const api = http(sim);
    sim.resetStats();
    const first = await api.post(loginPath, DEFAULT_LOGIN);
    const auth = { headers: { Authorization: `Bearer ${first.data.bearer}` } };
    sim.inject({ route: 'metrics', status: 401 });
    const expired = await api.post(metricsPath(), everything(BUSY), auth);
    assert.equal(expired.status, 401);
    const still = await api.post(metricsPath(), everything(BUSY), auth);
    assert.equal(still.status, 401, 'the old bearer stays invalid');
    assert.match(still.data.error.message, /log in again/);
    const again = await api.post(loginPath, DEFAULT_LOGIN);
    assert.notEqual(again.data.bearer, first.data.bearer);
    const ok = await api.post(metricsPath(), everything(BUSY), {
      headers: { Authorization: `Bearer ${again.data.bearer}` },
    });
    assert.equal(ok.status, 200);
    assert.equal(sim.stats().login, 2);
    assert.equal(sim.stats().metrics, 3, 'the faulted and rejected requests count too');
  });

  it('has no Login Service when started without credentials', async () => {
    const open = await startSimulator({ now: BUSY });
    try {
      const api = http(open);
      assert.equal((await api.post(loginPath, DEFAULT_LOGIN)).status, 404);
      assert.equal((await api.post(metricsPath(), everything(BUSY))).status, 200);
    } finally {
      await open.close();
    }
  });
});
