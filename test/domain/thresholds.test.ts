import { strict as assert } from 'node:assert';
import type { MetricId } from '../../src/domain/metrics';
import { DEFAULT_THRESHOLDS, statusOf, verdictOf, worstOf } from '../../src/domain/thresholds';
import { thresholdsForSkill, type Targets } from '../../src/domain/targets';
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
    it('is ok with free slots and a wait within target, or an empty queue', () => {
      assert.equal(statusOf('waiting', 3, DEFAULT_THRESHOLDS, { freeSlots: 2, queueWaitP90: 30_000 }), 'ok');
      assert.equal(statusOf('waiting', 0, DEFAULT_THRESHOLDS, { freeSlots: 0 }), 'ok');
    });
    it('is none with free slots but no wait to judge by: slots alone never make a queue green', () => {
      assert.equal(statusOf('waiting', 3, DEFAULT_THRESHOLDS, { freeSlots: 6 }), 'none');
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

describe('verdicts name their threshold', () => {
  it('a queue with free slots that has waited past its target is not ok, and says p90 drove it', () => {
    const v = verdictOf('waiting', 1, DEFAULT_THRESHOLDS, { freeSlots: 6, queueWaitP90: 13.5 * MIN });
    assert.equal(v.status, 'critical');
    assert.deepEqual(v.rule, {
      kind: 'threshold',
      metric: 'queueWaitP90',
      worse: 'higher',
      limit: 5 * MIN,
      breached: true,
      status: 'critical',
    });
  });

  it('no free slot names itself as the reason', () => {
    const v = verdictOf('waiting', 3, DEFAULT_THRESHOLDS, { freeSlots: 0, queueWaitP90: 30_000 });
    assert.deepEqual(v, { status: 'critical', rule: { kind: 'no-free-slots' } });
  });

  it('within target: ok, with the target it is within', () => {
    const v = verdictOf('queueWaitP90', 40_000);
    assert.deepEqual(v.rule, {
      kind: 'threshold',
      metric: 'queueWaitP90',
      worse: 'higher',
      limit: 2 * MIN,
      breached: false,
      status: 'ok',
    });
  });

  it('no data has no verdict: never a colour for a missing CSAT', () => {
    assert.deepEqual(verdictOf('csat', undefined), { status: 'none' });
  });
});

describe('targets per skill', () => {
  const vip = { queueWaitP90: { worse: 'higher' as const, warn: 30_000, critical: MIN } };
  const targets: Targets = {
    account: DEFAULT_THRESHOLDS,
    skills: { '1006': vip, 'returns & exchanges': vip },
  };

  it("lays a skill's own limits over the account's, by id or by name in any case", () => {
    assert.equal(
      thresholdsForSkill(targets, { id: '1006', name: 'VIP' }).byMetric.queueWaitP90?.warn,
      30_000,
    );
    assert.equal(
      thresholdsForSkill(targets, { id: '9', name: 'Returns & EXCHANGES' }).byMetric.queueWaitP90?.warn,
      30_000,
    );
    // What the skill does not set comes from the account.
    assert.equal(thresholdsForSkill(targets, { id: '1006', name: 'VIP' }).byMetric.humanLoad?.warn, 0.85);
    assert.equal(thresholdsForSkill(targets, { id: '1001', name: 'Billing' }), DEFAULT_THRESHOLDS);
  });

  it('a skill named like an Object.prototype key finds nothing', () => {
    assert.equal(thresholdsForSkill(targets, { id: 'constructor', name: '__proto__' }), DEFAULT_THRESHOLDS);
  });
});
