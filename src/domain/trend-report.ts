/**
 * The trend report's model: closed, concluded and transferred conversations per interval across
 * a report's window, with the period totals and the busiest interval. LivePerson keeps these
 * series for 24 h only, so a window that starts earlier is cut to its part inside the last 24 h
 * (and the report says so) rather than refused. Pure.
 */
import type { Span } from './compare';
import { TREND_RETENTION_MS } from './trend';

/** The series a trend report draws, in legend order. */
export const TREND_SERIES = ['closed', 'concluded', 'transfers'] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

export type TrendValues = Record<TrendSeries, number | undefined>;

export interface TrendReportPoint {
  /** End of the interval the values cover (epoch ms). */
  end: number;
  /** undefined where the source returned no value. */
  values: TrendValues;
}

/** The part of a window a trend can show, asked at `now`. */
export interface TrendSpan extends Span {
  /** The window started before the trend's 24 h: this is where it was asked to start. */
  clampedFrom?: number;
}

/** The window cut to the trend's 24 h; `from` equals `to` when none of it is left. */
export function trendSpan(window: Span, now: number): TrendSpan {
  const earliest = now - TREND_RETENTION_MS;
  if (window.from >= earliest) return { from: window.from, to: window.to };
  return { from: Math.min(earliest, window.to), to: window.to, clampedFrom: window.from };
}

/** Sum of each series over the points that have a value; undefined for a series with none. */
export function trendTotals(points: readonly TrendReportPoint[]): TrendValues {
  const out = {} as TrendValues;
  for (const series of TREND_SERIES) {
    const values = points.map((p) => p.values[series]).filter((v): v is number => v !== undefined);
    out[series] = values.length ? values.reduce((a, b) => a + b, 0) : undefined;
  }
  return out;
}

/** The interval with the most closed conversations (the earliest of equals); undefined when none closed any. */
export function busiestPoint(points: readonly TrendReportPoint[]): TrendReportPoint | undefined {
  let best: TrendReportPoint | undefined;
  for (const p of points) {
    const v = p.values.closed;
    if (v !== undefined && v > 0 && (best === undefined || v > (best.values.closed ?? 0))) best = p;
  }
  return best;
}

/**
 * The points summed `factor` at a time (each group ends where its last point ends), for a chart
 * that cannot draw them all readably; a series with no value in a group has none there either.
 */
export function coarsen(points: readonly TrendReportPoint[], factor: number): TrendReportPoint[] {
  const step = Math.max(1, Math.floor(factor));
  if (step === 1) return [...points];
  const out: TrendReportPoint[] = [];
  for (let i = 0; i < points.length; i += step) {
    const group = points.slice(i, i + step);
    out.push({ end: group[group.length - 1]!.end, values: trendTotals(group) });
  }
  return out;
}
