/**
 * A trend across a report's window: closed conversations per interval, the picture the numbers
 * above a chart cannot give (is the afternoon slowing down?). LivePerson keeps such series for
 * 24 h, at most 100 points; the interval is chosen for a readable chart, well inside that. Pure.
 */
import { DAY_MS, MINUTE_MS } from './time';

export interface TrendPoint {
  /** End of the interval the value covers (epoch ms). */
  end: number;
  /** Closed conversations in the interval; undefined when the source returned none. */
  closed: number | undefined;
}

export interface Trend {
  intervalMinutes: number;
  points: TrendPoint[];
  /** Sum of the points that have a value; undefined when none has. */
  total: number | undefined;
}

/** Intervals a lead reads at a glance, finest first. */
export const TREND_INTERVALS_MINUTES = [5, 10, 15, 30, 60, 120, 180, 360] as const;
/** Bars a chart shows before they blur into each other. */
export const MAX_TREND_POINTS = 48;
/** How far back trends reach. */
export const TREND_RETENTION_MS = DAY_MS;

/** The finest interval that draws the window in at most MAX_TREND_POINTS bars. */
export function trendIntervalMinutes(windowMs: number): number {
  const fit = TREND_INTERVALS_MINUTES.find((m) => windowMs / (m * MINUTE_MS) <= MAX_TREND_POINTS);
  // None fits only past 24 h, which trends never cover: the coarsest then.
  return fit ?? TREND_INTERVALS_MINUTES[TREND_INTERVALS_MINUTES.length - 1]!;
}

/** Whether a trend can cover the window: it must start within the retention. */
export function trendReaches(window: { from: number; to: number }, now: number): boolean {
  return window.to > window.from && window.from >= now - TREND_RETENTION_MS;
}

/** A trend from its points, with the total. */
export function toTrend(intervalMinutes: number, points: TrendPoint[]): Trend {
  const values = points.map((p) => p.closed).filter((v): v is number => v !== undefined);
  return {
    intervalMinutes,
    points,
    total: values.length ? values.reduce((a, b) => a + b, 0) : undefined,
  };
}
