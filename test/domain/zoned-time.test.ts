import { strict as assert } from 'node:assert';
import {
  addDays,
  formatClock,
  isTimeZone,
  localToEpoch,
  offsetAt,
  resolveTimeZone,
  zonedParts,
} from '../../src/domain/zoned-time';

const H = 3_600_000;

describe('zoned-time', () => {
  it('reads wall-clock parts in a zone', () => {
    assert.deepEqual(zonedParts(Date.UTC(2026, 5, 15, 14, 30, 5), 'Europe/Berlin'), {
      year: 2026,
      month: 6,
      day: 15,
      hour: 16,
      minute: 30,
      second: 5,
    });
    // Midnight reads as hour 0, not 24.
    assert.equal(zonedParts(Date.UTC(2026, 5, 15, 22, 0), 'Europe/Berlin').hour, 0);
  });

  it('computes offsets on both sides of DST', () => {
    assert.equal(offsetAt(Date.UTC(2026, 0, 15), 'Europe/Berlin'), 1 * H);
    assert.equal(offsetAt(Date.UTC(2026, 6, 15), 'Europe/Berlin'), 2 * H);
    assert.equal(offsetAt(Date.UTC(2026, 6, 15), 'America/New_York'), -4 * H);
    assert.equal(offsetAt(Date.UTC(2026, 11, 15), 'America/New_York'), -5 * H);
    assert.equal(offsetAt(Date.UTC(2026, 6, 15), 'Asia/Kolkata'), 5.5 * H);
  });

  it('maps an ordinary wall-clock time to its instant', () => {
    assert.deepEqual(
      localToEpoch({ year: 2026, month: 6, day: 15, hour: 8, minute: 0, second: 0 }, 'Europe/Berlin'),
      {
        epoch: Date.UTC(2026, 5, 15, 6, 0),
        exact: true,
      },
    );
  });

  it('moves a skipped time (spring forward) forward by the gap and says it was not exact', () => {
    // Berlin 2026-03-29: 02:00 CET → 03:00 CEST, so 02:30 does not exist; 03:30 CEST = 01:30 UTC.
    assert.deepEqual(
      localToEpoch({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin'),
      {
        epoch: Date.UTC(2026, 2, 29, 1, 30),
        exact: false,
      },
    );
    // New York 2026-03-08: 02:30 does not exist; 03:30 EDT = 07:30 UTC.
    assert.equal(
      localToEpoch({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, 'America/New_York')
        .epoch,
      Date.UTC(2026, 2, 8, 7, 30),
    );
  });

  it('takes the earlier instant of a repeated time (fall back)', () => {
    // Berlin 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
    assert.deepEqual(
      localToEpoch({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, 'Europe/Berlin'),
      {
        epoch: Date.UTC(2026, 9, 25, 0, 30),
        exact: true,
      },
    );
    // New York 2026-11-01: 01:30 happens at 05:30 (EDT) and 06:30 (EST) UTC.
    assert.equal(
      localToEpoch({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 }, 'America/New_York')
        .epoch,
      Date.UTC(2026, 10, 1, 5, 30),
    );
  });

  it('steps calendar days across month and year ends', () => {
    assert.deepEqual(addDays({ year: 2026, month: 3, day: 1 }, -1), { year: 2026, month: 2, day: 28 });
    assert.deepEqual(addDays({ year: 2026, month: 1, day: 1 }, -1), { year: 2025, month: 12, day: 31 });
    assert.deepEqual(addDays({ year: 2028, month: 2, day: 28 }, 1), { year: 2028, month: 2, day: 29 });
  });

  it('knows real zones, falls back to UTC with a note for unknown ones, silently for none', () => {
    assert.equal(isTimeZone('Europe/Berlin'), true);
    assert.equal(isTimeZone('UTC'), true);
    assert.equal(isTimeZone('Mars/Olympus'), false);
    assert.equal(isTimeZone(''), false);
    assert.deepEqual(resolveTimeZone('America/New_York'), { zone: 'America/New_York' });
    assert.deepEqual(resolveTimeZone(''), { zone: 'UTC' });
    const unknown = resolveTimeZone('Mars/Olympus');
    assert.equal(unknown.zone, 'UTC');
    assert.match(unknown.note ?? '', /Mars\/Olympus.*UTC/);
  });

  it('never throws on instants a Date cannot hold', () => {
    assert.ok(Number.isNaN(zonedParts(NaN, 'UTC').hour));
    assert.ok(Number.isNaN(zonedParts(9e15, 'UTC').year));
    assert.ok(Number.isNaN(offsetAt(Infinity, 'Europe/Berlin')));
  });

  it('formats clocks with two digits', () => {
    assert.equal(formatClock(8, 5), '08:05');
    assert.equal(formatClock(23, 59), '23:59');
  });
});
