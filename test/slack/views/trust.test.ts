/**
 * Issue #7 as data: the cases where a report misled a lead, each rendered from domain rows, and a
 * generated check that no mark anywhere contradicts the threshold it names.
 */
import { strict as assert } from 'node:assert';
import { splitBots } from '../../../src/domain/humans';
import type { MetricsAnswer, MetricValues } from '../../../src/domain/metrics';
import type { ReportQuery } from '../../../src/domain/query';
import { toReport, type Report } from '../../../src/domain/report';
import { DEFAULT_TARGETS, type Targets } from '../../../src/domain/targets';
import { renderReport } from '../../../src/slack/views/report';
import { GROUPS_COUNT_OWN_AGENTS } from '../../../src/slack/views/ranking';
import {
  allText,
  fieldsUnder,
  FETCHED_AT,
  groupQuery,
  headerText,
  overviewQuery as overviewQueryFixture,
  rankingQuery,
  sectionTexts,
  skillQuery,
  SOURCE,
  windowAt,
} from '../../fixtures/reports';

const MIN = 60_000;

function build(query: ReportQuery, answer: MetricsAnswer, targets?: Targets): Report {
  return toReport({
    query,
    window: windowAt(query.window),
    answer,
    fetchedAt: FETCHED_AT,
    source: SOURCE,
    ...(query.kind === 'skill' || query.kind === 'group' ? { scope: { id: '1005', name: 'Returns' } } : {}),
    ...(targets ? { targets } : {}),
  });
}

const totals = (values: MetricValues): MetricsAnswer => ({ totals: values, rows: [], count: 0 });

function field(fields: string[], label: string): string {
  const f = fields.find((x) => x.includes(`*${label}*`));
  assert.ok(f, `no field ${label} in ${JSON.stringify(fields)}`);
  return f;
}

