/**
 * Requests that do not come from Slack: no signature, a wrong one, a signature over another body,
 * a correctly signed request older than five minutes, a captured request replayed with one byte
 * changed. Each is refused with 401 before any handler runs: no LivePerson call, no Slack call, no
 * answer posted. The same requests correctly signed go through, so the refusals mean something.
 * A body past 4 MB, read before any signature can be checked, is cut off with 413, with or without
 * a content-length, and the bot goes on answering.
 */
import { strict as assert } from 'node:assert';
import { request as httpRequest } from 'node:http';
import type { RouteName } from '../../src/simulator';
import { blockActionsBody, slashCommandBody } from '../../src/sandbox/payloads';
import { slackSignatureHeaders } from '../../src/sandbox/sign';
import { encodeActionValue } from '../../src/slack/action-ref';
import { SIGNING_SECRET, startHarness, type Harness } from '../e2e/harness';

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('bad or stale request signatures', function () {
  this.timeout(60_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(() => h?.close());

  const BODIES: Record<string, () => { body: string; type: string }> = {
    'a slash command': () => ({
      body: slashCommandBody({ text: 'skill billing', responseUrl: h.slack.responseUrl('forged') }),
      type: 'application/x-www-form-urlencoded',
    }),
    'a button click': () => ({
      body: blockActionsBody({
        actionId: 'qp:run',
        value: encodeActionValue({
          kind: 'run',
          query: { kind: 'skill', name: 'Billing', window: { kind: 'last', ms: 3_600_000 }, public: true },
          id: '1001',
        }),
        responseUrl: h.slack.responseUrl('forged'),
      }),
      type: 'application/x-www-form-urlencoded',
    }),
    'an event': () => ({
      body: JSON.stringify({
        token: 'x',
        team_id: 'T0001',
        api_app_id: 'A0789',
        type: 'event_callback',
        event_id: 'EvForged',
        event_time: nowSeconds(),
        event: { type: 'app_home_opened', user: 'U0456', channel: 'D0001', tab: 'home', event_ts: '1.1' },
      }),
      type: 'application/json',
    }),
  };

  /** Changes one byte of the body, keeping it well-formed for its type. */
  const oneByte = (body: string) => body.replace('U0456', 'U0457');

  const FORGERIES: Record<string, (body: string) => { body: string; headers: Record<string, string> }> = {
    'no signature headers': (body) => ({ body, headers: {} }),
    'a timestamp but no signature': (body) => ({
      body,
      headers: { 'x-slack-request-timestamp': String(nowSeconds()) },
    }),
    'a wrong signature': (body) => ({
      body,
      headers: {
        'x-slack-request-timestamp': String(nowSeconds()),
        'x-slack-signature': `v0=${'0'.repeat(64)}`,
      },
    }),
    'a signature with another secret': (body) => ({
      body,
      headers: slackSignatureHeaders('not-the-signing-secret', body),
    }),
    'a correct signature over a different body': (body) => ({
      body,
      headers: slackSignatureHeaders(SIGNING_SECRET, oneByte(body)),
    }),
    'a correctly signed request older than five minutes': (body) => ({
      body,
      headers: slackSignatureHeaders(SIGNING_SECRET, body, nowSeconds() - 5 * 60 - 30),
    }),
    'a replay with one byte changed': (body) => ({
      body: oneByte(body),
      headers: slackSignatureHeaders(SIGNING_SECRET, body),
    }),
    'a timestamp that is not a number': (body) => ({
      body,
      headers: { ...slackSignatureHeaders(SIGNING_SECRET, body), 'x-slack-request-timestamp': 'soon' },
    }),
  };

  /** Everything a handler would have caused: LivePerson calls, Slack Web API calls, answers posted. */
  function sideEffects(): { lp: number; slack: number; responses: number } {
    const stats = h.sim.stats();
    return {
      lp: (Object.keys(stats) as RouteName[]).reduce((n, r) => n + stats[r], 0),
      // auth.test is the bot's own start-up check, not a handler's work.
      slack: h.slack.calls.filter((c) => c.method !== 'auth.test').length,
      responses: h.slack.responses.length,
    };
  }

  async function send(body: string, type: string, headers: Record<string, string>): Promise<number> {
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': type, ...headers },
      body,
    });
    await res.text();
    return res.status;
  }

  for (const [kind, make] of Object.entries(BODIES)) {
    describe(kind, () => {
      for (const [forgery, forge] of Object.entries(FORGERIES)) {
        it(`${forgery}: 401, and no handler ran`, async () => {
          const { body, type } = make();
          const before = sideEffects();
          const forged = forge(body);
          assert.equal(await send(forged.body, type, forged.headers), 401);
          // A handler that ran would have called out by now; give it the chance to.
          await new Promise((r) => setTimeout(r, 150));
          await h.bot.container.inFlight.drain(5_000);
          assert.deepEqual(sideEffects(), before);
        });
      }

      it('the same request correctly signed goes through (the control)', async () => {
        const { body, type } = make();
        const before = sideEffects();
        assert.equal(await send(body, type, slackSignatureHeaders(SIGNING_SECRET, body)), 200);
        await h.slack.waitFor(
          () => sideEffects().slack + sideEffects().responses > before.slack + before.responses,
        );
        await h.bot.container.inFlight.drain(10_000);
      });
    });
  }

  describe('a body larger than any Slack sends', () => {
    /** The status of one request on a new connection (GET without a body, else a form POST). */
    const statusOf = (url: string, body?: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          url,
          {
            agent: false,
            method: body === undefined ? 'GET' : 'POST',
            headers:
              body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    // Bolt reads a body whole before it can check the signature; past 4 MB it stops reading.
    const huge = () => {
      const body = slashCommandBody({
        text: `skill ${'x'.repeat(5 * 1024 * 1024)}`,
        responseUrl: h.slack.responseUrl('huge'),
      });
      return { body, headers: slackSignatureHeaders(SIGNING_SECRET, body) };
    };

    it('is refused with 413, even correctly signed, and no handler ran', async () => {
      const lpBefore = sideEffects().lp;
      const { body, headers } = huge();
      assert.equal(await statusOf(h.eventsUrl, body, headers), 413);
      // A handler that ran would have asked LivePerson and answered at the request's response_url.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(sideEffects().lp, lpBefore);
      assert.deepEqual(h.slack.responsesTo('huge'), []);
    });

    it('sent in chunks without a length, is cut off too; the bot stays healthy', async () => {
      const { body, headers } = huge();
      // No content-length: the server cannot refuse up front, it has to count while it reads.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          h.eventsUrl,
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          },
          (res) => {
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
        const chunk = 64 * 1024;
        const pump = (at: number): void => {
          if (req.destroyed) return;
          if (at >= body.length) return void req.end();
          if (req.write(body.slice(at, at + chunk))) setImmediate(() => pump(at + chunk));
          else req.once('drain', () => pump(at + chunk));
        };
        pump(0);
      });
      assert.equal(status, 413);
      // Asked on connections of their own: one a refused body was left on is not the bot's health.
      assert.equal(await statusOf(`${h.baseUrl}/healthz`), 200);
      const small = slashCommandBody({ text: 'help', responseUrl: h.slack.responseUrl('after-huge') });
      const signed = slackSignatureHeaders(SIGNING_SECRET, small);
      assert.equal(await statusOf(h.eventsUrl, small, signed), 200);
    });
  });
});
