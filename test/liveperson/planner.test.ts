import { strict as assert } from 'node:assert';
import { validateKmmRequest } from '../../src/liveperson/contract/metrics-request';
import { RANK_SORT, planReport, planTrend, requestMetrics } from '../../src/liveperson/planner';
import { validateHistoricalRequest } from '../../src/liveperson/contract/historical';
import { SORT_KEYS } from '../../src/liveperson/contract/catalog';
import { metricsNeeded } from '../../src/domain/report';
import { parseCommand } from '../../src/grammar/parser';
import { isMetricsQuery } from '../../src/domain/query';
import type { MetricsQuery } from '../../src/domain/query';
import { resolveWindow } from '../../src/domain/window';

const NOW = Date.UTC(2026, 10, 25, 15, 0, 30);

function query(text: string): MetricsQuery {
  const q = parseCommand(text);
  assert.ok(isMetricsQuery(q), text);
  return q;
}

/** The plan for `text` with its window resolved at NOW in UTC, as the report service makes it. */
function planFor(text: string, ids?: string[], page?: number) {
  const q = query(text);
  const w = resolveWindow(q.window, NOW, 'UTC');
  assert.ok(w.ok, text);
  return planReport(q, w.window, ids ? { ids } : undefined, page);
}

describe('planReport', () => {
  it('every plan is a request LivePerson accepts', () => {
    const cases: [string, string[] | undefined][] = [
      ['', undefined],
      ['skill billing last 4h', ['1001']],
      ['group "Tier 1" today humans', ['502', '504', '505']],
      ['skills by wait top 5', undefined],
      ['groups by load', undefined],
      ['skills by csat bots', undefined],
    ];
    for (const [text, ids] of cases) {
      const plan = planFor(text, ids);
      const v = validateKmmRequest({ ...plan.request }, NOW);
      assert.ok(v.ok, `${text}: ${JSON.stringify(!v.ok && v.issues)}`);
    }
  });

  it('overview: account totals plus every skill, all pages', () => {
    const plan = planFor('');
    assert.deepEqual(plan.request.body.responseSections, ['all', 'groupBy']);
    assert.equal(plan.request.body.groupBy, 'skillId');
    assert.equal(plan.allPages, true);
    assert.ok(plan.request.body.metricsToRetrieveCurrentValue!.includes('unassigned_conversations'));
    assert.ok(plan.request.body.metricsToRetrieveByTime!.includes('csat'));
  });

  it('skill: filter-wide totals for that skill over the window', () => {
    const plan = planFor('skill billing last 4h', ['1001']);
    assert.deepEqual(plan.request.body.filters.skillIds, ['1001']);
    assert.deepEqual(plan.request.body.responseSections, ['all']);
    assert.deepEqual(plan.request.body.filters.time, { from: NOW - 4 * 3600_000, to: NOW });
    assert.equal(plan.request.body.filters.time.to - plan.request.body.filters.time.from, 4 * 3600_000);
    assert.equal(plan.allPages, false);
  });

  it('group: the group and every sub-group; humans/bots become userTypes', () => {
    const plan = planFor('group "Tier 1" humans', ['502', '504', '505']);
    assert.deepEqual(plan.request.body.filters.agentGroupIds, ['502', '504', '505']);
    assert.deepEqual(plan.request.body.filters.userTypes, ['HUMAN']);
    assert.equal(plan.request.body.filters.skillIds, undefined);
  });

  it('a skill or group query without resolved ids is a programming error', () => {
    assert.throws(() => planFor('skill billing'), TypeError);
  });

  it('ranking with a KMM sort key: LivePerson sorts and pages, one page fetched', () => {
    const plan = planFor('groups by load top 20', undefined, 3);
    assert.equal(plan.allPages, false);
    assert.deepEqual(plan.request.sort, { key: 'humanAgentLoad', order: 'desc' });
    assert.equal(plan.request.offset, 40);
    assert.equal(plan.request.limit, 20);
    assert.equal(plan.rowsOffset, 40);
    assert.equal(plan.page, 3);
    assert.equal(plan.request.body.groupBy, 'agentGroupId');
    assert.deepEqual(plan.request.body.responseSections, ['groupBy']);
  });

  it('a page beyond LivePerson’s 1000 keys is clamped to the last reachable one', () => {
    const plan = planFor('skills by closed top 30', undefined, 99);
    assert.equal(plan.request.offset! + plan.request.limit!, 990);
    assert.equal(plan.page, 33);
    assert.ok(validateKmmRequest({ ...plan.request }, NOW).ok);
  });

  it('ranking without a sort key (queue, wait p90, csat, overdue): every page, ranked locally', () => {
    for (const by of ['queue', 'wait', 'csat', 'overdue']) {
      const plan = planFor(`skills by ${by}`);
      assert.equal(plan.allPages, true, by);
      assert.equal(plan.request.sort, undefined, by);
      assert.equal(plan.rowsOffset, 0);
    }
  });

  it('asks only for the metrics the view needs', () => {
    const plan = planFor('skills by closed');
    assert.deepEqual(plan.request.body.metricsToRetrieveByTime, ['closed_conversations']);
    assert.equal(plan.request.body.metricsToRetrieveCurrentValue, undefined);
  });
});

