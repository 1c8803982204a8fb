import { strict as assert } from 'node:assert';
import { createLivePersonClient, type LivePersonClient } from '../../src/liveperson/client/client';
import { planReport } from '../../src/liveperson/planner';
import { metricByField } from '../../src/liveperson/contract/catalog';
import { parseCommand } from '../../src/grammar/parser';
import { resolveWindow } from '../../src/domain/window';
import { formatValue } from '../../src/shared/number-format';
import { DEFAULT_OAUTH } from '../../src/simulator';
import {
  BOT_TOKEN,
  BUSY_NOW,
  SIGNING_SECRET,
  buttons,
  fieldValue,
  slackEscape,
  startHarness,
  texts,
  type Harness,
  probeRequests,
} from './harness';
import { isDigestCommand } from '../../src/domain/digest-command';
import { foregroundOpen } from '../../src/shared/loop-turn';

/** What the simulator itself answers for a query, through an independent client (no cache). */
async function expectedAll(h: Harness, text: string, ids?: string[]) {
  const parsed = parseCommand(text);
  assert.ok(parsed.kind !== 'usage' && parsed.kind !== 'help' && !isDigestCommand(parsed));
  const window = resolveWindow(parsed.window, BUSY_NOW, 'UTC');
  assert.ok(window.ok);
  const client: LivePersonClient = createLivePersonClient({
    accountId: h.sim.accountId,
    csdsUrl: h.sim.url,
    oauth: DEFAULT_OAUTH,
    cacheTtlMs: 0,
    now: () => BUSY_NOW,
  });
  try {
    const plan = planReport(parsed, window.window, ids ? { ids } : undefined);
    const res = plan.allPages
      ? await client.metricsAllPages(plan.request)
      : await client.metrics(plan.request);
    return res;
  } finally {
    await client.close();
  }
}

/** A KMM field's value as the bot should print it, by the unit LivePerson's catalog gives the field. */
function shown(field: string, value: number | undefined): string {
  return formatValue(metricByField(field)?.unit, value);
}

/** The names of a ranking's rows, in the order shown ("3. :red_circle: *Billing* — 5m"). */
function rankedNames(message: Record<string, unknown>): string[] {
  return texts(message)
    .join('\n')
    .split('\n')
    .flatMap((line) => {
      const m = /^\d+\. (?::[a-z_]+: )?\*(.+?)\* — /.exec(line);
      return m ? [m[1]!] : [];
    });
}

function finalOf(posts: { body: Record<string, unknown> }[]): Record<string, unknown> {
  const last = posts[posts.length - 1];
  assert.ok(last, 'no response_url post');
  return last.body;
}

function assertNoLeak(message: Record<string, unknown>): void {
  const json = JSON.stringify(message);
  assert.ok(!/at .*\.(ts|js):\d+/.test(json), `stack trace leaked: ${json.slice(0, 300)}`);
  assert.ok(!json.includes(SIGNING_SECRET) && !json.includes(BOT_TOKEN));
  assert.ok(!json.includes(DEFAULT_OAUTH.appSecret) && !json.includes(DEFAULT_OAUTH.accessTokenSecret));
}

