import { strict as assert } from 'node:assert';
import { rankingHeadline, scopeHeadline } from '../../src/domain/headline';
import { kpisOf, rankRows } from '../../src/domain/report';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';

const MIN = 60_000;

describe('headline', () => {
  it('a queue: one status from waiting vs free slots, the p90 wait against its target, overdue and load', () => {
    const kpis = kpisOf({
      waiting: 3,
      queueWaitP90: 13.5 * MIN,
      overdueInQueue: 2,
      freeSlots: 0,
      humanLoad: 0.99,
    });
    const h = scopeHeadline(kpis, DEFAULT_THRESHOLDS, 'queue');
    assert.equal(h.status, 'critical');
    assert.deepEqual(
      h.facts.map((f) => [f.metric, f.value, f.status, f.target]),
      [
        ['waiting', 3, 'critical', undefined],
        ['queueWaitP90', 13.5 * MIN, 'critical', 2 * MIN],
        ['overdueInQueue', 2, 'warn', 1],
        ['freeSlots', 0, 'none', undefined],
        ['humanLoad', 0.99, 'critical', 0.85],
      ],
    );
  });

  it('a long wait is not green because slots are free (the returns case)', () => {
    const kpis = kpisOf({ waiting: 1, queueWaitP90: 13.5 * MIN, freeSlots: 6, humanLoad: 0.29 });
    assert.equal(kpis.waiting.status, 'critical');
    assert.equal(scopeHeadline(kpis, DEFAULT_THRESHOLDS, 'queue').status, 'critical');
  });

  it('an empty queue says less: no wait, nothing overdue', () => {
    const kpis = kpisOf({ waiting: 0, queueWaitP90: 0, overdueInQueue: 0, freeSlots: 8, humanLoad: 0.6 });
    const h = scopeHeadline(kpis, DEFAULT_THRESHOLDS, 'queue');
    assert.deepEqual(
      h.facts.map((f) => f.metric),
      ['waiting', 'freeSlots', 'humanLoad'],
    );
    assert.equal(h.status, 'ok');
  });

  it('a group is read by its people, never by a queue it does not have', () => {
    const kpis = kpisOf({ waiting: 0, agentsOnline: 12, freeSlots: 8, humanLoad: 0.6 });
    const h = scopeHeadline(kpis, DEFAULT_THRESHOLDS, 'group');
    assert.deepEqual(
      h.facts.map((f) => f.metric),
      ['agentsOnline', 'freeSlots', 'humanLoad'],
    );
  });

  it('no data: no facts and no status, not a green "all fine"', () => {
    const h = scopeHeadline(kpisOf({}), DEFAULT_THRESHOLDS, 'queue');
    assert.deepEqual(h, { kind: 'scope', status: 'none', facts: [] });
  });

  it('a ranking: how many rows breach, and the worst row with a value', () => {
    const rows = rankRows(
      [
        { id: '1', name: 'A', values: { queueWaitP90: 6 * MIN } },
        { id: '2', name: 'B', values: { queueWaitP90: 3 * MIN } },
        { id: '3', name: 'C', values: { queueWaitP90: 30_000 } },
        { id: '4', name: 'D', values: {} },
      ],
      'queueWaitP90',
      'desc',
    );
    const h = rankingHeadline(rows);
    assert.equal(h.status, 'critical');
    assert.equal(h.rated, 3);
    assert.equal(h.breaching, 2);
    assert.equal(h.worst?.name, 'A');
  });
});
