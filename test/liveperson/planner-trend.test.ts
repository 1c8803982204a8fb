import { strict as assert } from 'node:assert';
import {
  historicalIntervalMinutes,
  historicalPoints,
  planComparison,
  planTrend,
  planTrendReport,
} from '../../src/liveperson/planner';
import { MAX_HISTORICAL_POINTS, validateHistoricalRequest } from '../../src/liveperson/contract/historical';
import { BY_TIME_METRICS } from '../../src/liveperson/contract/catalog';
import { validateKmmRequest } from '../../src/liveperson/contract/metrics-request';
import { TREND_INTERVALS_MINUTES } from '../../src/domain/trend';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import type { TrendQuery } from '../../src/domain/query';
import { parseCommand } from '../../src/grammar/parser';

const NOW = Date.UTC(2026, 10, 25, 15, 0, 30);

function trendQuery(of: TrendQuery['of'], over: Partial<TrendQuery> = {}): TrendQuery {
  return {
    kind: 'trend',
    of,
    ...(of === 'account' ? {} : { name: 'billing' }),
    window: { kind: 'last', ms: 4 * HOUR_MS },
    public: false,
    ...over,
  };
}

describe('planner: trend reports (historical)', () => {
  it('4 h: one point per 5 minutes, 48 points', () => {
    assert.equal(historicalIntervalMinutes(4 * HOUR_MS), 5);
    assert.equal(historicalPoints(4 * HOUR_MS, 5), 48);
  });

  it('24 h: one point per 15 minutes, 96 points', () => {
    assert.equal(historicalIntervalMinutes(DAY_MS), 15);
    assert.equal(historicalPoints(DAY_MS, 15), 96);
  });

  it('every window up to 24 h gets the finest readable interval within 100 points, rounding included', () => {
    for (let minutes = 1; minutes <= 24 * 60; minutes += 7) {
      const span = minutes * MINUTE_MS;
      const interval = historicalIntervalMinutes(span);
      assert.ok((TREND_INTERVALS_MINUTES as readonly number[]).includes(interval));
      // LivePerson rounds from down and to up to the minute: the worst case adds two minutes.
      assert.ok(historicalPoints(span + 2 * MINUTE_MS, interval) <= MAX_HISTORICAL_POINTS, `${minutes} min`);
      const finer = TREND_INTERVALS_MINUTES.filter((m) => m < interval);
      for (const m of finer) assert.ok(historicalPoints(span + 2 * MINUTE_MS, m) > MAX_HISTORICAL_POINTS);
    }
  });

  it('a window that just fits 100 points unrounded still passes LivePerson’s check once rounded', () => {
    const span = 500 * MINUTE_MS; // 100 × 5 min, but 502 min once rounded outward
    const plan = planTrendReport(trendQuery('account'), { from: NOW - span, to: NOW });
    const v = validateHistoricalRequest(
      { body: plan.request.body, interval: plan.request.intervalMinutes },
      NOW,
    );
    assert.ok(v.ok, JSON.stringify(!v.ok && v.issues));
  });

  it('skill: the three series, the skill’s id and the window, asked as LivePerson accepts it', () => {
    const plan = planTrendReport(
      trendQuery('skill', { audience: 'humans' }),
      { from: NOW - 4 * HOUR_MS, to: NOW },
      {
        ids: ['1001'],
      },
    );
    assert.equal(plan.kind, 'historical');
    assert.deepEqual(plan.request.body, {
      filters: { time: { from: NOW - 4 * HOUR_MS, to: NOW }, skillIds: ['1001'], userTypes: ['HUMAN'] },
      metricsToRetrieveByTime: ['closed_conversations', 'concluded_conversations', 'transfers'],
    });
    assert.equal(plan.request.intervalMinutes, 5);
    const v = validateHistoricalRequest({ body: plan.request.body, interval: 5 }, NOW);
    assert.ok(v.ok);
  });

  it('group: the group and its sub-groups; account: no scope filter at all', () => {
    const group = planTrendReport(
      trendQuery('group'),
      { from: NOW - HOUR_MS, to: NOW },
      { ids: ['502', '504'] },
    );
    assert.deepEqual(group.request.body.filters.agentGroupIds, ['502', '504']);
    assert.equal(group.request.body.filters.skillIds, undefined);
    const account = planTrendReport(trendQuery('account', { audience: 'bots' }), {
      from: NOW - HOUR_MS,
      to: NOW,
    });
    assert.deepEqual(Object.keys(account.request.body.filters).sort(), ['time', 'userTypes']);
    assert.deepEqual(account.request.body.filters.userTypes, ['BOT']);
  });

  it('a skill or group trend without resolved ids is a programming error', () => {
    assert.throws(() => planTrendReport(trendQuery('skill'), { from: NOW - HOUR_MS, to: NOW }), TypeError);
  });

  it('the small trend behind skill and group charts is unchanged: closed only, at most 48 bars', () => {
    const q = parseCommand('skill billing last 24h');
    assert.ok(q.kind === 'skill');
    const request = planTrend(q, { from: NOW - DAY_MS + MINUTE_MS, to: NOW }, { ids: ['1001'] }, NOW);
    assert.deepEqual(request?.body.metricsToRetrieveByTime, ['closed_conversations']);
    assert.equal(request?.intervalMinutes, 30);
  });
});

describe('planner: comparisons (metrics over an earlier window)', () => {
  const earlier = { from: NOW - DAY_MS - 4 * HOUR_MS, to: NOW - DAY_MS };

  it('a skill’s earlier window: same skill and audience, totals only, only metrics counted over time', () => {
    const q = parseCommand('skill billing last 4h humans vs yesterday');
    assert.ok(q.kind === 'skill');
    const request = planComparison(q, earlier, { ids: ['1001'] })!;
    assert.deepEqual(request.body.filters, { time: earlier, skillIds: ['1001'], userTypes: ['HUMAN'] });
    assert.deepEqual(request.body.responseSections, ['all']);
    assert.equal(request.body.metricsToRetrieveCurrentValue, undefined, 'waiting now has no yesterday');
    assert.deepEqual([...request.body.metricsToRetrieveByTime!].sort(), [
      'auto_closed',
      'avg_time_to_response',
      'avg_wait_time',
      'avg_wait_time_first_response',
      'closed_by_agent',
      'closed_by_consumer',
      'closed_conversations',
      'csat',
    ]);
    for (const m of request.body.metricsToRetrieveByTime!)
      assert.ok((BY_TIME_METRICS as readonly string[]).includes(m));
    const v = validateKmmRequest({ ...request }, NOW);
    assert.ok(v.ok, JSON.stringify(!v.ok && v.issues));
  });

  it('a group’s: the group with sub-groups; the overview’s: the whole account, no groupBy', () => {
    const g = parseCommand('group Tier 1 vs last week');
    assert.ok(g.kind === 'group');
    assert.deepEqual(planComparison(g, earlier, { ids: ['502', '504'] })!.body.filters.agentGroupIds, [
      '502',
      '504',
    ]);
    const o = parseCommand('vs yesterday');
    assert.ok(o.kind === 'overview');
    const body = planComparison(o, earlier)!.body;
    assert.deepEqual(Object.keys(body.filters), ['time']);
    assert.equal(body.groupBy, undefined);
  });
});
