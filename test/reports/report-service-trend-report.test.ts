import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import type { TrendQuery } from '../../src/domain/query';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { T0 } from '../liveperson/support/sim';
import { runQuery } from './support';

interface HistoricalBody {
  filters: {
    time: { from: number; to: number };
    skillIds?: string[];
    agentGroupIds?: string[];
    userTypes?: string[];
  };
  metricsToRetrieveByTime: string[];
}

function trend(of: TrendQuery['of'], over: Partial<TrendQuery> = {}): TrendQuery {
  return {
    kind: 'trend',
    of,
    ...(of === 'skill' ? { name: 'billing' } : of === 'group' ? { name: 'Tier 1' } : {}),
    window: { kind: 'last', ms: 4 * HOUR_MS },
    public: false,
    ...over,
  };
}

describe('report service: trend reports over HTTP to the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());
  beforeEach(() => sim.resetStats());

  function asked(): HistoricalBody[] {
    return sim.requests('historical') as HistoricalBody[];
  }

  it('a skill’s trend asks historical for its three series, filtered to the skill, 5-minute points over 4 h', async () => {
    const { outcome } = await runQuery(sim, trend('skill', { audience: 'humans' }));
    assert.equal(asked().length, 1);
    const body = asked()[0]!;
    assert.deepEqual(body.filters.skillIds, ['1001']);
    assert.deepEqual(body.filters.userTypes, ['HUMAN']);
    assert.deepEqual(body.metricsToRetrieveByTime, [
      'closed_conversations',
      'concluded_conversations',
      'transfers',
    ]);
    assert.equal(body.filters.time.to - body.filters.time.from, 4 * HOUR_MS);
    assert.equal(sim.requests('metrics').length, 0, 'a trend needs no metrics call');

    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'trend');
    const r = outcome.report;
    assert.deepEqual(r.scope, { id: '1001', name: 'Billing' });
    assert.equal(r.intervalMinutes, 5);
    // The simulator answers one point per interval it was asked for: the interval went over the wire.
    assert.equal(r.points.length, 48);
    assert.equal(r.points[1]!.end - r.points[0]!.end, 5 * MINUTE_MS);
    const closed = r.points.reduce((a, p) => a + (p.values.closed ?? 0), 0);
    assert.equal(r.totals.closed, closed);
    assert.ok(closed > 0, 'the busy afternoon closes conversations');
    assert.ok((r.totals.concluded ?? 0) >= closed, 'concluded counts closed and transferred away');
    assert.equal(r.busiest?.values.closed, Math.max(...r.points.map((p) => p.values.closed ?? 0)));
  });

  it('a group’s trend covers its sub-groups; 24 h comes in 15-minute points', async () => {
    const { outcome } = await runQuery(sim, trend('group', { window: { kind: 'last', ms: DAY_MS } }));
    assert.deepEqual([...asked()[0]!.filters.agentGroupIds!].sort(), ['502', '504', '505']);
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'trend');
    assert.equal(outcome.report.intervalMinutes, 15);
    assert.equal(outcome.report.points.length, 96);
  });

  it('the account’s trend has no scope filter', async () => {
    const { outcome } = await runQuery(sim, trend('account'));
    assert.deepEqual(Object.keys(asked()[0]!.filters), ['time']);
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'trend');
    assert.equal(outcome.report.scope, undefined);
  });

  it('a window that starts before the last 24 h is cut there, not refused, and the report says where it was to start', async () => {
    const { outcome } = await runQuery(sim, trend('skill', { window: { kind: 'yesterday' } }));
    const time = asked()[0]!.filters.time;
    assert.ok(time.from >= T0 - DAY_MS, 'inside historical’s 24 h');
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'trend');
    assert.equal(outcome.report.clampedFrom, Date.UTC(2026, 10, 24));
    assert.equal(time.to, Date.UTC(2026, 10, 25), 'still ends where yesterday ends');
    assert.equal(outcome.report.window.from, T0 - DAY_MS);
  });

  it('a name that matches nothing answers not-found with the trend query, for "Did you mean"', async () => {
    const { outcome } = await runQuery(sim, trend('skill', { name: 'biling' }), { anyOutcome: true });
    assert.equal(outcome.kind, 'not-found');
    assert.ok(outcome.kind === 'not-found');
    assert.equal(outcome.query.kind, 'trend');
    assert.ok(outcome.suggestions.some((s) => s.name === 'Billing'));
    assert.equal(asked().length, 0);
  });

  it('an id from a button skips name matching', async () => {
    const { outcome } = await runQuery(sim, trend('skill', { name: 'whatever was typed' }), { id: '1001' });
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'trend');
    assert.equal(outcome.report.scope?.name, 'Billing');
  });
});
