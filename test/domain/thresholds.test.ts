import { strict as assert } from 'node:assert';
import { DEFAULT_THRESHOLDS, markOf, statusOf, worstOf } from '../../src/domain/thresholds';
import type { Thresholds } from '../../src/domain/thresholds';

const MIN = 60_000;

describe('thresholds', () => {
  const edges: [string, number, string][] = [
    ['queueWaitTime90thPercentile', 2 * MIN - 1, 'ok'],
    ['queueWaitTime90thPercentile', 2 * MIN, 'warn'],
    ['queueWaitTime90thPercentile', 5 * MIN - 1, 'warn'],
    ['queueWaitTime90thPercentile', 5 * MIN, 'critical'],
    ['avgWaitTime', MIN - 1, 'ok'],
    ['avgWaitTime', MIN, 'warn'],
    ['avgWaitTime', 3 * MIN, 'critical'],
    ['overdueConversationsInQueue', 0, 'ok'],
    ['overdueConversationsInQueue', 1, 'warn'],
    ['overdueConversationsInQueue', 4, 'warn'],
    ['overdueConversationsInQueue', 5, 'critical'],
    ['humanAgentLoad', 0.849, 'ok'],
    ['humanAgentLoad', 0.85, 'warn'],
    ['humanAgentLoad', 0.95, 'critical'],
    ['humanAgentLoad', 1.18, 'critical'],
    // An overload past 150 % is the worst case, not a small percentage (values are ratios here).
    ['humanAgentLoad', 1.6, 'critical'],
    ['humanAgentLoad', 2.4, 'critical'],
    ['csat', 0.8, 'ok'],
    ['csat', 0.799, 'warn'],
    ['csat', 0.7, 'warn'],
    ['csat', 0.699, 'critical'],
  ];
  for (const [field, value, status] of edges) {
    it(`${field} ${value} → ${status}`, () => assert.equal(statusOf(field, value), status));
  }

  it('is none for fields without a threshold and for absent or negative values', () => {
    assert.equal(statusOf('closedConversations', 100), 'none');
    assert.equal(statusOf('csat', undefined), 'none');
    assert.equal(statusOf('avgWaitTime', -1), 'none');
  });

  describe('conversations waiting', () => {
    it('is critical when no slot is available', () => {
      assert.equal(
        statusOf('unassignedConversations', 3, DEFAULT_THRESHOLDS, { availableSlots: 0 }),
        'critical',
      );
    });
    it('is ok with free slots or an empty queue', () => {
      assert.equal(statusOf('unassignedConversations', 3, DEFAULT_THRESHOLDS, { availableSlots: 2 }), 'ok');
      assert.equal(statusOf('unassignedConversations', 0, DEFAULT_THRESHOLDS, { availableSlots: 0 }), 'ok');
    });
    it('is none when slots are unknown', () => {
      assert.equal(statusOf('unassignedConversations', 3), 'none');
    });
  });

  it('uses the thresholds it is given', () => {
    const strict: Thresholds = {
      byField: {
        ...DEFAULT_THRESHOLDS.byField,
        avgWaitTime: { worse: 'higher', warn: 10_000, critical: 20_000 },
      },
      waitingWithNoSlots: 'warn',
    };
    assert.equal(statusOf('avgWaitTime', 15_000, strict), 'warn');
    assert.equal(statusOf('avgWaitTime', 15_000), 'ok');
    assert.equal(statusOf('unassignedConversations', 1, strict, { availableSlots: 0 }), 'warn');
  });

  it('marks statuses with the agreed emoji', () => {
    assert.equal(markOf('ok'), ':large_green_circle:');
    assert.equal(markOf('warn'), ':large_yellow_circle:');
    assert.equal(markOf('critical'), ':red_circle:');
    assert.equal(markOf('none'), '');
  });

  it('worstOf picks the more severe status', () => {
    assert.equal(worstOf('ok', 'warn'), 'warn');
    assert.equal(worstOf('critical', 'warn'), 'critical');
    assert.equal(worstOf('none', 'ok'), 'ok');
  });
});
