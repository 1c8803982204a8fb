/**
 * GET /metrics through the real bot: a signed `/queue skill billing`, a click and a scheduled
 * digest move their series with the right labels; a LivePerson fault from the simulator and a
 * Slack error or 429 from the fake Slack show up as outcomes; and the scrape names no id or secret.
 */
import { strict as assert } from 'node:assert';
import type { DigestDraft } from '../../src/domain/digest';
import {
  DEFAULT_CLIENT_CREDENTIALS,
  DEFAULT_LOGIN,
  DEFAULT_OAUTH,
  startSimulator,
} from '../../src/simulator';
import { parsePrometheusText, type Scrape } from '../observability/prometheus-text';
import { BOT_TOKEN, BUSY_NOW, SIGNING_SECRET, buttons, startHarness, type Harness } from './harness';

const MIN = 60_000;
const ACK = 'queue_pulse_slack_ack_seconds';
const LP = 'queue_pulse_liveperson_requests_total';
const SLACK_ERRORS = 'queue_pulse_slack_api_errors_total';
const DIGESTS = 'queue_pulse_digest_outcomes_total';

// 16:00 in Berlin on the harness's busy afternoon (15:00 UTC).
const draft = (channelId: string): DigestDraft => ({
  channelId,
  schedule: { days: { kind: 'daily' }, hour: 16, minute: 0, zone: 'Europe/Berlin' },
  windowMs: 8 * 60 * MIN,
  scope: { kind: 'skills', items: [{ id: '1001', name: 'Billing' }] },
  chart: false,
});

