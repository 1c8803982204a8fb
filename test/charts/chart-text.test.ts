import { strict as assert } from 'node:assert';
import { altText, formatCount, formatDuration, present, shortLabel } from '../../src/charts/chart-text';

describe('chart text', () => {
  describe('shortLabel', () => {
    it('keeps short names as they are, without escaping', () => {
      assert.equal(shortLabel('R&D <tier 2>'), 'R&D <tier 2>');
    });
    it('collapses whitespace such as newlines in names', () => {
      assert.equal(shortLabel('  Billing\n\tEMEA  '), 'Billing EMEA');
    });
    it('cuts long names to 30 characters with an ellipsis', () => {
      const out = shortLabel('Technical support — tier 2 escalations (EMEA)');
      assert.equal(Array.from(out).length, 30);
      assert.ok(out.endsWith('…'));
      assert.ok(out.startsWith('Technical support'));
    });
    it('never splits a character made of two code units', () => {
      const out = shortLabel('😀'.repeat(40), 10);
      assert.equal(out, '😀'.repeat(9) + '…');
    });
    it('takes a custom length and suffix', () => {
      assert.equal(shortLabel('abcdefghijkl', 6, '..'), 'abcd..');
    });
  });

  // The same rounding as the report text (floor), so a chart never disagrees with its message.
  describe('formatDuration', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [400, '<1s'],
      [45_000, '45s'],
      [59_600, '59s'],
      [72_000, '1m 12s'],
      [245_000, '4m 05s'],
      [3_720_000, '1h 02m'],
    ];
    for (const [ms, text] of cases) it(`${ms} ms → ${text}`, () => assert.equal(formatDuration(ms), text));
  });

  it('formatCount uses separators independent of locale', () => {
    assert.equal(formatCount(12345), '12,345');
    assert.equal(formatCount(7), '7');
  });

  it('present accepts zero and rejects NaN, Infinity, negatives and undefined', () => {
    assert.deepEqual(
      [0, 3, NaN, Infinity, -1, undefined, null].map((v) => present(v)),
      [true, true, false, false, false, false, false],
    );
  });

  describe('altText', () => {
    it('joins every item when they fit', () => {
      assert.equal(altText('Top: ', ['a 1', 'b 2', 'c 3']), 'Top: a 1; b 2; c 3');
    });
    it('replaces what does not fit with "and N more", never exceeding the limit', () => {
      const items = Array.from({ length: 300 }, (_, i) => `Skill number ${i} 4m 05s`);
      for (const limit of [40, 41, 57, 100, 333, 2000]) {
        const out = altText('Skills by wait: ', items, limit);
        assert.ok(out.length <= limit, `${out.length} > ${limit}`);
        const m = /and (\d+) more$/.exec(out);
        assert.ok(m, out);
        const shown = out.split('; ').filter((p) => p.includes('Skill number')).length;
        assert.equal(shown + Number(m[1]), 300, out);
      }
    });
    it('defaults to Slack alt-text limit of 2000 characters', () => {
      const out = altText(
        'x: ',
        Array.from({ length: 500 }, () => 'a fairly long item of text'),
      );
      assert.ok(out.length <= 2000 && out.length > 1900);
    });
  });
});
