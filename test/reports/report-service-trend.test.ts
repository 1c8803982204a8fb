import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { T0 } from '../liveperson/support/sim';
import { runReport } from './support';

describe('report service: the trend behind a skill chart', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());

  async function run(text: string, opts: { fail?: boolean } = {}) {
    let historical: sinon.SinonStub | undefined;
    // Time moves on while names are looked up, as it does for real.
    let now = T0;
    const { outcome, warn } = await runReport(sim, text, {
      trends: true,
      now: () => (now += 5),
      prepare: (client) => {
        historical = sinon
          .stub(client, 'historical')
          .callsFake(() =>
            opts.fail
              ? Promise.reject(new Error('historical down'))
              : Promise.resolve({ points: [{ timestamp: T0, values: { closedConversations: 7 } }] }),
          );
      },
    });
    return { outcome, historical: historical!, warn };
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
