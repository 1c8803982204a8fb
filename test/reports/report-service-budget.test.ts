import { strict as assert } from 'node:assert';
import { parseCommand } from '../../src/grammar/parser';
import { isMetricsQuery } from '../../src/domain/query';
import { createDirectory } from '../../src/liveperson/directory';
import { createReportService } from '../../src/reports/report-service';
import { DEFAULT_OAUTH, startSimulator, type Simulator } from '../../src/simulator';
import { fakeRuntime } from '../liveperson/support/fake-time';
import { T0, clientFor } from '../liveperson/support/sim';

describe('report service: a background run retries on LivePerson’s 5/10/15 s schedule', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ now: T0, oauth: DEFAULT_OAUTH });
  });
  after(() => sim.close());

  it('name lookups and the metrics call alike', async () => {
    const rt = fakeRuntime();
    const client = clientFor(sim, { oauth: DEFAULT_OAUTH, cacheTtlMs: 0, retry: rt });
    try {
      const directory = createDirectory({ source: client, logger: { warn: () => undefined } });
      const reports = createReportService({ client, directory, now: () => T0, source: 'test' });
      // One audience, one metrics call: with none, the bots' twin request would retry beside it.
      const parsed = parseCommand('skill billing humans');
      assert.ok(isMetricsQuery(parsed));
      sim.inject({ route: 'skills', status: 503, times: 1 });
      sim.inject({ route: 'metrics', status: 502, times: 2 });
      const outcome = await reports.run(parsed, { budget: 'background' });
      assert.equal(outcome.kind, 'report');
      assert.deepEqual(rt.sleeps, [5000, 5000, 10000]);
    } finally {
      await client.close();
    }
  });
});
