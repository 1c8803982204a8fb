/**
 * LivePerson misbehaving under a real /queue command: each fault ends in the report (after a
 * retry the simulator counts) or in a sentence from the views, never a trace or an upstream body,
 * and /healthz keeps answering, degraded while LivePerson fails and ok once it answers again.
 *
 * Covered elsewhere, not repeated here: a permanent 500 ("isn't answering", detail in the log) and
 * a permanent 429 ("limiting how often") in test/e2e/queue-command; a slow LivePerson within the
 * budget ("Still waiting", then the report) in test/e2e/deadlines; an OAuth 2.0 token expiring and
 * a wrong client secret in test/e2e/client-credentials; the retry loop's rules one by one in
 * test/liveperson/client.
 */
import { strict as assert } from 'node:assert';
import { DEFAULT_LOGIN, DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import type { Fault } from '../../src/simulator';
import { AUTH_PROBLEM } from '../../src/slack/views/problem';
import { BOT_TOKEN, SIGNING_SECRET, fieldValue, startHarness, type Harness } from '../e2e/harness';
import { assertReadable, finalOf, health, said } from './support';

const SECRETS = [SIGNING_SECRET, BOT_TOKEN, DEFAULT_OAUTH.appSecret, DEFAULT_OAUTH.accessTokenSecret];

/** Windows not asked before, so no answer comes from the client's cache. */
let minutes = 60;
const fresh = (scope: string) => `${scope} last ${++minutes}m`;

/**
 * How many metrics requests a report of that shape makes with nothing going wrong, then how many
 * the same shape makes with `fault` injected, and what the user was left with.
 */
async function withFault(h: Harness, scope: string, fault: Fault) {
  const clean = h.sim.stats().metrics;
  const ok = await h.command(fresh(scope));
  await h.responses(ok.responseId);
  const perReport = h.sim.stats().metrics - clean;
  h.sim.inject({ route: 'metrics', ...fault });
  const before = h.sim.stats().metrics;
  const r = await h.command(fresh(scope));
  const final = finalOf(await h.responses(r.responseId, 1, 20_000));
  return { final, perReport, made: h.sim.stats().metrics - before };
}

describe('resilience: LivePerson faults under /queue', function () {
  this.timeout(60_000);

  describe('on the embedded account (OAuth 1.0a)', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(() => h.close());
    afterEach(() => h.sim.clearFaults());

    it('a 429 with Retry-After is waited out and asked again: the report arrives', async () => {
      const { final, perReport, made } = await withFault(h, 'skill billing', {
        status: 429,
        retryAfterSeconds: 2,
      });
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, said(final));
      assert.equal(made, perReport + 1, 'the rate-limited request was made once more');
      assert.ok(
        h.logger
          .records()
          .some((l) => /HTTP 429/.test(JSON.stringify(l)) && /retry/i.test(JSON.stringify(l))),
        'the retry is logged',
      );
      assert.equal((await health(h)).status, 'ok');
    });

    it('two 500s in a row are retried with backoff: the report arrives', async () => {
      const { final, perReport, made } = await withFault(h, 'skill sales', { status: 500, times: 2 });
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, said(final));
      assert.equal(made, perReport + 2);
      assert.equal((await health(h)).status, 'ok', 'ok again once LivePerson answered');
    });

    it('a 200 with a body that is not JSON is retried: the report arrives', async () => {
      const { final, perReport, made } = await withFault(h, 'skill billing', { malformed: true });
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, said(final));
      assert.equal(made, perReport + 1);
    });

    it('garbage every time ends in "isn\'t answering", not a parser error; /healthz says degraded, then ok', async () => {
      const { final } = await withFault(h, 'skill sales', { malformed: true, times: 50 });
      assert.match(said(final), /LivePerson isn't answering right now\. Try again in a few minutes\./);
      assertReadable(final, SECRETS);
      assert.ok(!/JSON|Unexpected|token/i.test(said(final)), said(final));
      const down = await health(h);
      assert.equal(down.status, 'degraded');
      assert.equal(down.checks.livePerson.state, 'failing');
      h.sim.clearFaults();
      const r = await h.command(fresh('skill sales'));
      await h.responses(r.responseId);
      assert.equal((await health(h)).status, 'ok');
    });

    it('a dropped connection is retried: the report arrives', async () => {
      const { final, perReport, made } = await withFault(h, 'skill billing', { dropConnection: true });
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, said(final));
      assert.equal(made, perReport + 1);
    });

    it('one 401 (a signature refused) is signed afresh and tried once more: the report arrives', async () => {
      const { final, perReport, made } = await withFault(h, 'skill sales', { status: 401 });
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, said(final));
      assert.equal(made, perReport + 1);
    });

    it('401 every time ends in the credentials sentence after one retry, never a loop', async () => {
      const { final, perReport, made } = await withFault(h, 'skill billing', { status: 401, times: 50 });
      assert.match(said(final), new RegExp(AUTH_PROBLEM.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assertReadable(final, SECRETS);
      assert.ok(made <= perReport * 2, `at most one retry per request: ${made} for ${perReport}`);
      assert.equal((await health(h)).status, 'degraded');
    });
  });

  describe('slower than the answer budget', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ start: { answerBudgetMs: 1_500, stillWaitingAfterMs: [300] } });
    });
    after(() => h.close());
    afterEach(() => h.sim.clearFaults());

    for (const [what, latencyMs] of [
      ['slow (4 s)', 4_000],
      ['hung (no answer for 10 min)', 600_000],
    ] as const) {
      it(`${what}: "still waiting" in place of the placeholder, then "took too long"; the bot stays healthy`, async () => {
        // Warm the directory first: the budget is then spent on the metrics call alone.
        const warm = await h.command('skill billing last 1h');
        await h.responses(warm.responseId);
        h.sim.inject({ route: 'metrics', latencyMs, times: 20 });
        const r = await h.command(fresh('skill billing'));
        assert.match(JSON.stringify(r.ack), /Fetching/);
        const posts = await h.responses(r.responseId, 2, 20_000);
        assert.match(said(posts[0]!.body), /Still waiting on LivePerson/);
        const final = finalOf(posts);
        assert.equal(
          said(final).match(/LivePerson took too long to answer\. Try again, or ask for a shorter window\./)
            ?.length,
          1,
          said(final),
        );
        assertReadable(final, SECRETS);
        assert.equal(h.slack.responsesTo(r.responseId).length, 2, 'nothing after the final answer');
        const now = await health(h);
        assert.equal(now.checks.store.ok, true);
        h.sim.clearFaults();
        const after = await h.command(fresh('skill billing'));
        assert.ok(fieldValue(finalOf(await h.responses(after.responseId)), 'Waiting in queue') !== undefined);
      });
    }
  });

  describe('on a LivePerson account with a Login Service user (bearer)', () => {
    let sim: Simulator;
    let h: Harness;
    before(async () => {
      sim = await startSimulator({ login: DEFAULT_LOGIN });
      h = await startHarness({
        env: {
          LP_ACCOUNT_ID: sim.accountId,
          LP_CSDS_URL: sim.url,
          LP_USERNAME: DEFAULT_LOGIN.username,
          LP_PASSWORD: DEFAULT_LOGIN.password,
        },
      });
      // The harness's `sim` is the bot's embedded one; this account is the one that counts here.
      h.sim = sim;
    });
    after(async () => {
      await h.close();
      await sim.close();
    });
    afterEach(() => sim.clearFaults());

    it('a bearer that expires (401) logs in again once and the report arrives', async () => {
      const r0 = await h.command(fresh('skill billing'));
      await h.responses(r0.responseId);
      const logins = sim.stats().login;
      const { final, perReport, made } = await withFault(h, 'skill sales', { status: 401 });
      assert.ok(fieldValue(final, 'Waiting in queue') !== undefined, said(final));
      // Every request in flight with that bearer is refused too, and each is asked once more.
      assert.ok(made > perReport && made <= perReport * 2, `${made} for ${perReport}`);
      assert.equal(sim.stats().login, logins + 1, 'one new login, shared by them');
    });

    it('a bearer refused every time ends in the credentials sentence; the password is nowhere', async () => {
      const { final } = await withFault(h, 'skill billing', { status: 401, times: 50 });
      assert.match(said(final), /not permitted/);
      assertReadable(final, [...SECRETS, DEFAULT_LOGIN.password]);
      assert.ok(!h.logger.lines.join('\n').includes(DEFAULT_LOGIN.password), 'the password in the log');
    });
  });
});
