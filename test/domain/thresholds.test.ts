import { strict as assert } from 'node:assert';
import type { MetricId } from '../../src/domain/metrics';
import { DEFAULT_THRESHOLDS, statusOf, worstOf } from '../../src/domain/thresholds';
import type { Thresholds } from '../../src/domain/thresholds';

const MIN = 60_000;

describe('thresholds', () => {
  const edges: [MetricId, number, string][] = [
    ['queueWaitP90', 2 * MIN - 1, 'ok'],
    ['queueWaitP90', 2 * MIN, 'warn'],
    ['queueWaitP90', 5 * MIN - 1, 'warn'],
    ['queueWaitP90', 5 * MIN, 'critical'],
    ['avgWait', MIN - 1, 'ok'],
    ['avgWait', MIN, 'warn'],
    ['avgWait', 3 * MIN, 'critical'],
    ['overdueInQueue', 0, 'ok'],
    ['overdueInQueue', 1, 'warn'],
    ['overdueInQueue', 4, 'warn'],
    ['overdueInQueue', 5, 'critical'],
    ['humanLoad', 0.849, 'ok'],
    ['humanLoad', 0.85, 'warn'],
    ['humanLoad', 0.95, 'critical'],
    ['humanLoad', 1.18, 'critical'],
    // An overload past 150 % is the worst case, not a small percentage (values are ratios here).
    ['humanLoad', 1.6, 'critical'],
    ['humanLoad', 2.4, 'critical'],
    ['csat', 0.8, 'ok'],
    ['csat', 0.799, 'warn'],
    ['csat', 0.7, 'warn'],
    ['csat', 0.699, 'critical'],
  ];
  for (const [field, value, status] of edges) {
    it(`${field} ${value} → ${status}`, () => assert.equal(statusOf(field, value), status));
  }

  it('is none for metrics without a threshold and for absent or negative values', () => {
    assert.equal(statusOf('closed', 100), 'none');
    assert.equal(statusOf('csat', undefined), 'none');
    assert.equal(statusOf('avgWait', -1), 'none');
  });

  describe('conversations waiting', () => {
    it('is critical when no slot is available', () => {
      assert.equal(statusOf('waiting', 3, DEFAULT_THRESHOLDS, { freeSlots: 0 }), 'critical');
    });
    it('is ok with free slots or an empty queue', () => {
      assert.equal(statusOf('waiting', 3, DEFAULT_THRESHOLDS, { freeSlots: 2 }), 'ok');
      assert.equal(statusOf('waiting', 0, DEFAULT_THRESHOLDS, { freeSlots: 0 }), 'ok');
    });
    it('is none when slots are unknown', () => {
      assert.equal(statusOf('waiting', 3), 'none');
    });
  });

  it('uses the thresholds it is given', () => {
    const strict: Thresholds = {
      byMetric: {
        ...DEFAULT_THRESHOLDS.byMetric,
        avgWait: { worse: 'higher', warn: 10_000, critical: 20_000 },
      },
      waitingWithNoSlots: 'warn',
    };
    assert.equal(statusOf('avgWait', 15_000, strict), 'warn');
    assert.equal(statusOf('avgWait', 15_000), 'ok');
    assert.equal(statusOf('waiting', 1, strict, { freeSlots: 0 }), 'warn');
  });

  it('worstOf picks the more severe status', () => {
    assert.equal(worstOf('ok', 'warn'), 'warn');
    assert.equal(worstOf('critical', 'warn'), 'critical');
    assert.equal(worstOf('none', 'ok'), 'ok');
  });
});
