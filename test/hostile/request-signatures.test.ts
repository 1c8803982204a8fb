/**
 * Requests that do not come from Slack: no signature, a wrong one, a signature over another body,
 * a correctly signed request older than five minutes, a captured request replayed with one byte
 * changed. Each is refused with 401 before any handler runs: no LivePerson call, no Slack call, no
 * answer posted. The same requests correctly signed go through, so the refusals mean something.
 */
import { strict as assert } from 'node:assert';
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
});