describe('e2e: /metrics', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ now: BUSY_NOW - 5 * MIN });
  });
  after(() => h.close());
  afterEach(() => {
    h.sim.clearFaults();
    h.slack.rateLimitIf = undefined;
  });

  async function scrape(): Promise<Scrape> {
    const res = await fetch(`${h.baseUrl}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  }

  /** `/queue <text>`, answered; returns the last message posted to its response_url. */
  async function ask(text: string): Promise<Record<string, unknown>> {
    const r = await h.command(text);
    assert.equal(r.status, 200);
    const posts = await h.responses(r.responseId, 1);
    return posts[posts.length - 1]!.body;
  }

  /** Runs a digest for `channel` at its fire time (2 s late), as the scheduler's tick does. */
  async function fireDigest(channel: string): Promise<void> {
    h.setNow(BUSY_NOW - 5 * MIN);
    await h.bot.container.digests.add(draft(channel), { teamId: 'T0001', userId: 'U0456' });
    h.setNow(BUSY_NOW + 2_000);
    await h.bot.container.scheduler.tick();
  }

  it('a signed /queue skill billing: its ack is timed as a command, its LivePerson calls and cache look-ups counted', async () => {
    const before = await scrape();
    assert.equal(before.types.get(ACK), 'histogram');
    assert.equal(before.types.get(LP), 'counter');
    await ask('skill billing');
    const first = await scrape();
    assert.equal(
      first.value(`${ACK}_count`, { kind: 'command' }) - before.value(`${ACK}_count`, { kind: 'command' }),
      1,
    );
    assert.ok(first.value(`${ACK}_sum`, { kind: 'command' }) > 0);
    assert.equal(
      first.value(`${ACK}_count`, { kind: 'action' }),
      before.value(`${ACK}_count`, { kind: 'action' }),
    );
    assert.ok(
      first.value(LP, { method: 'metrics', outcome: 'ok' }) >
        before.value(LP, { method: 'metrics', outcome: 'ok' }),
    );
    assert.ok(first.value(LP, { method: 'csds', outcome: 'ok' }) >= 1, 'the domain look-up');
    assert.ok(
      first.value('queue_pulse_liveperson_request_duration_seconds_count', { method: 'metrics' }) >=
        first.value(LP, { method: 'metrics', outcome: 'ok' }),
    );
    assert.ok(first.value('queue_pulse_cache_misses_total', { cache: 'kmm' }) >= 1);
    assert.ok(first.value('queue_pulse_slack_api_calls_total', { method: 'response_url' }) >= 1);

    // The same question again within the cache's TTL: answered from the cache.
    await ask('skill billing');
    const second = await scrape();
    assert.ok(
      second.value('queue_pulse_cache_hits_total', { cache: 'kmm' }) >
        first.value('queue_pulse_cache_hits_total', { cache: 'kmm' }),
    );
    assert.ok(second.value('queue_pulse_cache_hits_total', { cache: 'directory' }) >= 1);
    const ratio = second.value('queue_pulse_cache_hit_ratio', { cache: 'kmm' });
    assert.ok(ratio > 0 && ratio < 1, `hit ratio ${ratio}`);
  });

  it("a click on a report's button: its ack is timed as an action", async () => {
    const report = await ask('skill billing');
    const button = buttons(report)[0];
    assert.ok(button, 'the report has buttons');
    const before = await scrape();
    const r = await h.click({ actionId: button.actionId, value: button.value });
    assert.equal(r.status, 200);
    await h.responses(r.responseId, 1);
    const after = await scrape();
    assert.equal(
      after.value(`${ACK}_count`, { kind: 'action' }) - before.value(`${ACK}_count`, { kind: 'action' }),
      1,
    );
    assert.ok(
      after.value(`${ACK}_bucket`, { kind: 'action', le: '3' }) >
        before.value(`${ACK}_bucket`, { kind: 'action', le: '3' }),
      'acked within 3 s',
    );
  });

  it('a scheduled digest: counted as posted, with how late it went out', async () => {
    const before = await scrape();
    await fireDigest('C0METRICS');
    const after = await scrape();
    assert.equal(
      after.value(DIGESTS, { outcome: 'posted' }) - before.value(DIGESTS, { outcome: 'posted' }),
      1,
    );
    const lateness = 'queue_pulse_digest_lateness_seconds';
    assert.equal(after.value(`${lateness}_count`) - before.value(`${lateness}_count`), 1);
    // Posted 2 s after its fire time: in the 5 s bucket, not the 1 s one.
    assert.equal(
      after.value(`${lateness}_bucket`, { le: '1' }),
      before.value(`${lateness}_bucket`, { le: '1' }),
    );
    assert.equal(
      after.value(`${lateness}_bucket`, { le: '5' }) - before.value(`${lateness}_bucket`, { le: '5' }),
      1,
    );
    assert.ok(
      after.value('queue_pulse_slack_api_calls_total', { method: 'chat.postMessage' }) >
        before.value('queue_pulse_slack_api_calls_total', { method: 'chat.postMessage' }),
    );
  });

  it('a LivePerson 500 and a malformed answer from the simulator: counted as http_5xx and malformed', async () => {
    const before = await scrape();
    h.sim.inject({ route: 'metrics', status: 500, times: 50 });
    await ask('skill sales');
    h.sim.clearFaults();
    h.sim.inject({ route: 'metrics', malformed: true, times: 50 });
    await ask('skill billing last 2h');
    const after = await scrape();
    for (const outcome of ['http_5xx', 'malformed']) {
      assert.ok(
        after.value(LP, { method: 'metrics', outcome }) > before.value(LP, { method: 'metrics', outcome }),
        outcome,
      );
    }
  });

  it('a Slack channel_not_found and a Slack 429: counted as Slack API errors, the retry too', async () => {
    const before = await scrape();
    h.slack.channelErrors.set('C0LOST', 'channel_not_found');
    await fireDigest('C0LOST');
    h.slack.channelErrors.delete('C0LOST');
    let limited = 0;
    h.slack.rateLimitIf = (call) =>
      call.method === 'chat.postMessage' && call.args.channel === 'C0BUSY' && limited++ === 0 ? 1 : undefined;
    await fireDigest('C0BUSY');
    const after = await scrape();
    const errors = (error: string, s: Scrape) => s.value(SLACK_ERRORS, { method: 'chat.postMessage', error });
    assert.equal(errors('channel_not_found', after) - errors('channel_not_found', before), 1);
    assert.equal(errors('ratelimited', after) - errors('ratelimited', before), 1);
    const retries = (s: Scrape) =>
      s.value('queue_pulse_slack_api_retries_total', { method: 'chat.postMessage' });
    assert.equal(retries(after) - retries(before), 1);
    assert.equal(
      after.value(DIGESTS, { outcome: 'paused' }) - before.value(DIGESTS, { outcome: 'paused' }),
      1,
    );
    assert.equal(
      after.value(DIGESTS, { outcome: 'posted' }) - before.value(DIGESTS, { outcome: 'posted' }),
      1,
    );
  });

  it('an expired response_url: counted as a response_url error, the fallback post as a call', async () => {
    const before = await scrape();
    const posted = h.slack.callsTo('chat.postEphemeral').length;
    h.slack.expiredResponseUrls.add('expired-metrics');
    await h.command('skill sales', { responseId: 'expired-metrics' });
    await h.slack.waitFor(() => h.slack.callsTo('chat.postEphemeral')[posted]);
    const after = await scrape();
    const expired = (s: Scrape) => s.value(SLACK_ERRORS, { method: 'response_url', error: 'http_404' });
    assert.ok(expired(after) > expired(before));
    const calls = (s: Scrape) =>
      s.value('queue_pulse_slack_api_calls_total', { method: 'chat.postEphemeral' });
    assert.ok(calls(after) > calls(before));
  });

  it('an app_home_opened event: its ack (made by Bolt before any listener) is timed as an event', async () => {
    const before = await scrape();
    const res = await h.openHome({ eventId: 'Ev0M01' });
    assert.equal(res.status, 200);
    const after = await scrape();
    assert.equal(
      after.value(`${ACK}_count`, { kind: 'event' }) - before.value(`${ACK}_count`, { kind: 'event' }),
      1,
    );
  });

  it('names no secret, token, team, user, channel, account or skill', async () => {
    await ask('skill billing');
    const res = await fetch(`${h.baseUrl}/metrics`);
    const text = await res.text();
    const scraped = parsePrometheusText(text);
    assert.ok(scraped.series(`${ACK}_count`).length > 0, 'a real scrape');
    const secrets = [
      BOT_TOKEN,
      SIGNING_SECRET,
      ...Object.values(DEFAULT_OAUTH),
      ...h.bot.container.client.secrets(),
    ];
    for (const s of secrets) assert.ok(!text.includes(s), 'a secret in /metrics');
    const ids = ['T0001', 'U0456', 'C0123', 'C0METRICS', 'C0LOST', 'C0BUSY', 'Billing', 'billing'];
    for (const id of ids) assert.ok(!text.includes(id), `${id} in /metrics`);
    // Numeric ids could match a number by chance: they are looked for among the labels.
    const labelValues = scraped.samples.flatMap((x) => Object.values(x.labels));
    for (const id of [h.sim.accountId, '1001']) assert.ok(!labelValues.includes(id), `${id} as a label`);
    // Every label value of our own series is a plain word from a fixed vocabulary.
    for (const s of scraped.samples.filter((x) => x.name.startsWith('queue_pulse_'))) {
      for (const [k, v] of Object.entries(s.labels)) {
        if (k === 'le') continue;
        assert.match(v, /^[a-z][a-zA-Z0-9_.]*$/, `${s.name}{${k}="${v}"}`);
      }
    }
  });
});

describe('e2e: /metrics on a LivePerson account (token and login calls)', function () {
  this.timeout(60_000);
  const cases = [
    {
      mode: 'client credentials',
      start: { clientCredentials: DEFAULT_CLIENT_CREDENTIALS },
      env: {
        LP_CLIENT_ID: DEFAULT_CLIENT_CREDENTIALS.clientId,
        LP_CLIENT_SECRET: DEFAULT_CLIENT_CREDENTIALS.clientSecret,
      },
      method: 'token',
      secret: DEFAULT_CLIENT_CREDENTIALS.clientSecret,
    },
    {
      mode: 'Login Service',
      start: { login: DEFAULT_LOGIN },
      env: { LP_USERNAME: DEFAULT_LOGIN.username, LP_PASSWORD: DEFAULT_LOGIN.password },
      method: 'login',
      secret: DEFAULT_LOGIN.password,
    },
  ] as const;
  for (const c of cases) {
    it(`${c.mode}: its ${c.method} call counted, an expired bearer's 401 as auth, no credential shown`, async () => {
      const sim = await startSimulator({ ...c.start, now: BUSY_NOW });
      const h = await startHarness({ env: { LP_ACCOUNT_ID: sim.accountId, LP_CSDS_URL: sim.url, ...c.env } });
      try {
        await h.responses((await h.command('skill billing')).responseId);
        sim.inject({ route: 'metrics', status: 401 });
        await h.responses((await h.command('skill sales')).responseId);
        const text = await (await fetch(`${h.baseUrl}/metrics`)).text();
        const s = parsePrometheusText(text);
        assert.equal(s.value(LP, { method: c.method, outcome: 'ok' }), 2, 'signed in again after the 401');
        // The fault revokes the bearer: a call in flight with it at the time is refused as well.
        assert.ok(s.value(LP, { method: 'metrics', outcome: 'auth' }) >= 1);
        for (const secret of [c.secret, ...h.bot.container.client.secrets()]) {
          assert.ok(!text.includes(secret), 'a credential in /metrics');
        }
        assert.ok(!s.samples.some((x) => Object.values(x.labels).includes(sim.accountId)), 'the account id');
      } finally {
        await h.close();
        await sim.close();
      }
    });
  }
});
