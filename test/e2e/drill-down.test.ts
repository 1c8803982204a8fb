/**
 * Reports explored by clicks alone, through the real Bolt app over signed HTTP: each button of a
 * report's action bar, the menus, share, watch and App Home, with the requests recorded at the
 * simulator and the replaced messages read back from the fake Slack.
 */
import { strict as assert } from 'node:assert';
import { encodeActionValue, type ActionRef } from '../../src/slack/action-ref';
import { HOUR_MS } from '../../src/domain/time';
import { CLICK_SETTLE_MS, DOUBLE_CLICK_MS } from '../../src/slack/listeners/actions/router';
import { buttons as buttonsOf, startHarness, texts, type Harness } from './harness';

type Message = Record<string, unknown>;

interface Element {
  type: string;
  action_id?: string;
  value?: string;
  text?: { text: string };
  options?: { text: { text: string }; value: string }[];
  option_groups?: { label: { text: string }; options: { text: { text: string }; value: string }[] }[];
  initial_option?: { value: string };
}

/** The elements of a report's action bar. */
function bar(message: Message): Element[] {
  const blocks = (message.blocks ?? []) as { block_id?: string; elements?: Element[] }[];
  return blocks.find((b) => b.block_id === 'report_actions')?.elements ?? [];
}

function barButton(message: Message, label: string | RegExp): { actionId: string; value: string } {
  const b = bar(message).find(
    (e) =>
      e.type === 'button' &&
      (typeof label === 'string' ? e.text?.text === label : label.test(e.text?.text ?? '')),
  );
  assert.ok(
    b,
    `no "${String(label)}" button in ${bar(message)
      .map((e) => e.text?.text ?? e.type)
      .join(', ')}`,
  );
  return { actionId: b.action_id!, value: b.value! };
}

const textOf = (m: Message): string => texts(m).join('\n');

