import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import {
  checkSpan,
  isTimeZone,
  needsTimezone,
  resolveWindow,
  type ResolvedWindow,
  type WindowResult,
  type WindowSpec,
} from '../../src/domain/window';

// Expected instants are written out by hand from each zone's published rules (offsets in the
// comments), never computed with the library under test.
const utc = (iso: string) => Date.parse(`${iso}Z`);

function resolved(r: WindowResult): ResolvedWindow {
  assert.ok(r.ok, `expected a window, got ${JSON.stringify(r)}`);
  return r.window;
}
function span(r: WindowResult): [string, string] {
  const w = resolved(r);
  return [new Date(w.from).toISOString(), new Date(w.to).toISOString()];
}
const since = (hour: number, minute: number, day: 'auto' | 'today' | 'yesterday' = 'auto'): WindowSpec => ({
  kind: 'since',
  hour,
  minute,
  day,
});
const TODAY: WindowSpec = { kind: 'today' };
const YESTERDAY: WindowSpec = { kind: 'yesterday' };
const shift = (hours: number, hour: number, minute = 0): WindowSpec => ({
  kind: 'shift',
  ms: hours * HOUR_MS,
  hour,
  minute,
});

describe('resolveWindow', () => {
  describe('last', () => {
    it('is the span ending now, in any zone', () => {
      const now = utc('2026-06-15T14:30:00');
      for (const zone of ['UTC', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe']) {
        assert.deepEqual(span(resolveWindow({ kind: 'last', ms: 4 * HOUR_MS }, now, zone)), [
          '2026-06-15T10:30:00.000Z',
          '2026-06-15T14:30:00.000Z',
        ]);
      }
    });
  });

  describe('Europe/Berlin (CET +1, CEST +2; 2026-03-29 02:00→03:00, 2026-10-25 03:00→02:00)', () => {
    const Z = 'Europe/Berlin';
    it('today on the spring-forward day starts at midnight CET', () => {
      assert.deepEqual(span(resolveWindow(TODAY, utc('2026-03-29T08:00:00'), Z)), [
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T08:00:00.000Z',
      ]);
    });
    it('yesterday after the spring-forward day is its 23 hours', () => {
      const w = resolved(resolveWindow(YESTERDAY, utc('2026-03-30T10:00:00'), Z));
      assert.deepEqual(span({ ok: true, window: w }), [
        '2026-03-28T23:00:00.000Z',
        '2026-03-29T21:59:59.999Z',
      ]);
      assert.deepEqual(w.notes, []);
    });
    it('yesterday after the fall-back day (25 h) is clamped to its last 24 h, noted', () => {
      const w = resolved(resolveWindow(YESTERDAY, utc('2026-10-26T11:00:00'), Z));
      assert.deepEqual(span({ ok: true, window: w }), [
        '2026-10-24T23:00:00.000Z',
        '2026-10-25T22:59:59.999Z',
      ]);
      assert.deepEqual(w.notes, [{ kind: 'clamped', spanMs: 25 * HOUR_MS }]);
    });
    it('since 02:30 on the fall-back night counts from the first 02:30 (CEST)', () => {
      assert.deepEqual(
        span(resolveWindow(since(2, 30), utc('2026-10-25T12:00:00'), Z))[0],
        '2026-10-25T00:30:00.000Z',
      );
    });
    it('since 02:30 on the spring-forward night counts from the jump, 03:00 CEST, noted', () => {
      const w = resolved(resolveWindow(since(2, 30), utc('2026-03-29T08:00:00'), Z));
      assert.equal(new Date(w.from).toISOString(), '2026-03-29T01:00:00.000Z');
      assert.deepEqual(w.notes, [
        { kind: 'skipped-time', hour: 2, minute: 30, day: 'today', shownHour: 3, shownMinute: 0 },
      ]);
    });
    it('a few minutes after the jump, since 02:30 is those few minutes', () => {
      const w = resolved(resolveWindow(since(2, 30), utc('2026-03-29T01:05:00'), Z)); // 03:05 CEST
      assert.equal(w.to - w.from, 5 * MINUTE_MS);
    });
    it('a shift ending at a skipped 02:30 ends at the jump', () => {
      assert.deepEqual(span(resolveWindow(shift(8, 2, 30), utc('2026-03-29T08:00:00'), Z)), [
        '2026-03-28T17:00:00.000Z',
        '2026-03-29T01:00:00.000Z',
      ]);
    });
    it('a shift ending at 17:00 ends at the latest 17:00 already reached', () => {
      // 16:00 CEST: today's 17:00 is still ahead, so yesterday's shift.
      assert.deepEqual(span(resolveWindow(shift(8, 17), utc('2026-06-15T14:00:00'), Z)), [
        '2026-06-14T07:00:00.000Z',
        '2026-06-14T15:00:00.000Z',
      ]);
      // 17:20 CEST: today's.
      assert.deepEqual(span(resolveWindow(shift(8, 17), utc('2026-06-15T15:20:00'), Z)), [
        '2026-06-15T07:00:00.000Z',
        '2026-06-15T15:00:00.000Z',
      ]);
      // The fall-back day: 17:00 CET is 16:00Z; the shift is 8 elapsed hours.
      assert.deepEqual(span(resolveWindow(shift(8, 17), utc('2026-10-25T16:05:00'), Z)), [
        '2026-10-25T08:00:00.000Z',
        '2026-10-25T16:00:00.000Z',
      ]);
    });
  });

  describe('America/New_York (EST −5, EDT −4; 2026-03-08 02:00→03:00, 2026-11-01 02:00→01:00)', () => {
    const Z = 'America/New_York';
    it('since 01:30 on the fall-back night counts from the first 01:30 (EDT)', () => {
      assert.equal(
        span(resolveWindow(since(1, 30), utc('2026-11-01T15:00:00'), Z))[0],
        '2026-11-01T05:30:00.000Z',
      );
    });
    it('today late on the 25-hour day is clamped to 24 h, noted', () => {
      const now = utc('2026-11-02T04:30:00');
      const w = resolved(resolveWindow(TODAY, now, Z));
      assert.equal(w.to - w.from, DAY_MS);
      assert.deepEqual(w.notes, [{ kind: 'clamped', spanMs: 24.5 * HOUR_MS }]);
    });
    it('since 02:30 on the spring-forward day counts from the jump, 03:00 EDT', () => {
      assert.equal(
        span(resolveWindow(since(2, 30), utc('2026-03-08T16:00:00'), Z))[0],
        '2026-03-08T07:00:00.000Z',
      );
    });
    it('at 03:05 EDT that morning, since 02:30 is five minutes', () => {
      const w = resolved(resolveWindow(since(2, 30), utc('2026-03-08T07:05:00'), Z));
      assert.equal(w.to - w.from, 5 * MINUTE_MS);
    });
    it('yesterday after the spring-forward day is 23 hours, midnight EST to midnight EDT', () => {
      assert.deepEqual(span(resolveWindow(YESTERDAY, utc('2026-03-09T15:00:00'), Z)), [
        '2026-03-08T05:00:00.000Z',
        '2026-03-09T03:59:59.999Z',
      ]);
    });
  });

  describe('Asia/Kathmandu (+05:45, no DST)', () => {
    const Z = 'Asia/Kathmandu';
    const now = utc('2026-06-15T14:30:00'); // 20:15 local
    it('today, since, yesterday and shifts land on quarter-hour offsets', () => {
      assert.deepEqual(span(resolveWindow(TODAY, now, Z)), [
        '2026-06-14T18:15:00.000Z',
        '2026-06-15T14:30:00.000Z',
      ]);
      assert.equal(span(resolveWindow(since(8, 0), now, Z))[0], '2026-06-15T02:15:00.000Z');
      assert.deepEqual(span(resolveWindow(YESTERDAY, now, Z)), [
        '2026-06-13T18:15:00.000Z',
        '2026-06-14T18:14:59.999Z',
      ]);
      assert.deepEqual(span(resolveWindow(shift(8, 17), now, Z)), [
        '2026-06-15T03:15:00.000Z',
        '2026-06-15T11:15:00.000Z',
      ]);
    });
    it('since 21:00 before 21:00 rolls to yesterday, noted', () => {
      const w = resolved(resolveWindow(since(21, 0), now, Z));
      assert.equal(new Date(w.from).toISOString(), '2026-06-14T15:15:00.000Z');
      assert.equal(w.day, 'yesterday');
      assert.deepEqual(w.notes, [{ kind: 'rolled-to-yesterday', hour: 21, minute: 0 }]);
    });
  });

  describe('America/St_Johns (NST −03:30, NDT −02:30; 2026-03-08 02:00→03:00)', () => {
    const Z = 'America/St_Johns';
    it('today starts at the half-hour-offset midnight, summer and winter', () => {
      assert.equal(span(resolveWindow(TODAY, utc('2026-06-15T14:30:00'), Z))[0], '2026-06-15T02:30:00.000Z');
      assert.equal(span(resolveWindow(TODAY, utc('2026-01-15T14:30:00'), Z))[0], '2026-01-15T03:30:00.000Z');
    });
    it('since 02:30 on the spring-forward day counts from the jump, 03:00 NDT, noted', () => {
      const w = resolved(resolveWindow(since(2, 30), utc('2026-03-08T15:00:00'), Z));
      assert.equal(new Date(w.from).toISOString(), '2026-03-08T05:30:00.000Z');
      assert.equal(w.notes[0]?.kind, 'skipped-time');
    });
    it('today on the spring-forward day is 11.5 h at 12:30 NDT', () => {
      const w = resolved(resolveWindow(TODAY, utc('2026-03-08T15:00:00'), Z));
      assert.equal(w.to - w.from, 11.5 * HOUR_MS);
    });
  });

  describe('Australia/Lord_Howe (LHST +10:30, LHDT +11; 30-minute DST)', () => {
    const Z = 'Australia/Lord_Howe';
    it('since 01:45 on the fall-back night (2026-04-05 02:00→01:30) counts from the first 01:45', () => {
      assert.equal(
        span(resolveWindow(since(1, 45), utc('2026-04-05T00:00:00'), Z))[0],
        '2026-04-04T14:45:00.000Z',
      );
    });
    it('today late on the 24.5-hour day is clamped to 24 h', () => {
      const w = resolved(resolveWindow(TODAY, utc('2026-04-05T13:20:00'), Z)); // 23:50 LHST
      assert.equal(w.to - w.from, DAY_MS);
      assert.deepEqual(w.notes, [{ kind: 'clamped', spanMs: 24 * HOUR_MS + 20 * MINUTE_MS }]);
    });
    it('yesterday after the 24.5-hour day keeps its last 24 h', () => {
      const w = resolved(resolveWindow(YESTERDAY, utc('2026-04-06T01:00:00'), Z));
      assert.deepEqual(span({ ok: true, window: w }), [
        '2026-04-04T13:30:00.000Z',
        '2026-04-05T13:29:59.999Z',
      ]);
      assert.deepEqual(w.notes, [{ kind: 'clamped', spanMs: 24.5 * HOUR_MS }]);
    });
    it('yesterday after the 23.5-hour day (2026-10-04 02:00→02:30) is all of it', () => {
      assert.deepEqual(span(resolveWindow(YESTERDAY, utc('2026-10-05T01:00:00'), Z)), [
        '2026-10-03T13:30:00.000Z',
        '2026-10-04T12:59:59.999Z',
      ]);
    });
    it('since 02:15 on the spring-forward night counts from the jump, 02:30 LHDT (a 30-minute gap)', () => {
      const w = resolved(resolveWindow(since(2, 15), utc('2026-10-04T00:00:00'), Z));
      assert.equal(new Date(w.from).toISOString(), '2026-10-03T15:30:00.000Z');
      assert.deepEqual(w.notes, [
        { kind: 'skipped-time', hour: 2, minute: 15, day: 'today', shownHour: 2, shownMinute: 30 },
      ]);
    });
    it('at 02:40 LHDT that night, since 02:15 is ten minutes', () => {
      const w = resolved(resolveWindow(since(2, 15), utc('2026-10-03T15:40:00'), Z));
      assert.equal(w.to - w.from, 10 * MINUTE_MS);
    });
  });

  describe('windows that cannot be answered right now', () => {
    const now = utc('2026-06-15T14:30:00');
    it('since a time still ahead today, named today', () => {
      assert.deepEqual(resolveWindow(since(20, 0, 'today'), now, 'UTC'), {
        ok: false,
        problem: { kind: 'not-yet', hour: 20, minute: 0, nowHour: 14, nowMinute: 30, zone: 'UTC' },
      });
    });
    it('since right now, or under a minute ago', () => {
      assert.deepEqual(resolveWindow(since(14, 30), now, 'UTC'), {
        ok: false,
        problem: { kind: 'starts-now' },
      });
      assert.deepEqual(resolveWindow(since(14, 30), now + 59_000, 'UTC'), {
        ok: false,
        problem: { kind: 'under-a-minute', hour: 14, minute: 30 },
      });
    });
    it('an explicit yesterday more than 24 h ago', () => {
      assert.deepEqual(resolveWindow(since(14, 0, 'yesterday'), now, 'UTC'), {
        ok: false,
        problem: { kind: 'too-long', spanMs: 24.5 * HOUR_MS },
      });
      assert.ok(resolveWindow(since(15, 0, 'yesterday'), now, 'UTC').ok);
    });
    it('today in its first minute', () => {
      assert.deepEqual(resolveWindow(TODAY, utc('2026-06-15T00:00:59'), 'UTC'), {
        ok: false,
        problem: { kind: 'day-just-begun', nowHour: 0, nowMinute: 0, zone: 'UTC' },
      });
    });
  });

  it('computes in UTC for an unknown zone, with a note; silently for none', () => {
    const now = utc('2026-06-15T14:30:00');
    const w = resolved(resolveWindow(TODAY, now, 'Not/AZone'));
    assert.equal(w.zone, 'UTC');
    assert.deepEqual(w.notes, [{ kind: 'unknown-zone', zone: 'Not/AZone' }]);
    assert.deepEqual(resolved(resolveWindow(TODAY, now, '')).notes, []);
  });

  it('the same spec resolved a day later is the next day’s window (a Refresh tomorrow asks for tomorrow)', () => {
    const now = utc('2026-06-15T14:30:00');
    for (const spec of [
      { kind: 'last', ms: 4 * HOUR_MS } as WindowSpec,
      TODAY,
      YESTERDAY,
      since(8, 0),
      shift(8, 9),
    ]) {
      const a = resolved(resolveWindow(spec, now, 'Europe/Berlin'));
      const b = resolved(resolveWindow(spec, now + DAY_MS, 'Europe/Berlin'));
      assert.equal(b.from - a.from, DAY_MS, spec.kind);
      assert.equal(b.to - a.to, DAY_MS, spec.kind);
    }
  });
});

describe('window specs', () => {
  it('only wall-clock windows need the asker’s zone', () => {
    assert.equal(needsTimezone({ kind: 'last', ms: HOUR_MS }), false);
    for (const spec of [TODAY, YESTERDAY, since(8, 0), shift(8, 17)]) assert.equal(needsTimezone(spec), true);
  });

  it('checkSpan refuses what LivePerson could never answer', () => {
    assert.equal(checkSpan(DAY_MS), undefined);
    assert.equal(checkSpan(MINUTE_MS), undefined);
    assert.deepEqual(checkSpan(DAY_MS + 1), { kind: 'over-24h', spanMs: DAY_MS + 1 });
    assert.deepEqual(checkSpan(15 * DAY_MS), { kind: 'beyond-retention', spanMs: 15 * DAY_MS });
    assert.deepEqual(checkSpan(Infinity), { kind: 'beyond-retention', spanMs: Infinity });
    assert.deepEqual(checkSpan(NaN), { kind: 'beyond-retention', spanMs: NaN });
    assert.deepEqual(checkSpan(0), { kind: 'empty' });
    assert.deepEqual(checkSpan(-1), { kind: 'backwards' });
    assert.deepEqual(checkSpan(MINUTE_MS - 1), { kind: 'under-a-minute' });
  });

  it('isTimeZone knows IANA zones only', () => {
    for (const z of ['UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe']) {
      assert.ok(isTimeZone(z), z);
    }
    for (const z of ['', '  ', 'Not/AZone', 'Berlin']) assert.ok(!isTimeZone(z), z);
  });
});