describe('requestMetrics(metricsNeeded(query))', () => {
  it('lists every KPI a skill report shows, split by kind, valid for KMM', () => {
    const m = requestMetrics(metricsNeeded(query('skill billing')));
    assert.ok(m.currentValue.includes('unassigned_conversations'));
    assert.ok(m.currentValue.includes('queue_wait_time_90th_percentile'));
    assert.ok(m.currentValue.includes('available_slots'));
    assert.ok(m.byTime.includes('csat'));
    assert.ok(m.byTime.includes('auto_closed'));
    assert.ok(!m.byTime.includes('unassigned_conversations' as never));
    const check = validateKmmRequest(
      {
        body: {
          filters: { time: { from: NOW - 3_600_000, to: NOW } },
          metricsToRetrieveByTime: m.byTime,
          metricsToRetrieveCurrentValue: m.currentValue,
        },
      },
      NOW,
    );
    assert.ok(check.ok);
  });

  it('asks only for what a ranking needs', () => {
    assert.deepEqual(requestMetrics(metricsNeeded(query('skills by queue'))), {
      byTime: [],
      // The queue's status reads free slots, queue wait and overdue beside it.
      currentValue: [
        'unassigned_conversations',
        'available_slots',
        'queue_wait_time_90th_percentile',
        'overdue_conversations_in_queue',
      ],
    });
    assert.deepEqual(requestMetrics(metricsNeeded(query('skills by wait'))), {
      byTime: ['avg_wait_time'],
      currentValue: ['queue_wait_time_90th_percentile'],
    });
    assert.deepEqual(requestMetrics(metricsNeeded(query('skills by csat'))), {
      byTime: ['csat'],
      currentValue: [],
    });
  });
});

describe('RANK_SORT', () => {
  it('uses KMM sort keys where they exist and ranks locally otherwise', () => {
    assert.deepEqual(RANK_SORT.load, { key: 'humanAgentLoad', order: 'desc' });
    assert.deepEqual(RANK_SORT.closed, { key: 'closedConversations', order: 'desc' });
    assert.deepEqual(RANK_SORT.response, { key: 'avgTimeToResponse', order: 'desc' });
    // Wait ranks by the queue-wait p90, which LivePerson cannot sort by.
    assert.equal(RANK_SORT.wait, null);
    assert.equal(RANK_SORT.queue, null);
    assert.equal(RANK_SORT.csat, null);
    assert.equal(RANK_SORT.overdue, null);
    for (const sort of Object.values(RANK_SORT)) if (sort) assert.ok(SORT_KEYS.includes(sort.key));
  });
});

describe('planReport: humans first', () => {
  it('asks the bots the same question, presence only, when no audience is given', () => {
    const plan = planFor('skill sales', ['1002']);
    assert.ok(plan.bots, 'a bots-only twin');
    assert.deepEqual(plan.bots.body.filters, { ...plan.request.body.filters, userTypes: ['BOT'] });
    assert.deepEqual(plan.bots.body.responseSections, plan.request.body.responseSections);
    assert.deepEqual(plan.bots.body.metricsToRetrieveCurrentValue, [
      'online_agents',
      'back_soon_agents',
      'away_agents',
      'available_slots',
    ]);
    assert.equal(plan.bots.body.metricsToRetrieveByTime, undefined);
    assert.ok(validateKmmRequest({ ...plan.bots }, NOW).ok);
  });

  it('groups the overview twin like the overview, so every skill gets its bots taken out', () => {
    const plan = planFor('');
    assert.equal(plan.bots?.body.groupBy, 'skillId');
    assert.deepEqual(plan.bots?.body.responseSections, ['all', 'groupBy']);
  });

  it('asks once when the query names its audience, or reads no presence', () => {
    assert.equal(planFor('skill sales humans', ['1002']).bots, undefined);
    assert.equal(planFor('skill sales bots', ['1002']).bots, undefined);
    assert.equal(planFor('skills by closed').bots, undefined);
    assert.equal(
      planFor('skills by queue').bots?.body.metricsToRetrieveCurrentValue?.join(),
      'available_slots',
    );
  });
});

describe('planTrend', () => {
  function trendFor(text: string, ids: string[]) {
    const q = query(text);
    const w = resolveWindow(q.window, NOW, 'UTC');
    assert.ok(w.ok, text);
    return planTrend(q, w.window, { ids }, NOW);
  }

  it('asks historical for closed conversations over the skill and window, at a readable interval', () => {
    const req = trendFor('skill billing last 4h', ['1001']);
    assert.deepEqual(req, {
      body: {
        filters: { time: { from: NOW - 4 * 3600_000, to: NOW }, skillIds: ['1001'] },
        metricsToRetrieveByTime: ['closed_conversations'],
      },
      intervalMinutes: 5,
    });
    assert.ok(validateHistoricalRequest({ body: req.body, interval: req.intervalMinutes }, NOW).ok);
  });

  it('covers a group with its sub-groups, keeps the audience, and fits 24 h in under 100 points', () => {
    const req = trendFor('group "Tier 1" last 24h humans', ['502', '504']);
    assert.deepEqual(req?.body.filters.agentGroupIds, ['502', '504']);
    assert.deepEqual(req?.body.filters.userTypes, ['HUMAN']);
    assert.equal(req?.intervalMinutes, 30);
  });

  it('has no trend for a window LivePerson keeps no trend of, or for a ranking', () => {
    assert.equal(trendFor('skill billing yesterday', ['1001']), undefined);
    const ranking = query('skills by closed');
    const w = resolveWindow(ranking.window, NOW, 'UTC');
    assert.ok(w.ok);
    assert.equal(planTrend(ranking, w.window, undefined, NOW), undefined);
  });
});
