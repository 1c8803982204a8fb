import { strict as assert } from 'node:assert';
import { clockIn } from '../../../src/slack/views/clock';

describe("clockIn (a zone's clock, remembered)", () => {
  const instant = Date.parse('2026-03-29T01:30:00Z');

  it("reads the instant on each zone's own clock, across a DST change", () => {
    assert.equal(clockIn(instant, 'Europe/Berlin'), '03:30');
    assert.equal(clockIn(instant, 'UTC'), '01:30');
    assert.equal(clockIn(instant, 'America/New_York'), '21:30');
    assert.equal(clockIn(instant - 3_600_000, 'Europe/Berlin'), '01:30');
  });

  it('answers a second ask the same, for each zone (a remembered label is keyed by zone)', () => {
    const zones = ['Asia/Kolkata', 'Europe/Berlin', 'Asia/Kolkata', 'Europe/Berlin'];
    assert.deepEqual(
      zones.map((z) => clockIn(instant, z)),
      ['07:00', '03:30', '07:00', '03:30'],
    );
  });
});
