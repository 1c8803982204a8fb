import { strict as assert } from 'node:assert';
import { busiestPoint, coarsen, trendSpan, trendTotals } from '../../src/domain/trend-report';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/time';

const NOW = Date.UTC(2026, 10, 25, 15);

function point(end: number, closed?: number, concluded?: number, transfers?: number) {
  return { end, values: { closed, concluded, transfers } };
}

describe('trend report model', () => {
  it('a window inside the last 24 h is kept as it is', () => {
    assert.deepEqual(trendSpan({ from: NOW - 4 * HOUR_MS, to: NOW }, NOW), {
      from: NOW - 4 * HOUR_MS,
      to: NOW,
    });
  });

  it('a window that starts earlier is cut to the last 24 h, remembering where it was asked to start', () => {
    const yesterday = { from: NOW - 39 * HOUR_MS, to: NOW - 15 * HOUR_MS };
    assert.deepEqual(trendSpan(yesterday, NOW), {
      from: NOW - DAY_MS,
      to: NOW - 15 * HOUR_MS,
      clampedFrom: NOW - 39 * HOUR_MS,
    });
  });

  it('a window wholly older than 24 h leaves nothing (from = to), not a negative span', () => {
    const s = trendSpan({ from: NOW - 30 * HOUR_MS, to: NOW - 25 * HOUR_MS }, NOW);
    assert.equal(s.from, s.to);
    assert.equal(s.clampedFrom, NOW - 30 * HOUR_MS);
  });

  it('totals sum each series over the points that have it; a series with none has no total', () => {
    const points = [point(1, 3, 4, undefined), point(2, 5, undefined, undefined), point(3, 0, 2, undefined)];
    assert.deepEqual(trendTotals(points), { closed: 8, concluded: 6, transfers: undefined });
  });

  it('the busiest interval closed the most (the earliest of equals); none when nothing closed', () => {
    const points = [point(1, 3), point(2, 9), point(3, 9), point(4)];
    assert.equal(busiestPoint(points)?.end, 2);
    assert.equal(busiestPoint([point(1, 0), point(2)]), undefined);
  });

  it('coarsen sums neighbours, keeps the totals, and ends each group where its last point ends', () => {
    const points = Array.from({ length: 5 }, (_, i) =>
      point((i + 1) * 15 * MINUTE_MS, i + 1, 1, i === 4 ? 2 : undefined),
    );
    const two = coarsen(points, 2);
    assert.deepEqual(
      two.map((p) => [p.end / MINUTE_MS, p.values.closed, p.values.transfers]),
      [
        [30, 3, undefined],
        [60, 7, undefined],
        [75, 5, 2],
      ],
    );
    assert.deepEqual(trendTotals(two), trendTotals(points));
  });
});
