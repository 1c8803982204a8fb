import { strict as assert } from 'node:assert';
import type { DigestSchedule } from '../../src/domain/digest';
import {
  localInstant,
  nextOccurrence,
  occurrencesBetween,
  sharedOccurrences,
} from '../../src/domain/occurrences';

const H = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const daily = (hour: number, minute: number, zone: string): DigestSchedule => ({
  days: { kind: 'daily' },
  hour,
  minute,
  zone,
});
/** Firings of a daily schedule over the given UTC span, as ISO instants and keys. */
function fires(s: DigestSchedule, fromIso: string, toIso: string): [string, string][] {
  return occurrencesBetween('d1', s, at(fromIso), at(toIso)).map((o) => [
    new Date(o.at).toISOString(),
    o.key,
  ]);
}

describe('digest occurrences across timezones and DST', () => {
  it('Europe/Berlin, 2026-03-29 (spring forward): 02:30 does not exist and fires at 03:00 CEST, once', () => {
    assert.deepEqual(fires(daily(2, 30, 'Europe/Berlin'), '2026-03-28T00:00Z', '2026-03-30T12:00Z'), [
      ['2026-03-28T01:30:00.000Z', '2026-03-28T02:30'],
      ['2026-03-29T01:00:00.000Z', '2026-03-29T02:30'],
      ['2026-03-30T00:30:00.000Z', '2026-03-30T02:30'],
    ]);
  });

  it('Europe/Berlin, 2026-10-25 (fall back): 02:30 happens twice and fires once, the first time', () => {
    assert.deepEqual(fires(daily(2, 30, 'Europe/Berlin'), '2026-10-24T12:00Z', '2026-10-25T12:00Z'), [
      ['2026-10-25T00:30:00.000Z', '2026-10-25T02:30'],
    ]);
  });

  it('Europe/Berlin 17:00 stays 17:00 local on both sides of each change', () => {
    const s = daily(17, 0, 'Europe/Berlin');
    assert.deepEqual(
      fires(s, '2026-03-28T00:00Z', '2026-03-29T23:00Z').map((f) => f[0]),
      ['2026-03-28T16:00:00.000Z', '2026-03-29T15:00:00.000Z'],
    );
    assert.deepEqual(
      fires(s, '2026-10-24T00:00Z', '2026-10-25T23:00Z').map((f) => f[0]),
      ['2026-10-24T15:00:00.000Z', '2026-10-25T16:00:00.000Z'],
    );
  });

  it('America/New_York, 2026-03-08: 02:15 fires at 03:00 EDT; 2026-11-01: 01:30 fires once', () => {
    assert.deepEqual(fires(daily(2, 15, 'America/New_York'), '2026-03-08T00:00Z', '2026-03-08T23:00Z'), [
      ['2026-03-08T07:00:00.000Z', '2026-03-08T02:15'],
    ]);
    assert.deepEqual(fires(daily(1, 30, 'America/New_York'), '2026-11-01T00:00Z', '2026-11-01T23:00Z'), [
      ['2026-11-01T05:30:00.000Z', '2026-11-01T01:30'],
    ]);
  });

  it('Australia/Lord_Howe (a 30-minute change): 2026-10-04 02:10 fires at 02:30; 2026-04-05 01:45 once', () => {
    assert.deepEqual(fires(daily(2, 10, 'Australia/Lord_Howe'), '2026-10-03T10:00Z', '2026-10-04T10:00Z'), [
      ['2026-10-03T15:30:00.000Z', '2026-10-04T02:10'],
    ]);
    assert.deepEqual(fires(daily(1, 45, 'Australia/Lord_Howe'), '2026-04-04T10:00Z', '2026-04-05T10:00Z'), [
      ['2026-04-04T14:45:00.000Z', '2026-04-05T01:45'], // +11:00, the first of the two,
    ]);
  });

  it('Asia/Kathmandu (+05:45) and America/St_Johns (−03:30 / −02:30) keep their odd offsets', () => {
    assert.deepEqual(fires(daily(9, 0, 'Asia/Kathmandu'), '2026-06-01T00:00Z', '2026-06-01T12:00Z'), [
      ['2026-06-01T03:15:00.000Z', '2026-06-01T09:00'],
    ]);
    assert.deepEqual(fires(daily(17, 0, 'America/St_Johns'), '2026-01-15T00:00Z', '2026-01-16T00:00Z'), [
      ['2026-01-15T20:30:00.000Z', '2026-01-15T17:00'],
    ]);
    assert.deepEqual(fires(daily(17, 0, 'America/St_Johns'), '2026-07-15T00:00Z', '2026-07-16T00:00Z'), [
      ['2026-07-15T19:30:00.000Z', '2026-07-15T17:00'],
    ]);
    // St John's springs forward at 02:00 local on 2026-03-08: 02:30 fires at 03:00 NDT.
    assert.equal(
      new Date(localInstant({ year: 2026, month: 3, day: 8 }, 2, 30, 'America/St_Johns')).toISOString(),
      '2026-03-08T05:30:00.000Z',
    );
  });

  it('weekdays, weekends and chosen days are local days, not UTC days', () => {
    // 23:30 in Kathmandu on Friday is 17:45 UTC Friday; on Saturday nothing; Monday again.
    const weekdays: DigestSchedule = {
      days: { kind: 'weekdays' },
      hour: 23,
      minute: 30,
      zone: 'Asia/Kathmandu',
    };
    const keys = occurrencesBetween('d1', weekdays, at('2026-11-27T00:00Z'), at('2026-12-01T00:00Z')).map(
      (o) => o.key,
    );
    assert.deepEqual(keys, ['2026-11-27T23:30', '2026-11-30T23:30']);
    const chosen: DigestSchedule = {
      days: { kind: 'days', days: [1, 3, 5] },
      hour: 8,
      minute: 0,
      zone: 'UTC',
    };
    const days = occurrencesBetween('d1', chosen, at('2026-11-30T00:00Z'), at('2026-12-07T00:00Z')).map((o) =>
      o.key.slice(0, 10),
    );
    assert.deepEqual(days, ['2026-11-30', '2026-12-02', '2026-12-04']);
    const weekends: DigestSchedule = { days: { kind: 'weekends' }, hour: 8, minute: 0, zone: 'UTC' };
    assert.equal(
      occurrencesBetween('d1', weekends, at('2026-11-30T00:00Z'), at('2026-12-05T00:00Z')).length,
      0,
    );
  });

  it('the span is (after, until]: a firing exactly at `after` is not repeated, one at `until` is in', () => {
    const s = daily(17, 0, 'UTC');
    assert.equal(occurrencesBetween('d1', s, at('2026-12-01T17:00Z'), at('2026-12-02T16:59Z')).length, 0);
    assert.equal(occurrencesBetween('d1', s, at('2026-12-01T16:59Z'), at('2026-12-01T17:00Z')).length, 1);
  });

  it('nextOccurrence finds the next firing; minute by minute over a DST year nothing is doubled or lost', () => {
    assert.equal(
      new Date(
        nextOccurrence('d1', daily(17, 0, 'Europe/Berlin'), at('2026-12-01T16:00Z'))!.at,
      ).toISOString(),
      '2026-12-02T16:00:00.000Z',
    );
    // Walk 2026 in 7-hour steps (a scheduler that ticks unevenly) and count the keys.
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']) {
      const s = daily(2, 30, zone);
      const keys: string[] = [];
      for (let t = at('2026-01-01T00:00Z'); t < at('2027-01-01T00:00Z'); t += 7 * H)
        keys.push(...occurrencesBetween('d1', s, t, t + 7 * H).map((o) => o.key));
      assert.equal(new Set(keys).size, keys.length, `${zone}: no key twice`);
      assert.ok(keys.length >= 364 && keys.length <= 366, `${zone}: one a day (${keys.length})`);
    }
  });
});

