import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { parseCommand } from '../../src/grammar/parser';
import { createDirectory } from '../../src/liveperson/directory';
import { createReportService } from '../../src/reports/report-service';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { T0, clientFor } from '../liveperson/support/sim';

describe('report service: the trend behind a skill chart', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());

  async function run(text: string, opts: { fail?: boolean } = {}) {
    const client = clientFor(sim, { oauth: DEFAULT_OAUTH, cacheTtlMs: 0 });
    const historical = sinon
      .stub(client, 'historical')
      .callsFake(() =>
        opts.fail
          ? Promise.reject(new Error('historical down'))
          : Promise.resolve({ points: [{ timestamp: T0, values: { closedConversations: 7 } }] }),
      );
    // Time moves on while names are looked up, as it does for real.
    let now = T0;
    const warn = sinon.spy();
    try {
      const directory = createDirectory({ source: client, logger: { warn: () => undefined } });
      const reports = createReportService({
        client,
        directory,
        now: () => (now += 5),
        source: 'test',
        trends: true,
        log: { warn },
      });
      const parsed = parseCommand(text);
      assert.ok(parsed.kind !== 'usage' && parsed.kind !== 'help');
      const outcome = await reports.run(parsed);
      assert.equal(outcome.kind, 'report');
      return { outcome, historical, warn };
    } finally {
      await client.close();
    }
  }

  it('a "last 24h" window gets its trend although the clock moved during the name lookup', async () => {
    const { outcome, historical } = await run('skill billing last 24h');
    assert.equal(historical.callCount, 1);
    assert.equal(historical.firstCall.args[0].intervalMinutes, 30);
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'skill');
    assert.equal(outcome.report.trend?.total, 7);
  });

  it('a trend that fails leaves the report whole, without a chart, and says so in the log', async () => {
    const { outcome, warn } = await run('skill billing last 4h', { fail: true });
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'skill');
    assert.equal(outcome.report.trend, undefined);
    assert.ok(outcome.report.kpis.closed.value !== undefined);
    assert.equal(warn.callCount, 1);
  });
});