describe('reports a lead can trust', () => {
  it('1 customer waiting 13m 30s with 6 free slots is red, and the headline says act now', () => {
    const m = renderReport(
      build(
        skillQuery('returns'),
        totals({
          waiting: 1,
          queueWaitP90: 13.5 * MIN,
          queueWaitP50: 13.5 * MIN,
          freeSlots: 6,
          humanLoad: 0.29,
        }),
      ),
    );
    const headline = sectionTexts(m.blocks, 'headline')[0]!;
    assert.equal(
      headline,
      ':red_circle: 1 waiting, p90 wait 13m 30s (target 2m), 6 free human slots, human load 29%',
    );
    assert.ok(m.text.startsWith(headline), 'notifications lead with the headline');
    const waiting = field(fieldsUnder(m.blocks, '*Queue now*'), 'Waiting in queue');
    assert.equal(waiting, ':red_circle: *Waiting in queue*\n1 · _p90 over the 5m limit_');
  });

  it('no survey answers: "no answers", no colour, and last in a CSAT ranking', () => {
    const skill = renderReport(build(skillQuery('vip bots'), totals({ closed: 20, csat: undefined })));
    assert.equal(field(fieldsUnder(skill.blocks, '*Period*'), 'CSAT'), '*CSAT*\nno answers');
    const ranking = build(rankingQuery('csat'), {
      rows: [
        { id: '1', name: 'VIP', values: {} },
        { id: '2', name: 'Sales', values: { csat: 0.62 } },
        { id: '3', name: 'Billing', values: { csat: 0.91 } },
      ],
      count: 3,
    });
    const lines = sectionTexts(renderReport(ranking).blocks, 'ranking_rows').join('\n').split('\n');
    assert.deepEqual(lines, [
      '1. :red_circle: *Sales* — 62% · _under the 70% limit_',
      '2. :large_green_circle: *Billing* — 91% · _within the 80% target_',
      '3. *VIP* — no answers',
    ]);
  });

  it('a bot-heavy skill shows its people first, bots on their own line', () => {
    const all = totals({
      agentsOnline: 8,
      agentsBackSoon: 0,
      agentsAway: 1,
      freeSlots: 88,
      humanLoad: 0.7,
      waiting: 0,
    });
    const bots = totals({ agentsOnline: 4, agentsBackSoon: 0, agentsAway: 0, freeSlots: 80 });
    const m = renderReport(build(skillQuery('sales'), splitBots(all, bots)));
    const agents = fieldsUnder(m.blocks, '*Agents*');
    assert.equal(
      field(agents, 'Humans online / back soon / away'),
      '*Humans online / back soon / away*\n4 / 0 / 1',
    );
    assert.equal(field(agents, 'Free human slots'), '*Free human slots*\n8');
    assert.equal(field(agents, 'Bots'), '*Bots*\n_+ 4 bots online, 80 free slots_');
    assert.match(sectionTexts(m.blocks, 'headline')[0]!, /8 free human slots/);
  });

  it('asked for bots, the figures say bots and there is no human load', () => {
    const q = { ...skillQuery('sales'), audience: 'bots' as const };
    const m = renderReport(build(q, totals({ agentsOnline: 4, freeSlots: 80, humanLoad: 0, waiting: 0 })));
    const agents = fieldsUnder(m.blocks, '*Agents*');
    assert.equal(
      field(agents, 'Bots online / back soon / away'),
      '*Bots online / back soon / away*\n4 / — / —',
    );
    assert.equal(field(agents, 'Free bot slots'), '*Free bot slots*\n80');
    assert.ok(!agents.some((f) => f.includes('Human load')));
  });

  it('a group says it includes sub-groups and has no all-zero green queue; its ranking says it does not', () => {
    const group = renderReport(
      build(groupQuery(), totals({ agentsOnline: 12, freeSlots: 4, humanLoad: 0.5, closed: 68 })),
    );
    assert.match(headerText(group.blocks), /\(with sub-groups\)/);
    assert.ok(!allText(group.blocks).includes('Queue now'));
    assert.match(sectionTexts(group.blocks, 'group_scope')[0]!, /and of its sub-groups/);
    const ranking = renderReport(
      build(rankingQuery('closed', 'groups'), {
        rows: [{ id: '502', name: 'Tier 1', values: { closed: 43 } }],
        count: 1,
      }),
    );
    assert.ok(allText(ranking.blocks).includes(GROUPS_COUNT_OWN_AGENTS));
  });

  it("a skill's own target rates it: 45 s is fine for the account but breaches VIP's 30 s", () => {
    const vip: Targets = {
      account: DEFAULT_TARGETS.account,
      skills: { '1005': { queueWaitP90: { worse: 'higher', warn: 30_000, critical: MIN } } },
    };
    const values = totals({ waiting: 2, queueWaitP90: 45_000, freeSlots: 1 });
    assert.match(
      sectionTexts(renderReport(build(skillQuery('x'), values)).blocks, 'headline')[0]!,
      /^:large_green_circle: /,
    );
    const strict = sectionTexts(renderReport(build(skillQuery('x'), values, vip)).blocks, 'headline')[0]!;
    assert.equal(strict, ':large_yellow_circle: 2 waiting, p90 wait 45s (target 30s), 1 free human slot');
  });

  it('nothing came back: the headline says so, with no mark', () => {
    const m = renderReport(build(skillQuery('x'), totals({})));
    assert.equal(sectionTexts(m.blocks, 'headline')[0], 'No live figures came back for this report.');
  });

  it('an average over nothing and the load of nobody online are no data, not a green 0', () => {
    const m = renderReport(
      build(
        skillQuery('returns'),
        totals({
          closed: 0,
          avgWait: 0,
          avgTimeToResponse: 0,
          agentsOnline: 0,
          botsOnline: 0,
          freeSlots: 0,
          humanLoad: 0,
          waiting: 0,
        }),
      ),
    );
    const period = fieldsUnder(m.blocks, '*Period*');
    assert.equal(field(period, 'Avg wait'), '*Avg wait*\n—');
    assert.equal(field(period, 'Time to response'), '*Time to response*\n—');
    assert.equal(field(fieldsUnder(m.blocks, '*Agents*'), 'Human load'), '*Human load*\n—');
    assert.equal(sectionTexts(m.blocks, 'headline')[0], ':large_green_circle: Nobody waiting, nobody online');
  });

  it('the overview headline is as bad as its worst waiting skill, whatever the account totals say', () => {
    const r = build(overviewQueryFixture(), {
      totals: { waiting: 2, queueWaitP90: 40_000, freeSlots: 9, humanLoad: 0.5 },
      rows: [
        { id: '1001', name: 'Billing', values: { waiting: 2, freeSlots: 0, queueWaitP90: 40_000 } },
        { id: '1002', name: 'Sales', values: { waiting: 0, freeSlots: 9 } },
      ],
      count: 2,
    });
    const headline = sectionTexts(renderReport(r).blocks, 'headline')[0]!;
    assert.equal(
      headline,
      ':red_circle: 2 waiting, p90 wait 40s (target 2m), 9 free human slots, human load 50%, 1 skill past target',
    );
  });

  it('asked for bots, the headline speaks of bots only', () => {
    const q = { ...skillQuery('triage'), audience: 'bots' as const };
    const m = renderReport(build(q, totals({ waiting: 0, agentsOnline: 0, freeSlots: 0, humanLoad: 0 })));
    assert.equal(
      sectionTexts(m.blocks, 'headline')[0],
      ':large_green_circle: Nobody waiting, no bots online',
    );
  });

  it('a wait ranking that fell back to the average wait says so in its headline too', () => {
    const r = build(rankingQuery('wait'), {
      rows: [{ id: '1', name: 'A', values: { avgWait: 4 * MIN } }],
      count: 1,
    });
    const m = renderReport(r);
    assert.match(headerText(m.blocks), /^Skills by avg wait/);
    assert.match(sectionTexts(m.blocks, 'headline')[0]!, /past target on avg wait · worst: \*A\* 4m 00s$/);
  });

  it('a ranking LivePerson paged counts the rows shown, not the whole account', () => {
    const r = toReport({
      query: rankingQuery('load'),
      window: windowAt(rankingQuery('load').window),
      answer: { rows: [{ id: '1', name: 'A', values: { humanLoad: 0.97 } }], count: 300 },
      fetchedAt: FETCHED_AT,
      source: SOURCE,
      presorted: true,
    });
    assert.match(
      sectionTexts(renderReport(r).blocks, 'headline')[0]!,
      /^:red_circle: 1 of 1 skill shown past target/,
    );
  });

  describe('no mark contradicts its threshold (generated)', () => {
    // A small PRNG so a failure names a seed that reproduces it.
    function rng(seed: number) {
      let s = seed >>> 0;
      return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    }
    const GREEN = ':large_green_circle:';
    it('300 random skill reports: green never sits beside "over"/"under", red and yellow always name why', () => {
      for (let seed = 1; seed <= 300; seed++) {
        const r = rng(seed);
        const maybe = (v: number) => (r() < 0.15 ? undefined : v);
        const values: MetricValues = {
          waiting: maybe(Math.floor(r() * 6)),
          overdueInQueue: maybe(Math.floor(r() * 7)),
          queueWaitP50: maybe(r() * 8 * MIN),
          queueWaitP90: maybe(r() * 15 * MIN),
          agentsOnline: maybe(Math.floor(r() * 20)),
          freeSlots: maybe(Math.floor(r() * 5)),
          humanLoad: maybe(r() * 1.3),
          closed: maybe(Math.floor(r() * 300)),
          avgWait: maybe(r() * 5 * MIN),
          csat: maybe(r()),
        };
        const m = renderReport(build(skillQuery('x'), totals(values)));
        const fields = m.blocks.flatMap((b) =>
          b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : [],
        );
        for (const f of fields) {
          const context = `seed ${seed}: ${JSON.stringify(f)}`;
          if (f.startsWith(GREEN)) assert.ok(!/_(\S+ )?(over|under) the|\d\+ /.test(f), context);
          if (f.startsWith(':red_circle:') || f.startsWith(':large_yellow_circle:'))
            assert.match(f, / · _.+_$/, context);
          if (/\n(—|no answers)/.test(f)) assert.ok(f.startsWith('*'), `no data, no mark: ${context}`);
        }
        const headline = sectionTexts(m.blocks, 'headline')[0]!;
        const anyRed = fields.some(
          (f) => f.startsWith(':red_circle:') && /Waiting|Overdue|Queue wait p90|Human load/.test(f),
        );
        if (anyRed) assert.ok(headline.startsWith(':red_circle:'), `seed ${seed}: ${headline}`);
      }
    });
  });
});

