/**
 * What a digest posts, built over real HTTP to the simulator at the busy 25 Nov 2026 peak: the
 * shift ending at the fire time beside the same shift a week earlier, on the background budget;
 * identical digests of one fire minute ask LivePerson once; a deleted skill is a line; a chart that
 * cannot be made leaves the text.
 */
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { Digest, DigestScope } from '../../src/domain/digest';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';
import type { LivePersonClient } from '../../src/liveperson/client/client';
import { createDirectory } from '../../src/liveperson/directory';
import { createReportService } from '../../src/reports/report-service';
import {
  buildShiftSummary,
  shiftSummaryChart,
  type ShiftSummaryDeps,
} from '../../src/schedule/shift-summary';
import { Deadline } from '../../src/shared/deadline';
import type { AppLogger } from '../../src/shared/logger';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { renderShiftSummary } from '../../src/slack/views/shift-summary';
import { checkMessage } from '../../src/slack/views/limits';
import { clientFor, totalRequests } from '../liveperson/support/sim';

const PEAK = Date.UTC(2026, 10, 25, 11, 17, 0);
const SHIFT = 8 * HOUR_MS;

interface Body {
  filters: { time: { from: number; to: number }; skillIds?: string[]; userTypes?: string[] };
  groupBy?: string;
  metricsToRetrieveCurrentValue?: string[];
}

export function digestOf(scope: DigestScope, over: Partial<Digest> = {}): Digest {
  return {
    id: 'dg-1',
    teamId: 'T1',
    channelId: 'C1',
    createdBy: 'U1',
    createdAt: 0,
    updatedAt: 0,
    // 12:17 in Berlin (CET, UTC+1) is the 11:17 UTC peak.
    schedule: { days: { kind: 'weekdays' }, hour: 12, minute: 17, zone: 'Europe/Berlin' },
    windowMs: SHIFT,
    scope,
    chart: true,
    paused: false,
    ...over,
  };
}

const TWO_SKILLS: DigestScope = {
  kind: 'skills',
  items: [
    { id: '1001', name: 'Billing' },
    { id: '1002', name: 'Sales' },
  ],
};

const silentLog = (): AppLogger => {
  const log: AppLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: sinon.spy(),
    error: () => undefined,
    enabled: () => true,
    child: () => log,
  };
  return log;
};

