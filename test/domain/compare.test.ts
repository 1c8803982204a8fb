import { strict as assert } from 'node:assert';
import { changeOf, shiftWindow, withinRetention } from '../../src/domain/compare';
import { DAY_MS, HOUR_MS } from '../../src/domain/time';

describe('comparing with earlier windows', () => {
  describe('shiftWindow', () => {
    it('in UTC, yesterday is 24 h back and last week 7 × 24 h', () => {
      const w = { from: Date.UTC(2026, 10, 25, 11), to: Date.UTC(2026, 10, 25, 15) };
      assert.deepEqual(shiftWindow(w, 'yesterday', 'UTC'), { from: w.from - DAY_MS, to: w.to - DAY_MS });
      assert.deepEqual(shiftWindow(w, 'week', 'UTC'), { from: w.from - 7 * DAY_MS, to: w.to - 7 * DAY_MS });
    });

    it('keeps the wall clock across Berlin’s spring-forward day (2026-03-29 is 23 h long)', () => {
      // "today" asked at 12:00 CEST on Monday 30 March: midnight CEST (22:00Z) to 10:00Z.
      const today = { from: Date.UTC(2026, 2, 29, 22), to: Date.UTC(2026, 2, 30, 10) };
      const yesterday = shiftWindow(today, 'yesterday', 'Europe/Berlin');
      // Sunday 29 March, 00:00 CET (23:00Z the day before) to 12:00 CEST (10:00Z).
      assert.deepEqual(yesterday, { from: Date.UTC(2026, 2, 28, 23), to: Date.UTC(2026, 2, 29, 10) });
      assert.equal(today.from - yesterday.from, 23 * HOUR_MS, 'midnight to midnight is 23 h that day');
      assert.equal(yesterday.to - yesterday.from, 11 * HOUR_MS, 'the shifted span lost the skipped hour');
    });

    it('a window on the short day itself moves 23 h in UTC: the same 10:00–14:00 on the clock the day before', () => {
      // 10:00–14:00 CEST on the 29th is 08:00Z–12:00Z; the 28th's 10:00–14:00 CET is 09:00Z–13:00Z.
      const w = { from: Date.UTC(2026, 2, 29, 8), to: Date.UTC(2026, 2, 29, 12) };
      assert.deepEqual(shiftWindow(w, 'yesterday', 'Europe/Berlin'), {
        from: Date.UTC(2026, 2, 28, 9),
        to: Date.UTC(2026, 2, 28, 13),
      });
      // A week back, 22 March is CET too: the same one hour less in UTC.
      assert.deepEqual(shiftWindow(w, 'week', 'Europe/Berlin'), {
        from: Date.UTC(2026, 2, 22, 9),
        to: Date.UTC(2026, 2, 22, 13),
      });
    });

    it('LivePerson’s 14 days decide whether an earlier window is asked at all', () => {
      const now = Date.UTC(2026, 10, 25, 15);
      assert.ok(withinRetention({ from: now - 14 * DAY_MS, to: now - 13 * DAY_MS }, now));
      assert.ok(!withinRetention({ from: now - 14 * DAY_MS - 1, to: now - 13 * DAY_MS }, now));
    });
  });

  describe('changeOf', () => {
    it('up, down, the same, with the change as a share of the earlier value', () => {
      assert.deepEqual(changeOf(162, 150), { direction: 'up', delta: 12, ratio: 0.08 });
      assert.deepEqual(changeOf(97, 100), { direction: 'down', delta: -3, ratio: -0.03 });
      assert.deepEqual(changeOf(5, 5), { direction: 'same', delta: 0, ratio: 0 });
    });

    it('an earlier 0 has no ratio; no data on either side is no change at all', () => {
      assert.deepEqual(changeOf(4, 0), { direction: 'up', delta: 4, ratio: undefined });
      assert.equal(changeOf(undefined, 3), undefined);
      assert.equal(changeOf(3, undefined), undefined);
    });
  });
});
