import { strict as assert } from 'node:assert';
import { ConfigError } from '../../src/config';
import { startBot } from '../../src/main';
import { DEFAULT_CLIENT_CREDENTIALS, startSimulator, type Simulator } from '../../src/simulator';
import { BOT_TOKEN, BUSY_NOW, SIGNING_SECRET, fieldValue, startHarness, texts } from './harness';

describe('e2e: a LivePerson account on OAuth 2.0 client credentials', function () {
  this.timeout(30_000);
  let sim: Simulator;

  before(async () => {
    // The account accepts only client-credentials tokens: no API key, no Login Service.
    sim = await startSimulator({ clientCredentials: DEFAULT_CLIENT_CREDENTIALS, now: BUSY_NOW });
  });
  after(() => sim.close());

  const envFor = () => ({
    LP_ACCOUNT_ID: sim.accountId,
    LP_CSDS_URL: sim.url,
    LP_CLIENT_ID: DEFAULT_CLIENT_CREDENTIALS.clientId,
    LP_CLIENT_SECRET: DEFAULT_CLIENT_CREDENTIALS.clientSecret,
  });

  it('answers /queue through signed Slack requests with a sentinel token, and says so at start', async () => {
    const h = await startHarness({ env: envFor() });
    try {
      sim.resetStats();
      const r = await h.command('skill billing');
      assert.equal(r.status, 200);
      const final = (await h.responses(r.responseId))[0]!.body;
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, JSON.stringify(final).slice(0, 300));
      assert.match(texts(final).join('\n'), new RegExp(`LivePerson account ${sim.accountId}`));
      const stats = sim.stats();
      assert.equal(stats.token, 1, 'one token for the names and the metrics');
      assert.ok(stats.metrics >= 1 && stats.skills >= 1);
      assert.equal(stats.login, 0);

      // The token expires under the bot (a 401): it fetches one new token and still answers.
      sim.inject({ route: 'metrics', status: 401 });
      const again = await h.command('skill sales');
      const second = (await h.responses(again.responseId))[0]!.body;
      assert.ok(fieldValue(second, 'Waiting in queue') !== undefined, JSON.stringify(second).slice(0, 300));
      assert.equal(sim.stats().token, 2);

      const messages = h.logger.records().map((l) => JSON.stringify(l));
      assert.ok(
        messages.some((m) =>
          m.includes('authenticating with OAuth 2.0 client credentials (LP_CLIENT_ID, LP_CLIENT_SECRET)'),
        ),
        messages.join('\n'),
      );

      // The access token in use is a known secret of the process logger too, not only of the client.
      const token = h.bot.container.client
        .secrets()
        .find((s) => s !== DEFAULT_CLIENT_CREDENTIALS.clientSecret);
      assert.ok(token);
      h.bot.log.info('diagnostic', { detail: `value ${token}` });
      const log = h.logger.lines.join('\n');
      assert.ok(!log.includes(token), 'access token scrubbed');
      assert.ok(!log.includes(DEFAULT_CLIENT_CREDENTIALS.clientSecret), 'client secret scrubbed');
    } finally {
      await h.close();
    }
  });

  it('a wrong client secret is refused at the token endpoint, read as a credentials problem, never logged', async () => {
    const h = await startHarness({ env: { ...envFor(), LP_CLIENT_SECRET: 'not-the-client-secret' } });
    try {
      sim.resetStats();
      const r = await h.command('skill billing');
      const final = (await h.responses(r.responseId))[0]!.body;
      assert.match(texts(final).join('\n'), /permitted|permission|credentials|API key/i);
      assert.equal(sim.stats().token, 1, 'refused once, not retried');
      assert.equal(sim.stats().metrics, 0);
      assert.ok(!JSON.stringify(final).includes('not-the-client-secret'));
      assert.ok(!h.logger.lines.join('\n').includes('not-the-client-secret'), 'secret in the log');
    } finally {
      await h.close();
    }
  });

  it('refuses to start with values from two auth modes, naming the variables', async () => {
    await assert.rejects(
      startBot({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        ...envFor(),
        LP_USERNAME: 'lead@example.com',
        LP_PASSWORD: 'pw-value',
      }),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.match(
          e.message,
          /one LivePerson auth mode only; found OAuth 2\.0 client credentials \(LP_CLIENT_ID, LP_CLIENT_SECRET\) and Login Service user \(LP_USERNAME, LP_PASSWORD\)\./,
        );
        return true;
      },
    );
  });
});