describe('marks at the boundary', () => {
  it('a value that prints the same as its limit says it reached it, or fell just short', () => {
    const m = renderReport(
      toReport({
        query: skillQuery('x'),
        window: windowAt(skillQuery('x').window),
        scope: { id: '1', name: 'x' },
        answer: { totals: { humanLoad: 0.85, csat: 0.7996, avgWait: 60_000 }, rows: [], count: 0 },
        fetchedAt: FETCHED_AT,
        source: SOURCE,
      }),
    );
    const all = m.blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : []));
    const find = (label: string) => all.find((f) => f.includes(`*${label}*`));
    assert.equal(find('Human load'), ':large_yellow_circle: *Human load*\n85% · _at the 85% target_');
    assert.equal(find('CSAT'), ':large_yellow_circle: *CSAT*\n80% · _just under the 80% target_');
    assert.equal(find('Avg wait'), ':large_yellow_circle: *Avg wait*\n1m 00s · _at the 1m target_');
  });
});

describe('group header', () => {
  it('a 300-character group name still leaves the window in the header', () => {
    const q = groupQuery();
    const r = toReport({
      query: q,
      window: windowAt(q.window),
      scope: { id: '502', name: 'G'.repeat(300) },
      answer: { totals: {}, rows: [], count: 0 },
      fetchedAt: FETCHED_AT,
      source: SOURCE,
    });
    const h = headerText(renderReport(r).blocks);
    assert.ok(h.length <= 150, String(h.length));
    assert.ok(h.endsWith(' (with sub-groups) · last 1h'), h);
  });
});
