import { strict as assert } from 'node:assert';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';
import { lastWindow, sinceWindow, spanText, todayWindow } from '../../src/domain/time-window';

const NOW = Date.UTC(2026, 5, 15, 14, 30);

function message(r: ReturnType<typeof lastWindow>): string {
  assert.equal(r.ok, false, 'expected a refusal');
  return r.ok ? '' : r.message;
}

describe('time windows', () => {
  describe('lastWindow', () => {
    it('accepts exactly 24 h and exactly one minute', () => {
      assert.deepEqual(lastWindow(DAY_MS, 'last 24h', NOW), {
        ok: true,
        window: { from: NOW - DAY_MS, to: NOW, label: 'last 24h' },
      });
      assert.equal(lastWindow(MINUTE_MS, 'last 1m', NOW).ok, true);
    });

    it('refuses one ms over 24 h with the window length and a suggestion', () => {
      assert.equal(
        message(lastWindow(DAY_MS + 1, 'x', NOW)),
        'That window is just over 24 h; LivePerson keeps at most 24 h per query. Try `last 24h`.',
      );
      assert.equal(
        message(lastWindow(30 * HOUR_MS, 'x', NOW)),
        'That window is 30 h; LivePerson keeps at most 24 h per query. Try `last 24h`.',
      );
    });

    it('explains retention for windows reaching past 14 days', () => {
      assert.doesNotMatch(message(lastWindow(14 * DAY_MS, 'x', NOW)), /14 days/);
      assert.match(message(lastWindow(14 * DAY_MS + MINUTE_MS, 'x', NOW)), /only the last 14 days/);
      assert.match(message(lastWindow(Infinity, 'x', NOW)), /more than 1,000 days/);
    });

    it('refuses empty, backwards and sub-minute windows', () => {
      assert.match(message(lastWindow(0, 'x', NOW)), /nothing in it/);
      assert.match(message(lastWindow(-MINUTE_MS, 'x', NOW)), /backwards/);
      assert.match(message(lastWindow(MINUTE_MS - 1, 'x', NOW)), /under a minute/);
    });
  });

  it('describes absurd spans readably', () => {
    assert.equal(spanText(30 * HOUR_MS), '30 h');
    assert.equal(spanText(1e20), 'more than 1,000 days');
  });

  describe('sinceWindow', () => {
    it('counts from the wall-clock time today in the user’s zone', () => {
      // 16:30 in Berlin; 08:00 CEST = 06:00 UTC.
      assert.deepEqual(sinceWindow(8, 0, 'auto', NOW, 'Europe/Berlin'), {
        ok: true,
        window: { from: Date.UTC(2026, 5, 15, 6, 0), to: NOW, label: 'since 08:00' },
      });
    });

    it('refuses an explicit yesterday that is over 24 h ago', () => {
      assert.match(message(sinceWindow(14, 0, 'yesterday', NOW, 'UTC')), /24\.5 h/);
      assert.equal(sinceWindow(15, 0, 'yesterday', NOW, 'UTC').ok, true);
    });

    it('clamps an automatic yesterday stretched past 24 h by the clocks going back', () => {
      // New York, 2026-11-01 23:30 EST; 23:45 yesterday (EDT) is 24 h 45 min ago.
      const now = Date.UTC(2026, 10, 2, 4, 30);
      const r = sinceWindow(23, 45, 'auto', now, 'America/New_York');
      assert.ok(r.ok);
      if (r.ok) {
        assert.equal(r.window.to - r.window.from, DAY_MS);
        assert.equal(r.window.label, 'since 23:45 yesterday');
        assert.match(r.window.note ?? '', /23:45 yesterday was 24\.8 h ago \(the clocks went back\)/);
      }
    });

    it('says when the time is right now or under a minute ago', () => {
      assert.match(message(sinceWindow(14, 30, 'auto', NOW, 'UTC')), /right now/);
      assert.match(message(sinceWindow(14, 30, 'auto', NOW + 59_000, 'UTC')), /under a minute/);
    });
  });

  describe('todayWindow', () => {
    it('runs from local midnight', () => {
      assert.deepEqual(todayWindow(NOW, 'America/New_York'), {
        ok: true,
        window: { from: Date.UTC(2026, 5, 15, 4, 0), to: NOW, label: 'today' },
      });
    });

    it('has nothing to show in its first minute', () => {
      assert.match(
        message(todayWindow(Date.UTC(2026, 5, 15, 0, 0, 59), 'UTC')),
        /only just begun \(it's 00:00 in UTC\)/,
      );
      assert.equal(todayWindow(Date.UTC(2026, 5, 15, 0, 1), 'UTC').ok, true);
    });
  });
});
