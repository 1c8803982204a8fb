import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import type { KmmRequest } from '../../src/liveperson/contract/metrics-request';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { renderReport } from '../../src/slack/views/report';
import { allText } from '../fixtures/reports';
import { T0 } from '../liveperson/support/sim';
import { runReport } from './support';

describe('report service: people first, against the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());

  async function run(opts: { failBots: boolean }) {
    const asked: KmmRequest[] = [];
    const { outcome, warn } = await runReport(sim, 'skill sales', {
      prepare: (client) => {
        const metrics = client.metrics.bind(client);
        sinon.stub(client, 'metrics').callsFake((req: KmmRequest, call) => {
          asked.push(req);
          if (opts.failBots && req.body.filters.userTypes?.includes('BOT'))
            return Promise.reject(new Error('bots answer lost'));
          return metrics(req, call);
        });
      },
    });
    return { outcome, asked, warn };
  }

  it('asks everyone and the bots, and shows the people', async () => {
    const { outcome, asked } = await run({ failBots: false });
    assert.deepEqual(
      asked.map((r) => r.body.filters.userTypes),
      [undefined, ['BOT']],
    );
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'skill');
    assert.equal(outcome.report.agents, 'humans');
  });

  it('a lost bots answer does not lose the report: it says its agents include bots', async () => {
    const { outcome, warn } = await run({ failBots: true });
    assert.ok(outcome.kind === 'report' && outcome.report.kind === 'skill');
    assert.equal(outcome.report.agents, 'everyone');
    assert.equal(warn.callCount, 1);
    const text = allText(renderReport(outcome.report).blocks);
    assert.ok(text.includes('*Free slots (humans and bots)*'), text);
    assert.ok(!text.includes('Free human slots'), 'no claim about people it could not count');
    assert.match(text, /free slots? \(bots included\)/);
  });
});
