import { strict as assert } from 'node:assert';
import type { AgentRow } from '../../../src/domain/agents';
import { checkMessage } from '../../../src/slack/views/limits';
import { agentLine, renderAgents, sinceText } from '../../../src/slack/views/agents';
import { renderReport } from '../../../src/slack/views/report';
import { agentRows, agentsQuery, agentsReport } from '../../fixtures/agents';
import {
  allText,
  assertNoRawControl,
  buttons,
  FETCHED_AT,
  headerText,
  HOSTILE_NAME,
  refOf,
  sectionTexts,
} from '../../fixtures/reports';

/** The skill id the fixtures' agents lists resolved to. */
const AGENTS_SCOPE_ID = '1001';

function lines(blocks: Parameters<typeof sectionTexts>[0]): string[] {
  return sectionTexts(blocks, 'agents_rows').flatMap((t) => t.split('\n'));
}

describe('agents view', () => {
  it('header, one line per agent with status and how long, load, conversations, closed, response', () => {
    const msg = renderReport(agentsReport(agentRows(3)));
    assert.equal(headerText(msg.blocks), 'Agents · Skill Billing · last 4h');
    assert.equal(
      lines(msg.blocks)[0],
      ':large_green_circle: *Agent 01* — online 12m · load 100% · 2 assigned / 1 active of 3 slots · 14 closed · avg response 45s',
    );
    assert.equal(lines(msg.blocks).length, 3);
    const text = allText(msg.blocks);
    assert.match(text, /Showing 1–3 of 3 agents · sorted by load/);
    assert.match(
      text,
      /3 agents logged in, 3 people online · busiest: \*Agent 01\* at 100% \(2 of 3 slots\)/,
    );
    assert.match(msg.text, /^3 agents logged in/);
    assert.match(msg.text, /1\. Agent 01 100%/);
    assert.deepEqual(checkMessage(msg), []);
  });

  it('a group says it counts its sub-groups', () => {
    const msg = renderAgents(
      agentsReport(agentRows(1), { query: agentsQuery({ of: 'group', name: 'tier 1' }) }),
    );
    assert.match(headerText(msg.blocks), /^Agents · Group Billing \(with sub-groups\) · last 4h$/);
  });

  it('escapes a name like <!channel> & <b> everywhere it appears', () => {
    const rows = agentRows(2);
    rows[0]!.name = '<!channel> & <b>';
    const msg = renderAgents(agentsReport(rows));
    const text = allText(msg.blocks) + msg.text;
    for (const raw of ['<!channel>', '<b>', '& ']) assertNoRawControl(text, raw);
    assert.ok(lines(msg.blocks)[0]!.includes('*&lt;!channel&gt; &amp; &lt;b&gt;*'));
  });

  it('marks bots, and an unnamed agent reads by id', () => {
    const rows = agentRows(2);
    rows[1] = { ...rows[1]!, bot: true, name: null };
    const [human, bot] = lines(renderAgents(agentsReport(rows)).blocks);
    assert.ok(!human!.includes(':robot_face:'));
    assert.match(bot!, /^:large_green_circle: :robot_face: \*Unnamed agent \(7002\)\* \(bot\) — /);
  });

  it('status words and durations: to the minute, up to a week; away, back soon, unknown', () => {
    assert.equal(sinceText(30_000), '<1m');
    assert.equal(sinceText(12 * 60_000 + 59_000), '12m');
    assert.equal(sinceText(3 * 3_600_000 + 5 * 60_000), '3h 05m');
    assert.equal(sinceText(2 * 86_400_000 + 3 * 3_600_000), '2d 03h');
    assert.equal(sinceText(400 * 86_400_000), 'over a week');
    assert.equal(sinceText(-5_000), '<1m', 'a start time after the fetch is clock skew');
    const base: AgentRow = { id: '1', name: 'A', bot: false };
    const at = (row: Partial<AgentRow>) => agentLine({ ...base, ...row }, FETCHED_AT, 60);
    assert.match(
      at({ status: 'away', statusSince: FETCHED_AT - 65 * 60_000 }),
      /^:large_orange_circle: \*A\* — away 1h 05m · load —$/,
    );
    assert.match(at({ status: 'back-soon' }), /^:large_yellow_circle: \*A\* — back soon · load —$/);
    // The line is mrkdwn: "<1m" goes out escaped, or Slack reads the "<" as the start of a link.
    assert.match(
      at({ status: 'online', statusSince: FETCHED_AT - 5_000, avgResponseMs: 400 }),
      /— online &lt;1m · load — · avg response &lt;1s$/,
    );
    assert.match(at({}), /^:grey_question: \*A\* — status unknown · load —$/);
  });

  it('Previous / Next page the same agents query; none on a single page', () => {
    const single = renderAgents(agentsReport(agentRows(4)));
    assert.deepEqual(buttons(single.blocks), []);
    const first = renderAgents(agentsReport(agentRows(10), { total: 34 }));
    assert.deepEqual(
      buttons(first.blocks).map((b) => b.action_id),
      ['qp:page:next'],
    );
    assert.deepEqual(refOf(buttons(first.blocks)[0]!.value), {
      kind: 'page',
      query: agentsQuery(),
      page: 2,
      id: AGENTS_SCOPE_ID,
    });
    const middle = renderAgents(agentsReport(agentRows(10, 10), { total: 34, page: 2 }));
    assert.deepEqual(
      buttons(middle.blocks).map((b) => [b.action_id, refOf(b.value)?.kind === 'page' && refOf(b.value)]),
      [
        ['qp:page:prev', { kind: 'page', query: agentsQuery(), page: 1, id: AGENTS_SCOPE_ID }],
        ['qp:page:next', { kind: 'page', query: agentsQuery(), page: 3, id: AGENTS_SCOPE_ID }],
      ],
    );
    assert.match(allText(middle.blocks), /Showing 11–20 of 34 agents · sorted by load · page 2 of 4/);
    const last = renderAgents(agentsReport(agentRows(4, 30), { total: 34, page: 4 }));
    assert.deepEqual(
      buttons(last.blocks).map((b) => b.action_id),
      ['qp:page:prev'],
    );
  });

  it('later pages do not name a busiest person they cannot see', () => {
    const middle = renderAgents(agentsReport(agentRows(10, 10), { total: 34, page: 2 }));
    assert.match(middle.text, /^34 agents logged in · Agents/);
    assert.ok(!allText(middle.blocks).includes('busiest'));
  });

  it('no agents: one sentence, no buttons', () => {
    const msg = renderAgents(agentsReport([]));
    assert.deepEqual(lines(msg.blocks), ['No agents with this skill are logged in right now.']);
    assert.deepEqual(buttons(msg.blocks), []);
    const bots = renderAgents(agentsReport([], { query: agentsQuery({ of: 'group', audience: 'bots' }) }));
    assert.deepEqual(lines(bots.blocks), [
      'No bots in this group or its sub-groups are logged in right now.',
    ]);
    assert.deepEqual(checkMessage(msg), []);
  });

  it('says when the bots could not be told apart', () => {
    const msg = renderAgents(agentsReport(agentRows(3), { botsUnknown: true }));
    assert.match(allText(msg.blocks), /did not say which of these are bots/);
    assert.ok(!allText(msg.blocks).includes('busiest'));
  });

  it('ten agents with 300-character hostile names, on a middle page, stay within Slack limits', () => {
    const rows = agentRows(10, 10).map((r) => ({ ...r, name: HOSTILE_NAME }));
    const report = agentsReport(rows, { total: 34, page: 2, query: agentsQuery({ name: HOSTILE_NAME }) });
    const msg = renderAgents({ ...report, name: HOSTILE_NAME });
    assert.deepEqual(checkMessage(msg), []);
    assert.equal(lines(msg.blocks).length, 10, 'no agent dropped');
    assertNoRawControl(allText(msg.blocks) + msg.text, '<!channel>');
  });
});
