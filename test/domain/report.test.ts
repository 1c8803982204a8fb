import { strict as assert } from 'node:assert';
import { parseKmmResponse } from '../../src/liveperson/contract/metrics-response';
import type { KmmResponse } from '../../src/liveperson/contract/metrics-response';
import { RANK_METRICS } from '../../src/domain/query';
import type { RankMetric } from '../../src/domain/query';
import { OVERVIEW_TOP_WAITING, toReport } from '../../src/domain/report';
import type { GroupReport, Kpi, OverviewReport, RankingReport, SkillReport } from '../../src/domain/report';
import {
  billingResponse,
  FETCHED_AT,
  groupQuery,
  groupResponse,
  manyGroups,
  NOW,
  overviewQuery,
  overviewResponse,
  pages,
  partialResponse,
  rankingQuery,
  skillQuery,
  SOURCE,
  buildReport,
  windowAt,
} from '../fixtures/reports';

function ranking(by: RankMetric, responses: KmmResponse | KmmResponse[] = overviewResponse()): RankingReport {
  const r = buildReport({ query: rankingQuery(by), responses, fetchedAt: FETCHED_AT, source: SOURCE });
  assert.equal(r.kind, 'ranking');
  return r;
}
const names = (r: RankingReport): string[] => r.rows.map((row) => row.name ?? `unnamed ${row.id}`);

