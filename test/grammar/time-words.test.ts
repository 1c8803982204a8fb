import { strict as assert } from 'node:assert';
import { durationLabel, parseClock, parseDuration } from '../../src/grammar/time-words';

const M = 60_000;
const H = 60 * M;

describe('time words', () => {
  describe('parseDuration', () => {
    const ok: [string[], number, number][] = [
      [['30m'], 30 * M, 1],
      [['30', 'min'], 30 * M, 2],
      [['90', 'minutes'], 90 * M, 2],
      [['4h'], 4 * H, 1],
      [['4', 'hours'], 4 * H, 2],
      [['1h30m'], 90 * M, 1],
      [['1', 'h', '30', 'm'], 90 * M, 4],
      [['2', 'hours', '30', 'minutes'], 150 * M, 4],
      [['1h', '30m'], 90 * M, 2],
      [['hour'], H, 1],
      [['an', 'hour'], H, 2],
      [['1.5h'], 90 * M, 1],
      [['1,5h'], 90 * M, 1],
      [['2d'], 48 * H, 1],
      [['week'], 7 * 24 * H, 1],
      [['2mo'], 60 * 24 * H, 1],
      [['30s'], 30_000, 1],
      [['-5m'], -5 * M, 1],
      [['4h', 'skill', 'billing'], 4 * H, 1],
      // The longest prefix that reads as a length; the caller deals with the rest.
      [['hour', '30m'], H, 1],
    ];
    for (const [words, ms, consumed] of ok) {
      it(`reads ${words.join(' ')}`, () => assert.deepEqual(parseDuration(words), { ms, consumed }));
    }
    for (const words of [[], ['4'], ['mile'], ['1', '30m'], ['4x'], ['minutes4']]) {
      it(`refuses ${JSON.stringify(words)}`, () => assert.equal(parseDuration(words), undefined));
    }
    it('does not choke on absurd numbers', () => {
      assert.equal(parseDuration(['9'.repeat(400) + 'h'])?.ms, Infinity);
    });
  });

  it('labels lengths compactly', () => {
    assert.equal(durationLabel(4 * H), '4h');
    assert.equal(durationLabel(30 * M), '30m');
    assert.equal(durationLabel(90 * M), '1h30m');
    assert.equal(durationLabel(90_000), '1m30s');
    assert.equal(durationLabel(24 * H), '24h');
  });

  describe('parseClock', () => {
    const ok: [string[], number, number, number][] = [
      [['08:00'], 8, 0, 1],
      [['8:00'], 8, 0, 1],
      [['8am'], 8, 0, 1],
      [['8', 'am'], 8, 0, 2],
      [['8:30pm'], 20, 30, 1],
      [['8:30', 'pm'], 20, 30, 2],
      [['8:30', 'p.m.'], 20, 30, 2],
      [['12am'], 0, 0, 1],
      [['12pm'], 12, 0, 1],
      [['17'], 17, 0, 1],
      [['0'], 0, 0, 1],
      [['20.30'], 20, 30, 1],
      [['noon'], 12, 0, 1],
      [['midnight'], 0, 0, 1],
      [['9', 'today'], 9, 0, 1],
    ];
    for (const [words, hour, minute, consumed] of ok) {
      it(`reads ${words.join(' ')}`, () => assert.deepEqual(parseClock(words), { hour, minute, consumed }));
    }
    for (const words of [
      [],
      ['24:00'],
      ['25'],
      ['13pm'],
      ['0am'],
      ['8:60'],
      ['8:5'],
      ['monday'],
      ['8', 'oclock'],
    ]) {
      it(`refuses ${JSON.stringify(words)}`, () => {
        const r = parseClock(words);
        // "8 oclock" reads the 8 and leaves the rest to the caller.
        if (words[1] === 'oclock') assert.deepEqual(r, { hour: 8, minute: 0, consumed: 1 });
        else assert.equal(r, undefined);
      });
    }
  });
});
