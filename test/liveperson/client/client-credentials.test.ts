import { strict as assert } from 'node:assert';
import axios from 'axios';
import {
  ClientCredentialsAuthenticator,
  TOKEN_RENEW_MARGIN_MS,
  renewAtOf,
} from '../../../src/liveperson/client/client-credentials';
import { DomainResolver } from '../../../src/liveperson/client/domains';
import { LivePersonAuthError } from '../../../src/liveperson/client/errors';
import type { LivePersonClient } from '../../../src/liveperson/client/client';
import { startSimulator, type ClientCredentials, type Simulator } from '../../../src/simulator';
import { captureLogger, type CaptureLogger } from '../support/capture-logger';
import { T0, clientFor, dayBySkill } from '../support/sim';

// Not the simulator's defaults: the simulator must check the credentials it was started with.
const CREDS: ClientCredentials = { clientId: 'test-client-0001', clientSecret: 'test-client-secret-0002' };

describe('OAuth 2.0 client credentials against the simulator', () => {
  let sim: Simulator;
  let wall: number;
  let logger: CaptureLogger;
  let client: LivePersonClient;

  before(async () => {
    sim = await startSimulator({ now: T0, clientCredentials: CREDS });
  });
  after(() => sim.close());

  /** A client whose authenticator reads `wall` as the time, so token lifetimes pass on demand. */
  function build(creds: ClientCredentials = CREDS): LivePersonClient {
    const http = axios.create();
    const domains = new DomainResolver({ csdsUrl: sim.url, accountId: sim.accountId, http });
    const auth = new ClientCredentialsAuthenticator({
      accountId: sim.accountId,
      credentials: creds,
      domains,
      http,
      logger,
      clock: () => wall,
    });
    return clientFor(sim, { authenticator: auth, logger, cacheTtlMs: 0 });
  }

  beforeEach(() => {
    sim.clearFaults();
    sim.resetStats();
    wall = Date.now();
    logger = captureLogger();
    client = build();
  });
  afterEach(() => client.close());

  it('fetches one token from sentinel (form-encoded client credentials) and reuses it', async () => {
    await client.metrics(dayBySkill(T0));
    await client.metrics(dayBySkill(T0, { offset: 10 }));
    await client.accountConfig('skills');
    assert.equal(sim.stats().token, 1);
    const sent = new URLSearchParams(String(sim.requests('token')[0]));
    assert.equal(sent.get('grant_type'), 'client_credentials');
    assert.equal(sent.get('client_id'), CREDS.clientId);
    assert.equal(sent.get('client_secret'), CREDS.clientSecret);
    assert.equal(sim.stats().metrics, 2);
  });

  it('fetches a new token shortly before the old one expires, not after', async () => {
    await client.metrics(dayBySkill(T0));
    wall += 3600_000 - TOKEN_RENEW_MARGIN_MS - 1_000;
    await client.metrics(dayBySkill(T0, { offset: 10 }));
    assert.equal(sim.stats().token, 1, 'still well inside its lifetime');
    wall += 1_000;
    await client.metrics(dayBySkill(T0, { offset: 20 }));
    assert.equal(sim.stats().token, 2, 'renewed a minute before expiry');
  });

  it('after a 401 fetches a token again, once, and succeeds', async () => {
    await client.metrics(dayBySkill(T0));
    sim.inject({ route: 'metrics', status: 401 });
    await client.metrics(dayBySkill(T0, { offset: 10 }));
    assert.equal(sim.stats().token, 2);
    assert.equal(sim.stats().metrics, 3);
  });

  it('two 401s in a row: one new token, then the auth error', async () => {
    await client.metrics(dayBySkill(T0));
    sim.inject({ route: 'metrics', status: 401, times: 2 });
    await assert.rejects(client.metrics(dayBySkill(T0, { offset: 10 })), LivePersonAuthError);
    assert.equal(sim.stats().token, 2);
  });

  it('a refused secret is final: one token request, a message naming LP_CLIENT_ID and LP_CLIENT_SECRET', async () => {
    await client.close();
    client = build({ clientId: CREDS.clientId, clientSecret: 'wrong-secret-value' });
    await assert.rejects(client.metrics(dayBySkill(T0)), (e: unknown) => {
      assert.ok(e instanceof LivePersonAuthError);
      assert.match(e.message, /LP_CLIENT_ID and LP_CLIENT_SECRET/);
      return true;
    });
    assert.equal(sim.stats().token, 1);
    assert.equal(sim.stats().metrics, 0);
  });

  it('neither the client secret nor an access token reaches a log line; secrets() lists both', async () => {
    sim.inject({ route: 'metrics', status: 401 });
    await client.metrics(dayBySkill(T0));
    const secrets = client.secrets();
    assert.ok(secrets.includes(CREDS.clientSecret));
    assert.equal(secrets.length, 2, 'the secret and the token in use');
    const token = secrets.find((s) => s !== CREDS.clientSecret)!;
    // The injected 401 body and the retry are logged; the credentials are not.
    assert.ok(logger.lines.length > 0);
    assert.ok(!logger.text().includes(CREDS.clientSecret));
    assert.ok(!logger.text().includes(token));
  });
});

describe('renewAtOf', () => {
  it('renews a minute early, or a tenth of a short lifetime early; never without a lifetime', () => {
    assert.equal(renewAtOf(0, 3600), 3600_000 - 60_000);
    assert.equal(renewAtOf(0, 100), 90_000);
    assert.equal(renewAtOf(5, undefined), Infinity);
  });
});
