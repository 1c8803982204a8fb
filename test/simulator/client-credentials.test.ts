import { strict as assert } from 'node:assert';
import { AppTokens } from '../../src/simulator/app-tokens';
import {
  DEFAULT_CLIENT_CREDENTIALS,
  DEFAULT_OAUTH,
  startSimulator,
  type Simulator,
} from '../../src/simulator';
import { ACCOUNT, BUSY, everything, http, metricsPath } from './helpers';

const TOKEN_PATH = `/sentinel/api/v2/account/${ACCOUNT}/app/token`;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function form(over: Record<string, string> = {}): string {
  return new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: DEFAULT_CLIENT_CREDENTIALS.clientId,
    client_secret: DEFAULT_CLIENT_CREDENTIALS.clientSecret,
    ...over,
  }).toString();
}

describe('simulator: OAuth 2.0 client credentials (sentinel)', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: BUSY, clientCredentials: DEFAULT_CLIENT_CREDENTIALS });
  });
  after(() => sim.close());

  it('CSDS names the sentinel domain', async () => {
    const res = await http(sim).get(`/api/account/${ACCOUNT}/service/sentinel/baseURI.json?version=1.0`);
    assert.equal(res.status, 200);
    assert.equal(res.data.baseURI, sim.url);
  });

  it('issues a bearer token for the right client id and secret, and the APIs accept it', async () => {
    const api = http(sim);
    const res = await api.post(TOKEN_PATH, form(), { headers: FORM });
    assert.equal(res.status, 200, JSON.stringify(res.data));
    assert.equal(res.data.token_type, 'Bearer');
    assert.equal(res.data.expires_in, 3600);
    assert.match(res.data.access_token, /^[\w-]{20,}$/);
    const ok = await api.post(metricsPath(), everything(BUSY), {
      headers: { Authorization: `Bearer ${res.data.access_token}` },
    });
    assert.equal(ok.status, 200);
    const config = await api.get(`/api/account/${ACCOUNT}/configuration/le-users/skills?v=2.0`, {
      headers: { Authorization: `Bearer ${res.data.access_token}` },
    });
    assert.equal(config.status, 200);
  });

  it('refuses a wrong secret (401), a wrong grant or a JSON body (400), in the documented error shape', async () => {
    const api = http(sim);
    const wrong = await api.post(TOKEN_PATH, form({ client_secret: 'nope' }), { headers: FORM });
    assert.equal(wrong.status, 401);
    assert.deepEqual(Object.keys(wrong.data.error).sort(), [
      'internalCode',
      'message',
      'responseStatus',
      'time',
    ]);
    assert.equal(wrong.data.error.responseStatus, 401);
    const grant = await api.post(TOKEN_PATH, form({ grant_type: 'password' }), { headers: FORM });
    assert.equal(grant.status, 400);
    const json = await api.post(TOKEN_PATH, {
      ...DEFAULT_CLIENT_CREDENTIALS,
      grant_type: 'client_credentials',
    });
    assert.equal(json.status, 400);
  });

  it('answers 401 without a bearer or with one it never issued', async () => {
    const api = http(sim);
    assert.equal((await api.post(metricsPath(), everything(BUSY))).status, 401);
    const forged = await api.post(metricsPath(), everything(BUSY), {
      headers: { Authorization: 'Bearer forged' },
    });
    assert.equal(forged.status, 401);
  });

  it('a 401 fault expires the token that was sent', async () => {
    const api = http(sim);
    const token = (await api.post(TOKEN_PATH, form(), { headers: FORM })).data.access_token as string;
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    sim.inject({ route: 'metrics', status: 401 });
    assert.equal((await api.post(metricsPath(), everything(BUSY), auth)).status, 401);
    assert.equal((await api.post(metricsPath(), everything(BUSY), auth)).status, 401);
  });

  it('has no token endpoint on an account without client credentials', async () => {
    const other = await startSimulator({ now: BUSY, oauth: DEFAULT_OAUTH });
    try {
      const res = await http(other).post(TOKEN_PATH, form(), { headers: FORM });
      assert.equal(res.status, 404);
    } finally {
      await other.close();
    }
  });
});

describe('simulator: AppTokens', () => {
  it('a token lives ttlSeconds of its clock, then is refused', () => {
    let now = 1_000;
    const tokens = new AppTokens(60, () => now);
    const t = tokens.issue();
    now += 59_999;
    assert.equal(tokens.valid(t), true);
    now += 1;
    assert.equal(tokens.valid(t), false);
    assert.equal(tokens.valid('never-issued'), false);
  });
});