describe('e2e: reports explored by clicks alone', function () {
  this.timeout(90_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const last = (posts: { body: Message }[]): Message => posts[posts.length - 1]!.body;

  /** `/queue <text>`, answered; returns the report. */
  async function ask(text: string): Promise<Message> {
    const r = await h.command(text);
    assert.equal(r.status, 200);
    const posts = await h.responses(r.responseId);
    return last(posts);
  }

  /** A click on a private message; returns every post to its response_url once `count` arrived. */
  async function click(
    target: { actionId: string; value: string },
    opts: { count?: number; messageTs?: string; selectedText?: string; select?: boolean } = {},
  ): Promise<{ posts: Message[]; responseId: string }> {
    const r = await h.click({
      actionId: target.actionId,
      ...(opts.select
        ? { selectedValue: target.value, ...(opts.selectedText ? { selectedText: opts.selectedText } : {}) }
        : { value: target.value }),
      ...(opts.messageTs ? { messageTs: opts.messageTs } : {}),
    });
    assert.equal(r.status, 200);
    const posts = await h.responses(r.responseId, opts.count ?? 2);
    return { posts: posts.map((p) => p.body), responseId: r.responseId };
  }

  it('a skill report offers its drill-downs, refresh, a window picker, share and watch', async () => {
    const report = await ask('skill billing');
    const labels = bar(report).map((e) => (e.type === 'button' ? e.text?.text : e.type));
    assert.deepEqual(labels, [
      'By agent group',
      'Agents',
      'Trend',
      'Compare',
      '↻ Refresh',
      'static_select',
      'Share to channel',
      'overflow',
    ]);
    const picker = bar(report).find((e) => e.type === 'static_select')!;
    assert.deepEqual(
      picker.options?.map((o) => o.text.text),
      ['Last hour', 'Last 4 hours', 'Last 8 hours', 'Last 24 hours', 'Today'],
    );
    assert.equal(picker.initial_option?.value, picker.options?.[0]?.value, 'the current window is chosen');
    for (const o of picker.options ?? []) assert.ok(o.value.length <= 75, `option value ${o.value}`);
  });

  it('skill → "By agent group": metrics for that skill grouped by agent group, in place of the report', async () => {
    const report = await ask('skill billing');
    h.sim.resetStats();
    const { posts } = await click(barButton(report, 'By agent group'));
    const [placeholder, answer] = posts;
    assert.equal(placeholder!.replace_original, true);
    assert.match(textOf(placeholder!), /Fetching/);
    assert.equal(answer!.replace_original, true, 'the report is replaced in place');
    assert.match(textOf(answer!), /^Agent groups \(own agents\) for skill Billing by human load · last 1h/);
    const body = h.sim.requests('metrics')[0] as { filters: { skillIds?: string[] }; groupBy?: string };
    assert.deepEqual(body.filters.skillIds, ['1001']);
    assert.equal(body.groupBy, 'agentGroupId');

    // And back to the skill, by id.
    const back = await click(barButton(answer!, /^◀ Billing$/));
    assert.match(textOf(back.posts[1]!), /^.*\n?Skill Billing · last 1h/m);
  });

  it('group → "By skill": the group and its sub-groups, grouped by skill', async () => {
    const report = await ask('group "tier 1"');
    h.sim.resetStats();
    const { posts } = await click(barButton(report, 'By skill'));
    assert.match(textOf(posts[1]!), /^Skills for group Tier 1 \(with sub-groups\) by closed/);
    const body = h.sim.requests('metrics')[0] as { filters: { agentGroupIds?: string[] }; groupBy?: string };
    assert.ok((body.filters.agentGroupIds?.length ?? 0) > 1, 'the group and its sub-groups');
    assert.equal(body.groupBy, 'skillId');
  });

  it('skill → "Agents": agent_view for agents with that skill, sorted by load', async () => {
    const report = await ask('skill billing');
    h.sim.resetStats();
    const { posts } = await click(barButton(report, 'Agents'));
    assert.match(textOf(posts[1]!), /^Agents · Skill Billing · last 1h/);
    const [call] = h.sim.recorded('agentView');
    assert.equal(call?.query.sort, 'agentLoad:desc');
    assert.deepEqual((call?.body as { filters: { agentSkillIds?: string[] } }).filters.agentSkillIds, [
      '1001',
    ]);
  });

  it('skill → "Trend": historical closed, concluded and transfers for that skill, and back', async () => {
    const report = await ask('skill billing last 5h');
    h.sim.resetStats();
    const { posts } = await click(barButton(report, 'Trend'));
    const trend = posts[1]!;
    assert.match(textOf(trend), /^Trend · Skill Billing · last 5h/);
    const body = h.sim.requests('historical')[0] as {
      filters: { skillIds?: string[] };
      metricsToRetrieveByTime: string[];
    };
    assert.deepEqual(body.filters.skillIds, ['1001']);
    assert.deepEqual([...body.metricsToRetrieveByTime].sort(), [
      'closed_conversations',
      'concluded_conversations',
      'transfers',
    ]);
    const back = await click(barButton(trend, /^◀ Billing$/));
    assert.match(textOf(back.posts[1]!), /Skill Billing · last 5h/);
  });

  it('the overview → "Trend": the whole account', async () => {
    const overview = await ask('last 2h');
    h.sim.resetStats();
    const { posts } = await click(barButton(overview, 'Trend'));
    assert.match(textOf(posts[1]!), /^Trend · /);
    const body = h.sim.requests('historical')[0] as { filters: Record<string, unknown> };
    assert.equal(body.filters.skillIds, undefined);
    assert.equal(body.filters.agentGroupIds, undefined);
  });

  it('skill → "Compare": the same window yesterday and a week ago, beside each period KPI', async () => {
    const report = await ask('skill billing last 2h');
    h.sim.resetStats();
    const { posts } = await click(barButton(report, 'Compare'));
    const compared = posts[1]!;
    assert.match(textOf(compared), /vs yesterday/);
    assert.match(textOf(compared), /vs last week/);
    assert.ok(!bar(compared).some((e) => e.text?.text === 'Compare'), 'compared already');
    const windows = (h.sim.requests('metrics') as { filters: { time: { from: number } } }[]).map(
      (b) => b.filters.time.from,
    );
    const now = h.now();
    const from = now - 2 * HOUR_MS;
    // (Today's own window may come from the 30 s cache; the earlier ones are new questions.)
    for (const back of [1, 7])
      assert.ok(
        windows.some((w) => Math.abs(w - (from - back * 24 * HOUR_MS)) < 60_000),
        `a window ${back} days back`,
      );
  });

  it('the window picker re-runs the report over the chosen window', async () => {
    const report = await ask('skill billing');
    const picker = bar(report).find((e) => e.type === 'static_select')!;
    const fourHours = picker.options!.find((o) => o.text.text === 'Last 4 hours')!;
    h.sim.resetStats();
    const { posts } = await click({ actionId: picker.action_id!, value: fourHours.value }, { select: true });
    assert.match(textOf(posts[1]!), /Skill Billing · last 4h/);
    const body = h.sim.requests('metrics')[0] as { filters: { time: { from: number; to: number } } };
    assert.equal(body.filters.time.to - body.filters.time.from, 4 * HOUR_MS);
  });

  it('Refresh asks LivePerson again, past the cache', async () => {
    const report = await ask('skill billing last 2h');
    h.sim.resetStats();
    await click(barButton(report, '↻ Refresh'));
    assert.ok(h.sim.stats().metrics >= 1, 'refetched, not served from the 30 s cache');
  });

  it('a button minted a day earlier shows the new day: its window is resolved at click time', async () => {
    const ref: ActionRef = {
      kind: 'run',
      query: { kind: 'skill', name: 'Billing', window: { kind: 'today' }, public: false },
      id: '1001',
      zone: 'UTC',
      fresh: true,
    };
    const value = encodeActionValue(ref);
    const minted = h.now();
    h.setNow(minted + 24 * HOUR_MS);
    try {
      h.sim.resetStats();
      await click({ actionId: 'qp:run:refresh', value });
      const body = h.sim.requests('metrics')[0] as { filters: { time: { from: number } } };
      const midnight = new Date(minted + 24 * HOUR_MS);
      midnight.setUTCHours(0, 0, 0, 0);
      assert.equal(body.filters.time.from, midnight.getTime());
    } finally {
      h.setNow(minted);
    }
  });

  it('a tampered button value gets the stale-button note, and LivePerson is not asked', async () => {
    h.sim.resetStats();
    const forged =
      '1|{"kind":"run","query":{"kind":"skill","name":"x","window":{"kind":"last","ms":999999999999},"public":false}}';
    const r = await h.click({ actionId: 'qp:run:refresh', value: forged });
    const [note] = await h.responses(r.responseId);
    assert.match(textOf(note!.body), /button|expired|older/i);
    assert.equal(h.sim.stats().metrics, 0);
  });

  it('a click on a report about a skill deleted since gets a friendly answer, no stack trace', async () => {
    const value = encodeActionValue({
      kind: 'run',
      query: {
        kind: 'skill',
        name: 'Legacy Billing Retired',
        window: { kind: 'last', ms: HOUR_MS },
        public: false,
      },
      id: '1099',
    });
    const { posts } = await click({ actionId: 'qp:run:refresh', value });
    const text = textOf(posts[1]!);
    assert.match(text, /Legacy Billing Retired/);
    assert.ok(!/at .*\.(ts|js):\d+/.test(JSON.stringify(posts[1])), 'no stack trace');
  });

  it('a double click runs once: the second identical click is dropped', async () => {
    // A window no earlier test asked for: the answer is not in the 30 s cache.
    const report = await ask('skill billing last 3h');
    const target = barButton(report, 'Agents');
    h.sim.resetStats();
    const messageTs = '1732550000.777777';
    const [a, b] = await Promise.all([
      h.click({ actionId: target.actionId, value: target.value, messageTs }),
      h.click({ actionId: target.actionId, value: target.value, messageTs }),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const answered = await h.slack.waitFor(() => {
      const n = h.slack.responsesTo(a.responseId).length + h.slack.responsesTo(b.responseId).length;
      return n >= 2 ? n : undefined;
    });
    await new Promise((r) => setTimeout(r, 500));
    const total = h.slack.responsesTo(a.responseId).length + h.slack.responsesTo(b.responseId).length;
    assert.equal(total, answered, 'nothing more arrived');
    assert.equal(total, 2, 'one placeholder and one answer, for one of the two clicks');
    // One agents list asked (its bots probe, userTypes BOT, aside).
    const lists = h.sim
      .recorded('agentView')
      .filter((c) => !(c.body as { filters: { userTypes?: string[] } }).filters.userTypes?.includes('BOT'));
    assert.equal(lists.length, 1);
  });

  it('the same click again once its answer is out (Refresh a few seconds later) runs again', async () => {
    const report = await ask('skill billing last 5h');
    const refresh = barButton(report, '↻ Refresh');
    const messageTs = '1732550000.888888';
    const first = await h.click({ actionId: refresh.actionId, value: refresh.value, messageTs });
    assert.match(textOf(last(await h.responses(first.responseId, 2))), /Skill Billing/);
    // Past the settle window, well inside the double-click one: a lead asking again, not a double.
    assert.ok(CLICK_SETTLE_MS + 300 < DOUBLE_CLICK_MS);
    await new Promise((r) => setTimeout(r, CLICK_SETTLE_MS + 300));
    const second = await h.click({ actionId: refresh.actionId, value: refresh.value, messageTs });
    assert.match(textOf(last(await h.responses(second.responseId, 2))), /Skill Billing/);
  });

  it('an expired response_url: the drill-down still arrives, as a new private message', async () => {
    const report = await ask('skill billing');
    const target = barButton(report, 'By agent group');
    h.slack.expiredResponseUrls.add('expired-drill');
    const before = h.slack.callsTo('chat.postEphemeral').length;
    await h.click({ actionId: target.actionId, value: target.value, responseId: 'expired-drill' });
    const call = await h.slack.waitFor(() => h.slack.callsTo('chat.postEphemeral')[before]);
    assert.match(JSON.stringify(call.args.blocks), /Agent groups \(own agents\) for skill Billing/);
  });

  it('Refresh on a shared report past its response_url edits the message with chat.update', async () => {
    const r = await h.command('skill billing public');
    const report = last(await h.responses(r.responseId, 2));
    assert.equal(report.response_type, 'in_channel');
    const target = barButton(report, '↻ Refresh');
    h.slack.expiredResponseUrls.add('expired-refresh');
    const before = h.slack.callsTo('chat.update').length;
    await h.click({
      actionId: target.actionId,
      value: target.value,
      responseId: 'expired-refresh',
      ephemeral: false,
      messageTs: '1732550000.123456',
    });
    const call = await h.slack.waitFor(() => h.slack.callsTo('chat.update')[before]);
    assert.equal(call.args.ts, '1732550000.123456');
    assert.match(JSON.stringify(call.args.blocks), /Skill Billing/);
  });

  it('Share posts the report for everyone with "Shared by", the asker\'s copy says so, and only once', async () => {
    const report = await ask('skill billing');
    const share = barButton(report, 'Share to channel');
    const messageTs = '1732550000.424242';
    const before = h.slack.callsTo('chat.postMessage').length;
    const { posts } = await click(share, { messageTs, count: 1 });
    const [own] = posts;
    assert.equal(own!.replace_original, true);
    assert.match(textOf(own!), /You shared this to the channel/);
    assert.ok(!bar(own!).some((e) => e.text?.text === 'Share to channel'), 'no second share on the copy');
    const shared = h.slack.callsTo('chat.postMessage').slice(before);
    assert.equal(shared.length, 1);
    assert.equal(shared[0]!.args.channel, 'C0123');
    assert.match(JSON.stringify(shared[0]!.args.blocks), /Shared by <@U0456>/);
    assert.ok(!/Share to channel/.test(JSON.stringify(shared[0]!.args.blocks)));

    // Refresh on the shared copy keeps saying who shared it, for everyone.
    const sharedBlocks = { blocks: shared[0]!.args.blocks } as Message;
    const refresh = barButton(sharedBlocks, '↻ Refresh');
    const r = await h.click({ actionId: refresh.actionId, value: refresh.value, ephemeral: false });
    const [refreshed] = await h.responses(r.responseId);
    assert.equal(refreshed!.body.replace_original, true);
    assert.match(textOf(refreshed!.body), /Shared by <@U0456>/);

    // A colleague clicks Share on the same message (past the double-click guard, which is per user).
    const again = await h.click({ actionId: share.actionId, value: share.value, messageTs, userId: 'U0999' });
    const [note] = await h.responses(again.responseId);
    assert.match(textOf(note!.body), /shared to the channel already/);
    assert.equal(note!.body.response_type, 'ephemeral');
    assert.equal(h.slack.callsTo('chat.postMessage').length, before + 1, 'one share');
  });

  it('Share where the bot is not in the channel posts through the response_url and says so', async () => {
    const r = await h.command('skill billing', { channelId: 'C0OUT' });
    const report = last(await h.responses(r.responseId));
    h.slack.channelErrors.set('C0OUT', 'not_in_channel');
    try {
      const share = barButton(report, 'Share to channel');
      const c = await h.click({ actionId: share.actionId, value: share.value, channelId: 'C0OUT' });
      const [shared, note] = (await h.responses(c.responseId, 2)).map((p) => p.body);
      assert.equal(shared!.response_type, 'in_channel');
      assert.match(textOf(shared!), /Shared by <@U0456>/);
      assert.equal(note!.response_type, 'ephemeral');
      assert.equal(
        note!.replace_original,
        false,
        "the asker's copy is not replaced after a post through the URL",
      );
      assert.match(textOf(note!), /Shared to the channel/);
    } finally {
      h.slack.channelErrors.delete('C0OUT');
    }
  });

  it('an Agents list pages by the id it resolved, not by name again', async () => {
    const report = await ask('skill billing');
    const { posts } = await click(barButton(report, 'Agents'));
    const next = buttonsOf(posts[1]!).find((b) => b.actionId === 'qp:page:next');
    assert.ok(next, 'a Next button');
    assert.match(next.value, /"id":"1001"/);
  });

  it('a stale click on the App Home tab publishes Home again instead of losing a note', async () => {
    const before = h.slack.callsTo('views.publish').length;
    // Its own user: Home asks LivePerson once a minute per user, and later tests watch as U0456.
    const r = await h.click({
      actionId: 'qp:unwatch:0',
      value: '1|{"kind":"unwatch"}',
      home: true,
      userId: 'U0777',
    });
    assert.equal(r.status, 200);
    const call = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[before]);
    assert.equal(call.args.user_id, 'U0777');
  });

  it('a button whose skill was deleted does not show another skill that merely starts with its name', async () => {
    const value = encodeActionValue({
      kind: 'run',
      query: { kind: 'skill', name: 'Bot', window: { kind: 'last', ms: HOUR_MS }, public: false },
      id: '9999',
    });
    const { posts } = await click({ actionId: 'qp:run:refresh', value });
    const text = textOf(posts[1]!);
    assert.ok(!/^.*Skill Bot Triage/m.test(text), text);
    assert.match(text, /Bot/);
  });

  it('the overview opens any skill or group from its menu', async () => {
    const overview = await ask('');
    const menu = bar(overview).find((e) => e.action_id === 'qp:open')!;
    assert.ok(menu, 'a menu');
    assert.deepEqual(
      menu.option_groups?.map((g) => g.label.text),
      ['Skills', 'Agent groups'],
    );
    const billing = menu.option_groups[0]!.options.find((o) => o.text.text === 'Billing')!;
    h.sim.resetStats();
    const { posts } = await click(
      { actionId: 'qp:open', value: billing.value },
      { select: true, selectedText: 'Billing' },
    );
    assert.match(textOf(posts[1]!), /Skill Billing · last 1h/);
  });

  it('Watch adds the skill to App Home; opening Home shows its headline; Unwatch removes it', async () => {
    const report = await ask('skill billing');
    const overflow = bar(report).find((e) => e.type === 'overflow')!;
    const watch = overflow.options!.find((o) => o.text.text === 'Watch on App Home')!;
    const publishes = () => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U0456');
    const before = publishes().length;
    const { posts } = await click(
      { actionId: overflow.action_id!, value: watch.value },
      { select: true, count: 1 },
    );
    assert.match(textOf(posts[0]!), /Watching \*Billing\* on your App Home/);
    type HomeBlock = {
      block_id?: string;
      text?: { text: string };
      accessory?: { action_id: string; value: string };
    };
    const itemOf = (c: { args: Record<string, unknown> }) =>
      (c.args.view as { blocks: HomeBlock[] }).blocks.find((b) => b.block_id === 'watch_0');
    // Published at once with the new item, then again with its figures.
    const home = await h.slack.waitFor(() =>
      publishes()
        .slice(before)
        .find((c) => {
          const text = itemOf(c)?.text?.text ?? '';
          return /Billing/.test(text) && !/Figures come with the next refresh/.test(text);
        }),
    );
    const item = itemOf(home);
    assert.match(item?.text?.text ?? '', /waiting|free human slots|online/);
    assert.ok(item?.accessory, 'the watched skill with its Unwatch button');

    const unwatched = publishes().length;
    const r = await h.click({ actionId: item.accessory.action_id, value: item.accessory.value });
    assert.equal(r.status, 200);
    const after = await h.slack.waitFor(() => publishes()[unwatched]);
    assert.ok(!/watch_0/.test(JSON.stringify(after.args.view)), 'gone from Home');
    assert.match(JSON.stringify(after.args.view), /Nothing yet/);
  });
});