describe('e2e: /queue over signed HTTP into the real Bolt app', function () {
  this.timeout(30_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });
  afterEach(() => {
    h.sim.clearFaults();
  });

  it('answers /healthz with a small JSON status', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.livePerson, { mode: 'simulator', accountId: h.sim.accountId });
    assert.deepEqual((body.checks as { store: unknown }).store, { ok: true });
  });

  it('/healthz reports LivePerson from the bot’s own traffic: failing after failed calls, ok once it answers', async () => {
    const health = async () =>
      (await (await fetch(`${h.baseUrl}/healthz`)).json()) as {
        status: string;
        checks: { livePerson: { state: string; lastFailure?: { detail: string } } };
      };
    const before = h.sim.stats().metrics;
    h.sim.inject({ route: 'metrics', status: 500, times: 50 });
    const r = await h.command('skill billing last 7h');
    await h.responses(r.responseId);
    const down = await health();
    assert.equal(down.status, 'degraded');
    assert.equal(down.checks.livePerson.state, 'failing');
    assert.match(down.checks.livePerson.lastFailure?.detail ?? '', /metrics/);
    assert.ok(h.sim.stats().metrics > before, 'the command asked LivePerson');
    // A retry the answer gave up on may still land at the simulator: wait until it is quiet, so
    // only /healthz could move the count.
    let calls = h.sim.stats().metrics;
    for (let quiet = 0; quiet < 3;) {
      await new Promise((r) => setTimeout(r, 100));
      const now = h.sim.stats().metrics;
      quiet = now === calls ? quiet + 1 : 0;
      calls = now;
    }
    await health();
    assert.equal(h.sim.stats().metrics, calls, 'no LivePerson call from /healthz');
    h.sim.clearFaults();
    const ok = await h.command('skill billing last 6h');
    await h.responses(ok.responseId);
    const up = await health();
    assert.equal(up.checks.livePerson.state, 'ok');
    assert.equal(up.status, 'ok');
  });

  it('called auth.test on the fake Slack at start (SLACK_API_URL carries every Web API call)', () => {
    assert.ok(h.slack.callsTo('auth.test').length >= 1);
    assert.equal(h.slack.callsTo('auth.test')[0]!.token, BOT_TOKEN);
  });

  it('rejects a request with a bad signature', async () => {
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': 'v0=deadbeef',
      },
      body: 'command=%2Fqueue&text=',
    });
    assert.equal(res.status, 401);
  });

  it('a request holds back the work after other acks by one mark, from its headers until its ack', async () => {
    const probe = probeRequests(h.bot.app, () => foregroundOpen());
    try {
      assert.equal((await h.command('help')).status, 200);
      assert.deepEqual(probe.seen, [1], 'marked once (by the HTTP server), not once per layer');
      // The mark ends once the response is written; the client may have read it a moment before.
      for (let i = 0; i < 50 && foregroundOpen() > 0; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(foregroundOpen(), 0, 'the mark ends with the response');
    } finally {
      probe.stop();
    }
  });

  it("runs without Bolt's in-process conversation store: no per-request lookup in front of the ack", async () => {
    // Bolt's default store lives in one process's memory (wrong on several instances) and, as
    // nothing stores into it, fails with a fresh Error on every request.
    const probe = probeRequests(
      h.bot.app,
      ({ context }) => 'updateConversation' in context || 'conversation' in context,
    );
    try {
      const res = await h.command('help');
      assert.equal(res.status, 200);
      assert.deepEqual(probe.seen, [false]);
    } finally {
      probe.stop();
    }
  });

  it('/queue skill billing: acks with "Fetching", then shows the numbers the simulator returns for Billing', async () => {
    const r = await h.command('skill billing');
    assert.equal(r.status, 200);
    assert.match(JSON.stringify(r.ack), /Fetching/);
    assert.match(JSON.stringify(r.ack), /Billing|billing/);
    const final = finalOf(await h.responses(r.responseId));
    assert.equal(final.replace_original, true);
    assert.equal(final.response_type, 'ephemeral');
    assert.ok(typeof final.text === 'string' && final.text.length > 0, 'top-level text fallback');
    const expected = await expectedAll(h, 'skill billing', ['1001']);
    const all = expected.all!;
    assert.ok(all, 'simulator returned an all section');
    const checks: [string, string][] = [
      ['Waiting in queue', 'unassignedConversations'],
      ['Overdue in queue', 'overdueConversationsInQueue'],
      ['Queue wait p50', 'queueWaitTime50thPercentile'],
      ['Queue wait p90', 'queueWaitTime90thPercentile'],
      ['Free human slots', 'availableSlots'],
      ['Human load', 'humanAgentLoad'],
      ['Closed', 'closedConversations'],
      ['Avg wait', 'avgWaitTime'],
      ['CSAT', 'csat'],
    ];
    for (const [label, field] of checks) {
      assert.equal(fieldValue(final, label), shown(field, all[field]), `${label} (${field})`);
    }
    // The busy hour really has numbers, so the comparison above is not between dashes.
    assert.ok((all.closedConversations ?? 0) > 0);
    assertNoLeak(final);
  });

  it('/queue skill sales: people first — free human slots as LivePerson counts humans, bots on their own line', async () => {
    const r = await h.command('skill sales');
    const final = finalOf(await h.responses(r.responseId));
    const humans = (await expectedAll(h, 'skill sales humans', ['1002'])).all!;
    const bots = (await expectedAll(h, 'skill sales bots', ['1002'])).all!;
    assert.ok((bots.onlineAgents ?? 0) > 0, 'Sales has bots online at the busy hour');
    assert.equal(fieldValue(final, 'Free human slots'), shown('availableSlots', humans.availableSlots));
    const presence = fieldValue(final, 'Humans online / back soon / away');
    assert.equal(presence?.split(' / ')[0], shown('onlineAgents', humans.onlineAgents));
    assert.match(texts(final).join('\n'), new RegExp(`\\+ ${bots.onlineAgents} bots? online`));
    // The headline leads the notification text too.
    assert.ok(
      String(final.text).startsWith(
        texts(final)
          .find((t) => /free human slot/.test(t))!
          .split('\n')[0]!,
      ),
    );
  });

  it('acks within Slack’s 3 s deadline while LivePerson takes 5 s, says it is still waiting, then delivers', async () => {
    h.sim.inject({ route: 'metrics', latencyMs: 5000 });
    const r = await h.command('skill sales last 30m');
    assert.equal(r.status, 200);
    assert.ok(r.ackMs < 3000, `ack took ${r.ackMs} ms`);
    const [waiting, final] = await h.responses(r.responseId, 2, 20_000);
    assert.match(JSON.stringify(waiting!.body), /Still waiting on LivePerson for \*sales\*/);
    assert.equal(waiting!.body.replace_original, true, 'the placeholder is updated in place');
    assert.ok(fieldValue(final!.body, 'Waiting in queue') !== undefined, JSON.stringify(final).slice(0, 400));
  });

  it('/queue: the account overview with KPIs and the skills with most waiting', async () => {
    const r = await h.command('');
    const final = finalOf(await h.responses(r.responseId));
    const expected = await expectedAll(h, '');
    assert.equal(
      fieldValue(final, 'Waiting in queue'),
      shown('unassignedConversations', expected.all!.unassignedConversations),
    );
    const waiting = expected.groups.filter((g) => (g.metrics.unassignedConversations ?? 0) > 0);
    if (waiting.length) {
      const top = [...waiting].sort(
        (a, b) => b.metrics.unassignedConversations! - a.metrics.unassignedConversations!,
      )[0]!;
      assert.ok(
        texts(final).some((t) => t.includes(slackEscape(top.name ?? ''))),
        'top waiting skill listed',
      );
    }
  });

  it('/queue group "Tier 1" last 4h: includes sub-groups (Tier 1 Night, Billing Team)', async () => {
    const r = await h.command(slackEscape('group "Tier 1" last 4h'));
    const final = finalOf(await h.responses(r.responseId));
    const expected = await expectedAll(h, 'group "Tier 1" last 4h', ['502', '504', '505']);
    assert.equal(
      fieldValue(final, 'Closed'),
      shown('closedConversations', expected.all!.closedConversations),
    );
    assert.match(texts(final).join('\n'), /Tier 1/);
    assert.match(texts(final).join('\n'), /last 4h/);
  });

  it('/queue group "Main Group": asks LivePerson for the Main Group (-1) and every group under it', async () => {
    h.sim.resetStats();
    const r = await h.command(slackEscape('group "Main Group"'));
    const final = finalOf(await h.responses(r.responseId));
    const live = h.sim.center.agentGroups.filter((g) => !g.deleted).map((g) => g.id);
    const asked = h.sim
      .requests('metrics')
      .map((b) => ((b as { filters?: { agentGroupIds?: string[] } }).filters?.agentGroupIds ?? []).sort());
    assert.ok(asked.length > 0, 'a metrics request was sent');
    for (const ids of asked) assert.deepEqual(ids, [...live].sort());
    const expected = await expectedAll(h, 'group "Main Group"', live);
    assert.equal(
      fieldValue(final, 'Closed'),
      shown('closedConversations', expected.all!.closedConversations),
    );
    assert.match(texts(final).join('\n'), /Main Group/);
  });

  it('/queue skills by wait top 5: the five longest queue waits, worst first', async () => {
    const r = await h.command('skills by wait top 5');
    const final = finalOf(await h.responses(r.responseId));
    // The oracle: every skill as the simulator answers it, ordered by p90 wait here, independently.
    const expected = (await expectedAll(h, 'skills by wait')).groups
      .filter((g) => g.metrics.queueWaitTime90thPercentile !== undefined && g.name)
      .sort(
        (a, b) =>
          b.metrics.queueWaitTime90thPercentile! - a.metrics.queueWaitTime90thPercentile! ||
          a.name!.localeCompare(b.name!, 'en', { sensitivity: 'base', numeric: true }),
      );
    assert.ok(expected.length >= 5 && expected[0]!.metrics.queueWaitTime90thPercentile! > 0);
    assert.deepEqual(
      rankedNames(final),
      expected.slice(0, 5).map((g) => slackEscape(g.name!)),
    );
    assert.match(texts(final).join('\n'), /Skills by queue wait/);
    assertNoLeak(final);
  });

  it('/queue groups by load: agent groups in the order LivePerson sorted them, busiest first', async () => {
    const r = await h.command('groups by load');
    const final = finalOf(await h.responses(r.responseId));
    const expected = (await expectedAll(h, 'groups by load')).groups;
    const loads = expected.map((g) => g.metrics.humanAgentLoad ?? -1);
    assert.deepEqual(
      loads,
      [...loads].sort((a, b) => b - a),
      'the simulator sorted busiest first',
    );
    assert.deepEqual(
      rankedNames(final),
      expected.map((g) => slackEscape(g.name ?? `Unnamed group (${g.key})`)),
    );
  });

  it('humans / bots reach LivePerson as userTypes', async () => {
    const humans = await h.command('skill bot triage humans');
    const botsOnly = await h.command('skill bot triage bots');
    const h1 = finalOf(await h.responses(humans.responseId));
    const b1 = finalOf(await h.responses(botsOnly.responseId));
    const expectedBots = await expectedAll(h, 'skill bot triage bots', ['1010']);
    assert.equal(
      fieldValue(b1, 'Closed'),
      shown('closedConversations', expectedBots.all!.closedConversations),
    );
    assert.notEqual(fieldValue(h1, 'Closed'), fieldValue(b1, 'Closed'));
  });

  it('public: the ephemeral placeholder is deleted, then the report goes to the channel', async () => {
    const r = await h.command('skill vip public');
    const posts = await h.responses(r.responseId, 2);
    assert.equal(posts[0]!.body.delete_original, true);
    assert.equal(posts[1]!.body.response_type, 'in_channel');
    assert.ok(fieldValue(posts[1]!.body, 'Waiting in queue') !== undefined);
  });

  it('names with & and < arrive escaped from Slack, resolve, and are escaped in the answer', async () => {
    const r = await h.command(slackEscape('skill Returns & Exchanges'));
    const final = finalOf(await h.responses(r.responseId));
    const json = JSON.stringify(final);
    assert.match(json, /Returns &amp; Exchanges/);
    assert.ok(!json.includes('Returns & Exchanges'));
    const r2 = await h.command(slackEscape('skill loyalty <gold>'));
    const f2 = JSON.stringify(finalOf(await h.responses(r2.responseId)));
    assert.match(f2, /Loyalty &lt;Gold&gt;/);
    assert.ok(!f2.includes('<Gold>'));
  });

  it('/queue help and garbage are answered inside the ack, without touching LivePerson', async () => {
    h.sim.resetStats();
    const help = await h.command('help');
    assert.match(JSON.stringify(help.ack), /\/queue skill/);
    const junk = await h.command('frobnicate the widgets');
    assert.match(JSON.stringify(junk.ack), /frobnicate/);
    assert.equal(h.sim.stats().metrics, 0);
    assert.equal(h.slack.responsesTo(help.responseId).length, 0);
  });

  it('"since 08:00" means 08:00 in the asker’s own timezone (users.info), else DEFAULT_TIMEZONE', async () => {
    h.slack.userTimezones.set('U0NYC', 'America/New_York');
    const ny = await h.command('skill billing since 08:00', { userId: 'U0NYC' });
    const nyFinal = finalOf(await h.responses(ny.responseId));
    // BUSY_NOW is 15:00 UTC = 10:00 in New York: the window starts 08:00 EST = 13:00 UTC.
    const nyFrom = Date.UTC(2026, 10, 25, 13, 0, 0) / 1000;
    assert.match(JSON.stringify(nyFinal), new RegExp(`<!date\\^${nyFrom}\\^`));
    const utc = await h.command('skill billing since 08:00', { userId: 'U0NOBODY' });
    const utcFinal = finalOf(await h.responses(utc.responseId));
    assert.match(
      JSON.stringify(utcFinal),
      new RegExp(`<!date\\^${Date.UTC(2026, 10, 25, 8, 0, 0) / 1000}\\^`),
    );
    assert.ok(h.slack.callsTo('users.info').some((c) => c.args.user === 'U0NYC'));
  });

  it('a window over 24 h gets a kind explanation, not an API error', async () => {
    const r = await h.command('skill billing last 30h');
    assert.match(JSON.stringify(r.ack), /30 h.*24 h/);
  });

  it('unknown name: "Did you mean Billing?" with a button that runs the report', async () => {
    const r = await h.command('skill biling');
    const final = finalOf(await h.responses(r.responseId));
    assert.match(texts(final).join('\n'), /No skill called 'biling'.*Did you mean \*Billing\*/s);
    const pick = buttons(final).find((b) => b.text === 'Billing');
    assert.ok(pick, JSON.stringify(buttons(final)));
    const click = await h.click({ actionId: pick.actionId, value: pick.value });
    assert.equal(click.status, 200);
    const after = finalOf(await h.responses(click.responseId, 2));
    assert.ok(fieldValue(after, 'Waiting in queue') !== undefined);
    assert.match(JSON.stringify(after), /Billing/);
  });

  it('an ambiguous name is reported with a choice, never guessed', async () => {
    const r = await h.command('skill tech support');
    const final = finalOf(await h.responses(r.responseId));
    const names = buttons(final).map((b) => b.text);
    assert.ok(
      names.includes('Tech Support - Hardware') && names.includes('Tech Support - Software'),
      names.join(),
    );
    assert.equal(fieldValue(final, 'Waiting in queue'), undefined);
  });

  it('ranking pages: Next shows the following rows', async () => {
    const r = await h.command('skills by closed top 3');
    const first = finalOf(await h.responses(r.responseId));
    const next = buttons(first).find((b) => b.actionId === 'qp:page:next');
    assert.ok(next, 'a Next button');
    const click = await h.click({ actionId: next.actionId, value: next.value });
    const second = finalOf(await h.responses(click.responseId));
    assert.equal(second.replace_original, true);
    assert.match(texts(second).join('\n'), /4\./);
  });

  it('LivePerson 500s read as "unreachable", with no stack trace and the detail in the log', async () => {
    h.sim.inject({ route: 'metrics', status: 500, times: 20 });
    const r = await h.command('skill onboarding');
    const final = finalOf(await h.responses(r.responseId, 1, 25_000));
    assert.match(texts(final).join('\n'), /LivePerson isn't answering right now/);
    assert.equal(fieldValue(final, 'Waiting in queue'), undefined);
    assertNoLeak(final);
    const failure = h.logger.records().find((l) => /queue report failed/.test(String(l.msg)));
    assert.ok(failure, 'the failure is logged');
    assert.match(String(failure.msg), /LivePersonUnavailableError \(unavailable HTTP 500\)/);
    assert.equal(failure.user, 'U0456', 'on the request’s child logger');
    assert.equal(failure.surface, 'command');
  });

  it('LivePerson rate limiting reads as such', async () => {
    // Enough for every call of the report (everyone's figures and the bots') and its retries.
    h.sim.inject({ route: 'metrics', status: 429, retryAfterSeconds: 60, times: 20 });
    const r = await h.command('skill sales last 2h');
    const final = finalOf(await h.responses(r.responseId, 1, 20_000));
    assert.match(texts(final).join('\n'), /limiting how often|rate limit|too many/i);
    assertNoLeak(final);
  });

  it('a button value that no longer decodes gets a readable message beside it, never an error', async () => {
    for (const [actionId, value] of [
      ['qp:page:next', '1|{"garbage":true'],
      ['qp:page:next', '1|{"kind":"page","query":{"kind":"ranking"},"page":2}'],
      ['qp:pick:0', '1@no-such-key-in-the-store'],
      // A button of the bot's first version, still in someone's channel.
      ['page_next', '{"q":{"kind":"overview"}}'],
    ] as const) {
      const click = await h.click({ actionId, value });
      assert.equal(click.status, 200);
      const final = finalOf(await h.responses(click.responseId));
      assert.match(texts(final).join('\n'), /older message; run the command again/, `${actionId} ${value}`);
      assert.equal(final.replace_original, false, 'the clicked message stays as it was');
    }
  });

  it('an expired response_url falls back to chat.postEphemeral, so the answer is not lost', async () => {
    const before = h.slack.callsTo('chat.postEphemeral').length;
    h.slack.expiredResponseUrls.add('expired-cmd');
    await h.command('skill sales', { channelId: 'C0999', responseId: 'expired-cmd' });
    const call = await h.slack.waitFor(() => h.slack.callsTo('chat.postEphemeral')[before]);
    assert.equal(call.args.channel, 'C0999');
    assert.equal(call.args.user, 'U0456');
  });

  it('app_home_opened publishes the Home tab with usage and the data source', async () => {
    const res = await h.openHome();
    assert.equal(res.status, 200);
    const call = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[0]);
    assert.equal(call.args.user_id, 'U0456');
    const view = call.args.view as { type: string; blocks: unknown[] };
    assert.equal(view.type, 'home');
    assert.match(JSON.stringify(view.blocks), /\/queue skill/);
    assert.match(JSON.stringify(view.blocks), /simulator/);
  });

  it('a suggestion click whose response_url expired still answers, via chat.postEphemeral', async () => {
    const r = await h.command('skill biling');
    const pick = buttons(finalOf(await h.responses(r.responseId))).find((b) => b.text === 'Billing')!;
    h.slack.expiredResponseUrls.add('expired-click');
    const before = h.slack.callsTo('chat.postEphemeral').length;
    const click = await h.click({ actionId: pick.actionId, value: pick.value, responseId: 'expired-click' });
    assert.equal(click.status, 200);
    const call = await h.slack.waitFor(() => h.slack.callsTo('chat.postEphemeral')[before]);
    assert.match(JSON.stringify(call.args.blocks), /Waiting in queue/);
  });

  it('never writes credentials to the log', async () => {
    // Its own traffic, so the test means the same run alone (--grep) or after the others.
    h.sim.inject({ route: 'metrics', status: 500, times: 1 });
    const r = await h.command('skill billing last 2h');
    await h.responses(r.responseId);
    const log = h.logger.lines.join('\n');
    assert.ok(h.logger.lines.length > 5, 'there is a log to look at');
    assert.ok(!log.includes(DEFAULT_OAUTH.appSecret));
    assert.ok(!log.includes(DEFAULT_OAUTH.accessTokenSecret));
    assert.ok(!log.includes(SIGNING_SECRET));
    assert.ok(!log.includes(BOT_TOKEN));
  });
});
