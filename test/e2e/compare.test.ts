import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';
import { BUSY_NOW, fieldLine, startHarness, texts, type Harness } from './harness';

interface MetricsBody {
  filters: { time: { from: number; to: number }; skillIds?: string[] };
  metricsToRetrieveByTime?: string[];
  metricsToRetrieveCurrentValue?: string[];
}

describe('e2e: /queue … vs yesterday through the real Bolt app', function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ env: { CHARTS: 'off' } });
  });
  after(() => h.close());

  it('/queue skill billing vs yesterday: the period fields show the change against the same hour yesterday', async () => {
    h.sim.resetStats();
    const r = await h.command('skill billing vs yesterday');
    const posts = await h.responses(r.responseId);
    const final = posts[posts.length - 1]!.body;

    const asked = h.sim.requests('metrics') as MetricsBody[];
    const earlier = asked.filter((b) => b.filters.time.to <= BUSY_NOW - DAY_MS + 60_000);
    assert.equal(earlier.length, 1, JSON.stringify(asked.map((b) => b.filters.time)));
    assert.equal(earlier[0]!.filters.time.from, BUSY_NOW - HOUR_MS - DAY_MS);
    assert.deepEqual(earlier[0]!.filters.skillIds, ['1001']);
    assert.equal(earlier[0]!.metricsToRetrieveCurrentValue, undefined);

    // Every period field carries "… vs yesterday" under its value; the queue's current values do not.
    const all = texts(final).join('\n');
    for (const label of ['Closed', 'Avg wait', 'First response', 'Time to response', 'CSAT']) {
      const re = new RegExp(
        `\\*${label}\\*\\n[^\\n]+\\n_(?:[▲▼] [^_]+ \\((?:[+−]<?\\d+%|n/a %)\\)|no change|—) vs yesterday_`,
      );
      assert.match(all, re, label);
    }
    assert.match(all, /compared with the same window yesterday/);
    assert.ok(fieldLine(final, 'Waiting in queue') !== undefined);
    assert.doesNotMatch(all, /Waiting in queue\*\n[^\n]+\n_[^\n]*vs yesterday/);
    // The simulator is busier on the hour than a day before: at least one figure moved.
    assert.match(all, /[▲▼] [^_]+ vs yesterday/);
  });
});