describe('toReport', () => {
  describe('skill', () => {
    const report = buildReport({
      query: skillQuery(),
      scope: { id: '1001', name: 'Billing' },
      responses: billingResponse(),
      fetchedAt: FETCHED_AT,
      source: SOURCE,
    }) as SkillReport;

    it('carries the scope, window, fetch time and source', () => {
      assert.equal(report.kind, 'skill');
      assert.equal(report.id, '1001');
      assert.equal(report.name, 'Billing');
      assert.equal(report.window.to, NOW);
      assert.equal(report.fetchedAt, FETCHED_AT);
      assert.equal(report.source, SOURCE);
    });

    it('maps each KPI from its KMM field and rates it against the thresholds', () => {
      const rated = (k: Kpi) => ({ value: k.value, status: k.status });
      assert.deepEqual(rated(report.kpis.queueWaitP90), { value: 228000, status: 'warn' });
      assert.deepEqual(report.kpis.queueWaitP90.rule, {
        kind: 'threshold',
        metric: 'queueWaitP90',
        worse: 'higher',
        limit: 120_000,
        breached: true,
        status: 'warn',
      });
      assert.deepEqual(rated(report.kpis.humanLoad), { value: 0.87, status: 'warn' });
      assert.deepEqual(rated(report.kpis.overdueInQueue), { value: 2, status: 'warn' });
      assert.deepEqual(report.kpis.closed, { value: 1234, status: 'none' });
      assert.equal(report.kpis.avgWaitFirstResponse.value, 3_723_000);
      assert.deepEqual(rated(report.kpis.csat), { value: 0.82, status: 'ok' });
      // 4 slots free, but the queue has waited past its target: not green.
      assert.equal(report.kpis.waiting.status, 'warn');
      assert.equal(report.kpis.waiting.rule?.kind, 'threshold');
      assert.equal(report.status, 'warn');
    });

    it('uses the skill row when the answer is grouped, else the all section', () => {
      const raw = JSON.parse(
        JSON.stringify({
          all: { unassignedConversations: 99 },
          groupBy: {
            groupByField: 'skillId',
            groups: [{ key: '1001', keyDescription: 'Billing', metrics: { unassignedConversations: 7 } }],
          },
        }),
      );
      const r = buildReport({
        query: skillQuery(),
        scope: { id: '1001', name: 'Billing' },
        responses: parseKmmResponse(raw),
        fetchedAt: 0,
        source: SOURCE,
      }) as SkillReport;
      assert.equal(r.kpis.waiting.value, 7);
      const other = buildReport({
        query: skillQuery(),
        scope: { id: '1002', name: 'Sales' },
        responses: parseKmmResponse(raw),
        fetchedAt: 0,
        source: SOURCE,
      }) as SkillReport;
      assert.equal(other.kpis.waiting.value, 99);
    });

    it('leaves metrics LivePerson did not return absent', () => {
      const r = buildReport({
        query: skillQuery(),
        scope: { id: '1001', name: 'Billing' },
        responses: partialResponse(),
        fetchedAt: 0,
        source: SOURCE,
      }) as SkillReport;
      assert.deepEqual(r.kpis.csat, { value: undefined, status: 'none' });
      assert.equal(r.kpis.queueWaitP90.value, undefined);
      assert.equal(r.kpis.waiting.value, 7);
    });

    it('keeps a missing name missing (the view names it "Unnamed skill (id)")', () => {
      const na = buildReport({
        query: skillQuery(),
        scope: { id: '1042', name: null },
        responses: billingResponse(),
        fetchedAt: 0,
        source: SOURCE,
      });
      assert.equal((na as SkillReport).name, null);
    });

    it('refuses a skill report without its resolved scope', () => {
      assert.throws(
        () =>
          buildReport({ query: skillQuery(), responses: billingResponse(), fetchedAt: 0, source: SOURCE }),
        TypeError,
      );
    });
  });

  describe('group', () => {
    it('reads the all section in its {metrics} wrapping, percent-scale load included', () => {
      const r = buildReport({
        query: groupQuery(),
        scope: { id: '502', name: 'Tier 1' },
        responses: groupResponse(),
        fetchedAt: 0,
        source: SOURCE,
      }) as GroupReport;
      assert.equal(r.kind, 'group');
      assert.equal(r.name, 'Tier 1');
      assert.deepEqual([r.kpis.humanLoad.value, r.kpis.humanLoad.status], [0.965, 'critical']);
      assert.equal(r.kpis.waiting.status, 'critical'); // 9 waiting, 0 slots
      assert.equal(r.kpis.csat.status, 'critical');
      assert.equal(r.status, 'critical');
    });
  });

  describe('overview', () => {
    const r = buildReport({
      query: overviewQuery(),
      responses: overviewResponse(),
      fetchedAt: FETCHED_AT,
      source: SOURCE,
    }) as OverviewReport;

    it('takes the account KPIs from the all section', () => {
      assert.equal(r.kpis.waiting.value, 36);
      assert.equal(r.kpis.closed.value, 5341);
    });

    it('lists the skills with the most conversations waiting, ties by name', () => {
      assert.deepEqual(
        r.topWaiting.map((row) => [row.name, row.value]),
        [
          ['Tech Support - Hardware', 12],
          ['Billing', 7],
          ['Loyalty <Gold>', 5],
          ['Returns & Exchanges', 5],
          ['Sales', 3],
        ],
      );
      assert.equal(r.topWaiting.length, OVERVIEW_TOP_WAITING);
      assert.equal(r.skillsWaiting, 8);
      assert.equal(r.topWaiting[0]!.status, 'critical'); // 0 slots
    });
  });

  describe('ranking', () => {
    it('queue: most waiting first; absent last; ties by name, unnamed rows after named ones', () => {
      assert.deepEqual(names(ranking('queue')), [
        'Tech Support - Hardware',
        'Billing',
        'Loyalty <Gold>',
        'Returns & Exchanges',
        'Sales',
        'Onboarding',
        'VIP',
        'unnamed 1042',
        'Billing Disputes',
        'Bot Triage',
        'Tech Support - Software',
      ]);
    });

    it('wait: queue wait p90, longest first', () => {
      const r = ranking('wait');
      assert.equal(r.metric, 'queueWaitP90');
      assert.deepEqual(names(r).slice(0, 8), [
        'Tech Support - Hardware',
        'Billing',
        'Returns & Exchanges',
        'Loyalty <Gold>',
        'Sales',
        'Onboarding',
        'VIP',
        'unnamed 1042',
      ]);
      assert.equal(r.rows[0]!.value, 410_000);
      assert.equal(r.rows[0]!.status, 'critical');
    });

    it('wait: falls back to avg wait when no percentile came back', () => {
      const groups = overviewResponse().groups.map((g) => {
        const { queueWaitTime90thPercentile: _p, ...rest } = g.metrics;
        return { ...g, metrics: rest };
      });
      const r = ranking('wait', { count: groups.length, links: {}, groups });
      assert.equal(r.metric, 'avgWait');
      assert.deepEqual(names(r).slice(0, 4), [
        'Tech Support - Hardware',
        'Returns & Exchanges',
        'Loyalty <Gold>',
        'Billing',
      ]);
      assert.deepEqual(names(r).slice(-2), ['Bot Triage', 'unnamed 1042']);
    });

    it('load: busiest first, bots-only skills (no human load) last', () => {
      assert.deepEqual(names(ranking('load')).slice(0, 3), ['Tech Support - Hardware', 'VIP', 'Billing']);
      assert.deepEqual(names(ranking('load')).slice(-2), ['Bot Triage', 'unnamed 1042']);
    });

    it('closed: most closed first', () => {
      assert.deepEqual(names(ranking('closed')).slice(0, 3), ['Bot Triage', 'Billing', 'Sales']);
    });

    it('response: slowest first', () => {
      assert.deepEqual(names(ranking('response')).slice(0, 3), [
        'Tech Support - Hardware',
        'Returns & Exchanges',
        'Billing',
      ]);
    });

    it('csat: lowest first', () => {
      assert.deepEqual(names(ranking('csat')), [
        'Tech Support - Hardware',
        'Billing Disputes',
        'Returns & Exchanges',
        'Loyalty <Gold>',
        'Billing',
        'Tech Support - Software',
        'Sales',
        'Onboarding',
        'VIP',
        'Bot Triage',
        'unnamed 1042',
      ]);
    });

    it('overdue: most overdue first, ties by name', () => {
      assert.deepEqual(names(ranking('overdue')).slice(0, 4), [
        'Tech Support - Hardware',
        'Billing',
        'Loyalty <Gold>',
        'Returns & Exchanges',
      ]);
    });

    it('numbers ranks 1..n in order', () => {
      for (const by of RANK_METRICS) {
        assert.deepEqual(
          ranking(by).rows.map((row) => row.rank),
          Array.from({ length: 11 }, (_, i) => i + 1),
        );
      }
    });

    it('merges pages, dropping a key repeated across pages', () => {
      const groups = manyGroups(120);
      const ps = pages(groups);
      ps[1]!.groups.unshift(groups[0]!);
      const r = ranking('queue', ps);
      assert.equal(r.rows.length, 120);
      assert.equal(new Set(r.rows.map((row) => row.id)).size, 120);
      assert.equal(r.available, 120);
    });

    it('reports how many keys LivePerson has when it stopped paging', () => {
      const ps = pages(manyGroups(1000)).map((p) => ({ ...p, count: 1200 }));
      const r = ranking('queue', ps);
      assert.equal(r.rows.length, 1000);
      assert.equal(r.available, 1200);
    });

    it('keeps the order of rows the source already ranked (it sorted and paged them)', () => {
      const answer = {
        count: 3,
        rows: [
          { id: '3', name: 'Zulu', values: { humanLoad: 0.9 } },
          { id: '1', name: 'Tier 1 Night', values: {} },
          { id: '2', name: 'Bots', values: {} },
        ],
      };
      const q = rankingQuery('load');
      const base = { query: q, window: windowAt(q.window), answer, fetchedAt: 0, source: SOURCE };
      const kept = toReport({ ...base, presorted: true, rowsOffset: 10 }) as RankingReport;
      assert.deepEqual(
        kept.rows.map((r) => [r.rank, r.id]),
        [
          [11, '3'],
          [12, '1'],
          [13, '2'],
        ],
      );
      const ranked = toReport(base) as RankingReport;
      assert.deepEqual(
        ranked.rows.map((r) => r.id),
        ['3', '2', '1'],
        'ranked here: ties by name',
      );
    });

    it('keeps the requested page (1-based, at least 1)', () => {
      const q = rankingQuery('queue');
      assert.equal(
        (
          buildReport({
            query: q,
            responses: overviewResponse(),
            fetchedAt: 0,
            source: SOURCE,
            page: 3,
          }) as RankingReport
        ).page,
        3,
      );
      assert.equal(
        (
          buildReport({
            query: q,
            responses: overviewResponse(),
            fetchedAt: 0,
            source: SOURCE,
            page: 0,
          }) as RankingReport
        ).page,
        1,
      );
    });

    it('rates rows with the thresholds given', () => {
      // Only the no-free-slot rule, set to warn: the row's long wait must not decide here.
      const thresholds = { byMetric: {}, waitingWithNoSlots: 'warn' as const };
      const r = buildReport({
        query: rankingQuery('queue'),
        responses: overviewResponse(),
        fetchedAt: 0,
        source: SOURCE,
        targets: { account: thresholds, skills: {} },
      }) as RankingReport;
      assert.equal(r.rows[0]!.status, 'warn');
    });
  });
});
