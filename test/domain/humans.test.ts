import { strict as assert } from 'node:assert';
import { splitBots, splitValues } from '../../src/domain/humans';
import type { MetricsAnswer } from '../../src/domain/metrics';

describe('humans first (splitBots)', () => {
  it('takes the bots out of online, away and free slots, and names them on their own', () => {
    const all = {
      agentsOnline: 8,
      agentsBackSoon: 1,
      agentsAway: 2,
      freeSlots: 88,
      humanLoad: 0.5,
      waiting: 3,
    };
    const bots = { agentsOnline: 4, agentsBackSoon: 0, agentsAway: 0, freeSlots: 80 };
    assert.deepEqual(splitValues(all, bots), {
      agentsOnline: 4,
      agentsBackSoon: 1,
      agentsAway: 2,
      freeSlots: 8,
      humanLoad: 0.5,
      waiting: 3,
      botsOnline: 4,
      botFreeSlots: 80,
    });
  });

  it('reads a scope the bots answer left out as having no bots, and never goes below zero', () => {
    assert.deepEqual(splitValues({ agentsOnline: 3, freeSlots: 2 }, undefined), {
      agentsOnline: 3,
      freeSlots: 2,
      botsOnline: 0,
      botFreeSlots: 0,
    });
    // Read a moment apart, the bots' answer can count one more than everyone's.
    assert.equal(splitValues({ freeSlots: 10 }, { freeSlots: 12 }).freeSlots, 0);
  });

  it('leaves figures LivePerson did not return absent, not zero', () => {
    const v = splitValues({ closed: 5 }, { agentsOnline: 2 });
    assert.equal(v.agentsOnline, undefined);
    assert.equal(v.botsOnline, undefined);
  });

  it('splits every row by its id and the totals', () => {
    const all: MetricsAnswer = {
      totals: { agentsOnline: 10, freeSlots: 40 },
      rows: [
        { id: '1002', name: 'Sales', values: { agentsOnline: 8, freeSlots: 88 } },
        { id: '1001', name: 'Billing', values: { agentsOnline: 6, freeSlots: 5 } },
      ],
      count: 2,
    };
    const bots: MetricsAnswer = {
      totals: { agentsOnline: 4, freeSlots: 30 },
      rows: [{ id: '1002', name: 'Sales', values: { agentsOnline: 4, freeSlots: 80 } }],
      count: 1,
    };
    const out = splitBots(all, bots);
    assert.deepEqual(out.totals, { agentsOnline: 6, freeSlots: 10, botsOnline: 4, botFreeSlots: 30 });
    assert.deepEqual(out.rows[0]!.values, { agentsOnline: 4, freeSlots: 8, botsOnline: 4, botFreeSlots: 80 });
    assert.deepEqual(out.rows[1]!.values, { agentsOnline: 6, freeSlots: 5, botsOnline: 0, botFreeSlots: 0 });
    assert.equal(out.count, 2);
  });
});
