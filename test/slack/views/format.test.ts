import { strict as assert } from 'node:assert';
import {
  ABSENT,
  formatCount,
  formatDuration,
  formatPercent,
  formatValue,
} from '../../../src/shared/number-format';
import { formatMetric } from '../../../src/slack/views/format';

describe('format', () => {
  describe('formatDuration', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [1, '<1s'],
      [999, '<1s'],
      [1000, '1s'],
      [45_000, '45s'],
      [59_999, '59s'],
      [60_000, '1m 00s'],
      [228_876.654, '3m 48s'],
      [3_599_999, '59m 59s'],
      [3_600_000, '1h 00m'],
      [3_723_000, '1h 02m'],
      [86_399_999, '23h 59m'],
      [86_400_000, '1d 00h'],
      [2 * 86_400_000 + 3 * 3_600_000, '2d 03h'],
    ];
    for (const [ms, text] of cases) {
      it(`${ms} ms → ${text}`, () => assert.equal(formatDuration(ms), text));
    }
    it('shows absent, NaN and negative as —', () => {
      assert.equal(formatDuration(undefined), ABSENT);
      assert.equal(formatDuration(null), ABSENT);
      assert.equal(formatDuration(Number.NaN), ABSENT);
      assert.equal(formatDuration(-1), ABSENT);
    });
  });

  describe('percentages', () => {
    it('reads 0..1 as a ratio', () => {
      assert.equal(formatPercent(0.87), '87%');
      assert.equal(formatPercent(0.133), '13%');
      assert.equal(formatPercent(0), '0%');
      assert.equal(formatPercent(1), '100%');
    });
    it('reads every value as a ratio: a load may exceed 100 %, and an overload never reads small', () => {
      assert.equal(formatPercent(1.18), '118%');
      assert.equal(formatPercent(1.6), '160%');
      assert.equal(formatPercent(2.4), '240%');
    });
    it('shows absent as —', () => assert.equal(formatPercent(undefined), ABSENT));
  });

  describe('formatCount', () => {
    it('adds thousands separators and rounds', () => {
      assert.equal(formatCount(0), '0');
      assert.equal(formatCount(1000), '1,000');
      assert.equal(formatCount(1234567), '1,234,567');
      assert.equal(formatCount(12.6), '13');
    });
    it('shows absent as —', () => assert.equal(formatCount(undefined), ABSENT));
  });

  describe('formatMetric', () => {
    it('follows the unit each metric has', () => {
      assert.equal(formatMetric('avgWait', 228876.654), '3m 48s');
      assert.equal(formatMetric('queueWaitP90', 3_723_000), '1h 02m');
      assert.equal(formatMetric('humanLoad', 1.18), '118%');
      assert.equal(formatMetric('csat', 0.82), '82%');
      assert.equal(formatMetric('closed', 1234), '1,234');
      assert.equal(formatMetric('waiting', 7), '7');
    });
    it('prints a value of no known unit as a plain number', () => {
      assert.equal(formatValue(undefined, 1234.567), '1,234.57');
    });
    it('shows absent and negative placeholders as —', () => {
      assert.equal(formatMetric('csat', undefined), ABSENT);
      assert.equal(formatMetric('closed', -1), ABSENT);
      assert.equal(formatMetric('avgWait', Number.POSITIVE_INFINITY), ABSENT);
    });
  });
});