describe('sharedOccurrences (one computation for digests with one schedule)', () => {
  const span = [at('2026-03-28T00:00Z'), at('2026-03-30T12:00Z')] as const;

  it('gives each digest the same firings as occurrencesBetween, under its own id', () => {
    const firesOf = sharedOccurrences();
    const berlin = daily(2, 30, 'Europe/Berlin');
    for (const id of ['a', 'b', 'c']) {
      assert.deepEqual(firesOf(id, berlin, ...span), occurrencesBetween(id, berlin, ...span));
    }
  });

  it('does not mix up schedules, zones, days or spans that differ', () => {
    const firesOf = sharedOccurrences();
    const schedules: DigestSchedule[] = [
      daily(2, 30, 'Europe/Berlin'),
      daily(2, 30, 'America/New_York'),
      daily(3, 30, 'Europe/Berlin'),
      daily(2, 45, 'Europe/Berlin'),
      { ...daily(2, 30, 'Europe/Berlin'), days: { kind: 'weekends' } },
      { ...daily(2, 30, 'Europe/Berlin'), days: { kind: 'days', days: [1] } },
    ];
    for (const s of schedules) {
      assert.deepEqual(firesOf('d', s, ...span), occurrencesBetween('d', s, ...span));
      assert.deepEqual(
        firesOf('d', s, span[0] + H, span[1]),
        occurrencesBetween('d', s, span[0] + H, span[1]),
      );
      assert.deepEqual(
        firesOf('d', s, span[0], span[1] - H),
        occurrencesBetween('d', s, span[0], span[1] - H),
      );
    }
  });

  it("hands out copies: changing one digest's firing leaves the next digest's alone", () => {
    const firesOf = sharedOccurrences();
    const s = daily(17, 0, 'Europe/Berlin');
    firesOf('a', s, ...span)[0]!.key = 'changed';
    assert.notEqual(firesOf('b', s, ...span)[0]!.key, 'changed');
  });
});
