import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { T0 } from '../liveperson/support/sim';
import { runReport } from './support';

interface MetricsBody {
  filters: { time: { from: number; to: number }; skillIds?: string[]; agentGroupIds?: string[] };
  responseSections?: string[];
  metricsToRetrieveByTime?: string[];
  metricsToRetrieveCurrentValue?: string[];
}

describe('report service: comparisons with yesterday and last week, over HTTP to the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());
  beforeEach(() => sim.resetStats());

  const bodies = () => sim.requests('metrics') as MetricsBody[];
  const startingAt = (from: number) => bodies().filter((b) => b.filters.time.from === from);

  it('skill billing last 4h vs yesterday: the same skill one day back, only the metrics counted over time', async () => {
    const { outcome } = await runReport(sim, 'skill billing last 4h vs yesterday');
    const now = { from: T0 - 4 * HOUR_MS, to: T0 };
    const earlier = startingAt(now.from - DAY_MS);
    assert.equal(earlier.length, 1, JSON.stringify(bodies().map((b) => b.filters.time)));
    const body = earlier[0]!;
    assert.equal(body.filters.time.to, now.to - DAY_MS);
    assert.deepEqual(body.filters.skillIds, ['1001']);
    assert.deepEqual(body.responseSections, ['all']);
    assert.equal(body.metricsToRetrieveCurrentValue, undefined);
    assert.ok(body.metricsToRetrieveByTime!.includes('closed_conversations'));
    assert.ok(body.metricsToRetrieveByTime!.includes('csat'));

    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'skill');
    const [c] = outcome.report.comparisons!;
    assert.equal(c!.with, 'yesterday');
    assert.deepEqual(c!.window, { from: now.from - DAY_MS, to: now.to - DAY_MS });
    assert.equal(typeof c!.values.closed, 'number');
    assert.equal('waiting' in c!.values, false, 'a current value is not compared');
    assert.equal(c!.missing, undefined);
  });

  it('the Compare button’s two windows are asked beside the report, each a calendar day(s) back in the asker’s zone', async () => {
    // "today" in Berlin on 25 Nov 2026 (CET, UTC+1): from 23:00Z on the 24th.
    const { outcome } = await runReport(sim, 'group Tier 1 today vs yesterday vs last week', {
      timezone: 'Europe/Berlin',
    });
    const midnight = Date.UTC(2026, 10, 24, 23);
    // The report itself, and its bots-only twin (presence); the earlier windows have no twin.
    assert.equal(startingAt(midnight).length, 2);
    const yesterday = startingAt(midnight - DAY_MS);
    const week = startingAt(midnight - 7 * DAY_MS);
    assert.equal(yesterday.length, 1);
    assert.equal(week.length, 1);
    assert.deepEqual([...week[0]!.filters.agentGroupIds!].sort(), ['502', '504', '505']);
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'group');
    assert.deepEqual(
      outcome.report.comparisons!.map((c) => c.with),
      ['yesterday', 'week'],
    );
  });

  it('a comparison that fails leaves the report whole, marks that comparison unavailable, and logs it', async () => {
    const { outcome, warn } = await runReport(sim, 'vs last week', {
      prepare: (client) => {
        const real = client.metrics.bind(client);
        sinon
          .stub(client, 'metrics')
          .callsFake((request, call) =>
            request.body.filters.time.from < T0 - DAY_MS
              ? Promise.reject(new Error('down'))
              : real(request, call),
          );
      },
    });
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'overview');
    assert.deepEqual(outcome.report.comparisons, [
      {
        with: 'week',
        window: { from: T0 - HOUR_MS - 7 * DAY_MS, to: T0 - 7 * DAY_MS },
        values: {},
        missing: 'unavailable',
      },
    ]);
    assert.ok(outcome.report.kpis.closed.value !== undefined);
    assert.equal(warn.callCount, 1);
  });

  it('without vs nothing earlier is asked', async () => {
    const { outcome } = await runReport(sim, 'skill billing last 4h');
    assert.equal(bodies().length, bodies().filter((b) => b.filters.time.to === T0).length);
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'skill');
    assert.equal(outcome.report.comparisons, undefined);
  });
});