describe('shift summary: built through the report service, over HTTP to the simulator', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let client: LivePersonClient;
  let deps: ShiftSummaryDeps;
  let warn: sinon.SinonSpy;

  before(async () => {
    sim = await startSimulator({ now: PEAK, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.setNow(PEAK);
    sim.resetStats();
    // The default cache, as production runs it: deduplication is part of what is tested.
    client = clientFor(sim, { oauth: DEFAULT_OAUTH });
    warn = sinon.spy();
    const directory = createDirectory({ source: client, logger: { warn: () => undefined } });
    const reports = createReportService({
      client,
      directory,
      now: () => sim.now(),
      source: 'LivePerson simulator',
      trends: true,
      log: { warn },
    });
    deps = { reports, log: { warn } };
  });
  afterEach(() => client.close());

  const bodies = () => sim.requests('metrics') as Body[];
  const windows = () => new Set(bodies().map((b) => `${b.filters.time.from}-${b.filters.time.to}`));

  it('the account: the overview of the shift ending at the fire time, a week earlier beside it, best and worst skills', async () => {
    const metrics = sinon.spy(client, 'metrics');
    // Built 7 minutes after its fire time (a catch-up after a restart): still the shift ending then.
    sim.setNow(PEAK + 7 * 60_000);
    const summary = await buildShiftSummary(digestOf({ kind: 'account' }), PEAK, deps);
    assert.equal(summary.scope, 'account');
    assert.ok(summary.scope === 'account');
    assert.deepEqual([summary.from, summary.to, summary.zone], [PEAK - SHIFT, PEAK, 'Europe/Berlin']);
    assert.deepEqual(
      [...windows()].sort(),
      [`${PEAK - SHIFT}-${PEAK}`, `${PEAK - SHIFT - 7 * DAY_MS}-${PEAK - 7 * DAY_MS}`].sort(),
      'the shift and the same shift a week earlier, nothing else',
    );
    const week = bodies().filter((b) => b.filters.time.to === PEAK - 7 * DAY_MS);
    assert.equal(week.length, 1);
    assert.equal(week[0]!.metricsToRetrieveCurrentValue, undefined, 'a week ago has no "now"');
    // The overview and the skills ranked for best and worst, both grouped by skill.
    assert.ok(bodies().filter((b) => b.filters.time.to === PEAK && b.groupBy === 'skillId').length >= 2);

    const [c] = summary.report.comparisons!;
    assert.equal(c!.with, 'week');
    assert.equal(c!.missing, undefined);
    assert.equal(typeof c!.values.closed, 'number');
    assert.equal(typeof summary.report.kpis.closedByAgent.value, 'number');
    assert.equal(summary.standings.kind, 'ranked');
    assert.ok(summary.standings.kind === 'ranked');
    assert.ok(summary.standings.worst.value > summary.standings.best.value);

    assert.ok(metrics.callCount > 0);
    for (const call of metrics.getCalls()) {
      const opts = call.args[1];
      assert.equal(opts?.budget, 'background');
      assert.ok(opts?.deadline instanceof Deadline);
    }
    assert.equal(warn.callCount, 0, JSON.stringify(warn.args));
  });

  it('two skills: each one’s shift beside last week, and the best and worst of the two', async () => {
    const summary = await buildShiftSummary(digestOf(TWO_SKILLS), PEAK, deps);
    assert.ok(summary.scope === 'skills');
    assert.deepEqual(
      summary.items.map((i) => [i.kind, i.target.id]),
      [
        ['report', '1001'],
        ['report', '1002'],
      ],
    );
    for (const item of summary.items) {
      assert.ok(item.kind === 'report');
      const week = item.report.comparisons?.find((c) => c.with === 'week');
      assert.deepEqual(week?.window, { from: PEAK - SHIFT - 7 * DAY_MS, to: PEAK - 7 * DAY_MS });
      assert.equal(typeof week?.values.closed, 'number');
    }
    const asked = bodies().filter((b) => b.filters.time.to === PEAK - 7 * DAY_MS);
    assert.deepEqual(asked.map((b) => b.filters.skillIds).sort(), [['1001'], ['1002']]);
    assert.ok(summary.standings.kind === 'ranked');
    assert.deepEqual(
      new Set([summary.standings.best.id, summary.standings.worst.id]),
      new Set(['1001', '1002']),
    );
    // Read by the shift's average wait, each skill's as its own report has it.
    const waits = new Map(
      summary.items.flatMap((i) => (i.kind === 'report' ? [[i.report.id, i.report.kpis.avgWait.value]] : [])),
    );
    assert.equal(summary.standings.worst.value, Math.max(...[...waits.values()].map(Number)));
    assert.equal(summary.standings.best.value, Math.min(...[...waits.values()].map(Number)));
  });

  it('two digests with the same scope at the same fire time ask LivePerson once per distinct request', async () => {
    const a = digestOf(TWO_SKILLS, { id: 'dg-a' });
    const b = digestOf(TWO_SKILLS, { id: 'dg-b', channelId: 'C2' });
    await Promise.all([buildShiftSummary(a, PEAK, deps), buildShiftSummary(b, PEAK, deps)]);
    const distinct = new Set(bodies().map((x) => JSON.stringify(x)));
    assert.equal(bodies().length, distinct.size, 'a metrics request was sent twice');
    const historical = sim.requests('historical').map((x) => JSON.stringify(x));
    assert.equal(historical.length, new Set(historical).size, 'a trend was asked twice');
    const sent = totalRequests(sim);
    // A third digest of that minute, run 90 s later behind the others, asks nothing new.
    sim.setNow(PEAK + 90_000);
    await buildShiftSummary(digestOf(TWO_SKILLS, { id: 'dg-c' }), PEAK, deps);
    assert.equal(totalRequests(sim), sent);
  });

  it('a skill deleted since the digest was set up is a line saying so, not a failure', async () => {
    const scope: DigestScope = {
      kind: 'skills',
      items: [
        { id: '1099', name: 'Legacy Billing' },
        { id: '1001', name: 'Billing' },
      ],
    };
    const summary = await buildShiftSummary(digestOf(scope), PEAK, deps);
    assert.ok(summary.scope === 'skills');
    assert.deepEqual(
      summary.items.map((i) => i.kind),
      ['gone', 'report'],
    );
    // One skill left with a wait: nothing to call best or worst.
    assert.equal(summary.standings.kind, 'too-few');
    const message = renderShiftSummary(summary, { digest: digestOf(scope) });
    assert.match(
      JSON.stringify(message.blocks),
      /Legacy Billing\* — this skill no longer exists in LivePerson/,
    );
    assert.deepEqual(checkMessage(message), []);
  });

  it('a skill that cannot be fetched is noted while the other goes out; nothing fetched at all rejects', async () => {
    const original = client.metrics.bind(client);
    sinon
      .stub(client, 'metrics')
      .callsFake((req, opts) =>
        req.body.filters.skillIds?.includes('1002') ? Promise.reject(new Error('boom')) : original(req, opts),
      );
    const summary = await buildShiftSummary(digestOf(TWO_SKILLS), PEAK, deps);
    assert.ok(summary.scope === 'skills');
    assert.deepEqual(
      summary.items.map((i) => i.kind),
      ['report', 'unavailable'],
    );
    const only: DigestScope = { kind: 'skills', items: [{ id: '1002', name: 'Sales' }] };
    await assert.rejects(buildShiftSummary(digestOf(only), PEAK, deps), /boom/);
  });

  it('a chart that cannot be made leaves the text summary; a digest without a chart asks for none', async () => {
    const digest = digestOf({ kind: 'account' });
    const summary = await buildShiftSummary(digest, PEAK, deps);
    const log = silentLog();
    const charts = { chartFor: sinon.stub().rejects(new Error('quickchart down')) };
    const chart = await shiftSummaryChart(summary, digest, charts, { log });
    assert.equal(chart, undefined);
    assert.equal(charts.chartFor.callCount, 1);
    assert.equal((log.warn as sinon.SinonSpy).callCount, 1);
    const message = renderShiftSummary(summary, { digest, ...(chart ? { chart } : {}) });
    assert.ok(
      message.text.startsWith('Shift summary · Whole account · 04:17–12:17 Europe/Berlin'),
      message.text,
    );
    assert.ok(!message.blocks.some((b) => b.type === 'image'));
    assert.deepEqual(checkMessage(message), []);

    const off = await shiftSummaryChart(summary, { chart: false }, charts, { log });
    assert.equal(off, undefined);
    assert.equal(charts.chartFor.callCount, 1, 'asked for a chart the digest does not want');
  });
});
