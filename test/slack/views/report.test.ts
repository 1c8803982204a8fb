import { strict as assert } from 'node:assert';
import type { KmmResponse } from '../../../src/liveperson/contract/metrics-response';
import type { Report } from '../../../src/domain/report';
import { checkMessage } from '../../../src/slack/views/limits';
import { renderReport } from '../../../src/slack/views/report';
import {
  allText,
  billingResponse,
  FETCHED_AT,
  field,
  fieldsUnder,
  groupQuery,
  groupResponse,
  headerText,
  lastHours,
  NOW,
  overviewQuery,
  overviewResponse,
  partialResponse,
  sectionTexts,
  skillQuery,
  SOURCE,
  buildReport,
  windowAt,
  withoutActions,
} from '../../fixtures/reports';

function skillReport(
  responses: KmmResponse = billingResponse(),
  name: string | null = 'Billing',
  id = '1001',
  window = lastHours(4),
): Report {
  return buildReport({
    query: skillQuery('billing', window),
    scope: { id, name },
    responses,
    fetchedAt: FETCHED_AT,
    source: SOURCE,
  });
}

describe('renderReport', () => {
  describe('skill', () => {
    const msg = renderReport(skillReport());

    it('puts the skill and window in the header', () => {
      assert.equal(headerText(msg.blocks), 'Skill Billing · last 4h');
    });

    it('shows queue-now KPIs with their formatted values and marks', () => {
      const queue = fieldsUnder(msg.blocks, '*Queue now*');
      assert.equal(queue.length, 4);
      // 4 slots are free, but the queue has waited past its target: the mark says so, and why.
      assert.equal(
        field(queue, 'Waiting in queue'),
        ':large_yellow_circle: *Waiting in queue*\n7 · _p90 over the 2m target_',
      );
      assert.equal(
        field(queue, 'Overdue in queue'),
        ':large_yellow_circle: *Overdue in queue*\n2 · _1+ overdue_',
      );
      assert.equal(field(queue, 'Queue wait p50'), '*Queue wait p50*\n1m 35s');
      assert.equal(
        field(queue, 'Queue wait p90'),
        ':large_yellow_circle: *Queue wait p90*\n3m 48s · _over the 2m target_',
      );
    });

    it('shows agent KPIs', () => {
      const agents = fieldsUnder(msg.blocks, '*Agents*');
      assert.equal(
        field(agents, 'Humans online / back soon / away'),
        '*Humans online / back soon / away*\n12 / 2 / 3',
      );
      assert.equal(field(agents, 'Free human slots'), '*Free human slots*\n4');
      assert.equal(
        field(agents, 'Human load'),
        ':large_yellow_circle: *Human load*\n87% · _over the 85% target_',
      );
    });

    it('shows the period KPIs under the window label', () => {
      const period = fieldsUnder(msg.blocks, '*Period* · last 4h');
      assert.equal(field(period, 'Closed'), '*Closed*\n1,234\n_by agent 800 · by consumer 300 · auto 134_');
      assert.equal(
        field(period, 'Avg wait'),
        ':large_green_circle: *Avg wait*\n45s · _within the 1m target_',
      );
      assert.equal(field(period, 'First response'), '*First response*\n1h 02m');
      assert.equal(field(period, 'Time to response'), '*Time to response*\n58s');
      assert.equal(field(period, 'CSAT'), ':large_green_circle: *CSAT*\n82% · _within the 80% target_');
    });

    it("ends with the window in the reader's timezone, fetch time and source", () => {
      assert.equal(msg.blocks[msg.blocks.length - 1]!.block_id, 'report_actions', 'the buttons come last');
      const ctx = withoutActions(msg.blocks).at(-1)!;
      assert.equal(ctx.type, 'context');
      const text = allText([ctx]);
      const from = Math.floor((NOW - 4 * 3_600_000) / 1000);
      const to = Math.floor(NOW / 1000);
      assert.ok(text.includes(`<!date^${from}^{date_short_pretty} {time}|2024-06-12 10:30 UTC>`), text);
      assert.ok(text.includes(`<!date^${to}^{date_short_pretty} {time}|2024-06-12 14:30 UTC>`), text);
      assert.ok(
        text.includes(
          `Fetched <!date^${Math.floor(FETCHED_AT / 1000)}^{time_secs}|2024-06-12 14:30:04 UTC> from LivePerson account 13350576`,
        ),
      );
    });

    it('shows the window note when the window was adjusted', () => {
      const r = buildReport({
        query: skillQuery('billing', { kind: 'today' }),
        window: windowAt({ kind: 'today' }, [{ kind: 'clamped', spanMs: 25 * 3_600_000 }]),
        scope: { id: '1001', name: 'Billing' },
        responses: billingResponse(),
        fetchedAt: 0,
        source: SOURCE,
      });
      const m = renderReport(r);
      assert.ok(
        allText(m.blocks).includes(
          '_Today is 25 h long so far (the clocks went back), so this covers the last 24 h._',
        ),
        allText(m.blocks),
      );
      assert.ok(!allText(msg.blocks).includes(':information_source:'));
    });

    it('says who the figures cover when limited to humans or bots', () => {
      const q = { ...skillQuery(), audience: 'humans' as const };
      const r = buildReport({
        query: q,
        scope: { id: '1001', name: 'Billing' },
        responses: billingResponse(),
        fetchedAt: 0,
        source: SOURCE,
      });
      assert.ok(allText(renderReport(r).blocks).includes('Human agents only'));
    });

    it('shows — for metrics LivePerson did not return', () => {
      const m = renderReport(skillReport(partialResponse()));
      assert.equal(field(fieldsUnder(m.blocks, '*Queue now*'), 'Queue wait p90'), '*Queue wait p90*\n—');
      const period = fieldsUnder(m.blocks, '*Period*');
      // No survey answers is not 0 %: no mark, and it says so.
      assert.equal(field(period, 'CSAT'), '*CSAT*\nno answers');
      assert.equal(field(period, 'Closed'), '*Closed*\n1,234\n_by agent — · by consumer — · auto —_');
    });

    it('names an unnamed skill by its id', () => {
      assert.equal(
        headerText(renderReport(skillReport(billingResponse(), null, '1042')).blocks),
        'Skill Unnamed skill (1042) · last 4h',
      );
    });

    it('has a text fallback with the key numbers, answers privately unless public', () => {
      assert.equal(
        msg.text,
        ':large_yellow_circle: 7 waiting, p90 wait 3m 48s (target 2m), 2 overdue, 4 free human slots, ' +
          'human load 87% (target 85%) · Skill Billing · last 4h',
      );
      assert.equal(msg.response_type, 'ephemeral');
      assert.deepEqual(checkMessage(msg), []);
    });
  });

  describe('escaping', () => {
    for (const [name, escaped] of [
      ['Returns & Exchanges', 'Returns &amp; Exchanges'],
      ['Loyalty <Gold>', 'Loyalty &lt;Gold&gt;'],
      ['<!channel>', '&lt;!channel&gt;'],
    ] as const) {
      it(`escapes ${name} in header and text`, () => {
        const m = renderReport(skillReport(billingResponse(), name));
        assert.equal(headerText(m.blocks), `Skill ${escaped} · last 4h`);
        assert.ok(m.text.includes(` · Skill ${escaped} · `), m.text);
        const everything = allText(m.blocks) + m.text;
        assert.ok(!everything.includes(name), `raw ${name} leaked`);
        assert.ok(!everything.includes('<!channel>'));
      });
    }

    it('escapes the source and window notes too', () => {
      const r = buildReport({
        query: skillQuery('x', { kind: 'today' }),
        window: windowAt({ kind: 'today' }, [{ kind: 'unknown-zone', zone: '<!here>' }]),
        scope: { id: '1', name: 'x' },
        responses: billingResponse(),
        fetchedAt: 0,
        source: 'Sim <&>',
      });
      const text = allText(renderReport(r).blocks);
      assert.ok(text.includes('timezone “&lt;!here&gt;”'), text);
      assert.ok(text.includes('Sim &lt;&amp;&gt;'));
      assert.ok(!text.includes('<!here>'));
    });
  });

  describe('group', () => {
    it('says sub-groups are included, answers in channel when public, marks critical KPIs', () => {
      const r = buildReport({
        query: groupQuery(),
        scope: { id: '502', name: 'Tier 1' },
        responses: groupResponse(),
        fetchedAt: FETCHED_AT,
        source: 'Simulator',
      });
      const m = renderReport(r);
      assert.equal(headerText(m.blocks), 'Group Tier 1 (with sub-groups) · last 1h');
      assert.equal(m.response_type, 'in_channel');
      // Conversations wait for skills: a group has no queue block, it says why instead.
      assert.throws(() => fieldsUnder(m.blocks, '*Queue now*'));
      assert.match(sectionTexts(m.blocks, 'group_scope').join(), /wait for skills, not agent groups/);
      assert.equal(
        field(fieldsUnder(m.blocks, '*Agents*'), 'Human load'),
        ':red_circle: *Human load*\n97% · _over the 95% limit_',
      );
      assert.match(
        sectionTexts(m.blocks, 'headline').join(),
        /^:red_circle: \d+ humans? online, .*human load 97% \(target 85%\)$/,
      );
      assert.ok(allText(m.blocks).includes('from Simulator'));
    });
  });

  describe('overview', () => {
    const r = buildReport({
      query: overviewQuery(),
      responses: overviewResponse(),
      fetchedAt: FETCHED_AT,
      source: SOURCE,
    });
    const m = renderReport(r);

    it('shows the account KPIs', () => {
      assert.equal(headerText(m.blocks), 'Queue overview · last 1h');
      assert.equal(
        field(fieldsUnder(m.blocks, '*Queue now*'), 'Waiting in queue'),
        ':red_circle: *Waiting in queue*\n36 · _5+ overdue (limit)_',
      );
      assert.equal(field(fieldsUnder(m.blocks, '*Period*'), 'Closed').split('\n')[1], '5,341');
    });

    it('lists the skills with most conversations waiting, escaped, and counts the rest', () => {
      const top = sectionTexts(m.blocks, 'top_waiting').join('\n');
      assert.equal(
        top,
        [
          '*Most conversations waiting*',
          '1. :red_circle: *Tech Support - Hardware* — 12 waiting · p90 6m 50s · _no free slots_',
          '2. :large_yellow_circle: *Billing* — 7 waiting · p90 3m 48s · _p90 over the 2m target_',
          '3. :large_yellow_circle: *Loyalty &lt;Gold&gt;* — 5 waiting · p90 1m 59s · _1+ overdue_',
          '4. :large_yellow_circle: *Returns &amp; Exchanges* — 5 waiting · p90 2m 10s · _p90 over the 2m target_',
          '5. :large_green_circle: *Sales* — 3 waiting · p90 1m 10s · _p90 within the 2m target_',
          '_…and 3 more skills with conversations waiting_',
        ].join('\n'),
      );
      assert.ok(
        m.text.includes('Most waiting: Tech Support - Hardware 12, Billing 7, Loyalty &lt;Gold&gt; 5'),
      );
    });

    it('says so when nothing is waiting', () => {
      const quiet: KmmResponse = {
        count: 1,
        links: {},
        groups: [{ key: '1001', name: 'Billing', metrics: { unassignedConversations: 0 } }],
        all: {},
      };
      const q = renderReport(
        buildReport({ query: overviewQuery(), responses: quiet, fetchedAt: 0, source: SOURCE }),
      );
      assert.ok(allText(q.blocks).includes('No conversations are waiting in any skill.'));
      assert.deepEqual(checkMessage(q), []);
    });
  });

  describe('chart', () => {
    const report = skillReport();
    it('adds an image block from a URL, before the context line', () => {
      const m = renderReport(report, {
        chart: { imageUrl: 'https://quickchart.io/chart?c=x', alt: 'Queue over time', title: 'Billing & co' },
      });
      const image = m.blocks.find((b) => b.type === 'image');
      assert.deepEqual(image, {
        type: 'image',
        block_id: 'chart',
        image_url: 'https://quickchart.io/chart?c=x',
        alt_text: 'Queue over time',
        title: { type: 'plain_text', text: 'Billing &amp; co' },
      });
      assert.equal(withoutActions(m.blocks).at(-1)!.type, 'context');
      assert.deepEqual(checkMessage(m), []);
    });

    it('prefers an uploaded Slack file, and never sends both sources', () => {
      const m = renderReport(report, {
        chart: { imageUrl: 'https://q/x', slackFileId: 'F123', alt: 'a', title: 't' },
      });
      const image = m.blocks.find((b) => b.type === 'image') as unknown as Record<string, unknown>;
      assert.deepEqual(image.slack_file, { id: 'F123' });
      assert.equal(image.image_url, undefined);
    });

    it('leaves the image out when there is no source or the URL is too long for Slack', () => {
      assert.ok(
        !renderReport(report, { chart: { alt: 'a', title: 't' } }).blocks.some((b) => b.type === 'image'),
      );
      const long = renderReport(report, {
        chart: { imageUrl: `https://q/${'x'.repeat(3000)}`, alt: 'a', title: 't' },
      });
      assert.ok(!long.blocks.some((b) => b.type === 'image'));
      assert.ok(!renderReport(report).blocks.some((b) => b.type === 'image'));
    });
  });
});
