/**
 * The chart a report wants drawn, independent of how it is drawn (QuickChart URL or local PNG).
 * Configs are plain data (no callbacks) so they survive JSON, a URL, and structuredClone.
 */
import type { ChartConfiguration } from 'chart.js';

/** Bars for snapshots and rankings; `null` leaves a slot empty in a dataset. */
export type BarChartConfig = ChartConfiguration<'bar', (number | null)[], string | string[]>;
/** Lines for series over time (the trend report); `null` leaves a gap in a line. */
export type LineChartConfig = ChartConfiguration<'line', (number | null)[], string | string[]>;
export type ChartConfig = BarChartConfig | LineChartConfig;

export interface ChartSpec {
  config: ChartConfig;
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
  /** Plain text that states the numbers, for screen readers and Slack's `alt_text` (≤ 2000 chars). */
  alt: string;
  /** Plain text, suitable for the image block's title. */
  title: string;
}

/** Charts are drawn at twice their size so they stay sharp on high-density screens. */
export const CHART_PIXEL_RATIO = 2;

/** Slack's limit for an image block's `alt_text`. */
export const MAX_ALT_CHARS = 2000;

/** Colours chosen to stay distinguishable for the common colour-vision deficiencies. */
export const COLORS = {
  waiting: '#e8590c',
  assigned: '#1c7ed6',
  free: '#2f9e44',
  overdue: '#c92a2a',
  wait: '#7048e8',
  neutral: '#495057',
} as const;

/**
 * Height for a horizontal bar chart with `bars` rows of about `perBar` pixels: room for title and
 * axis, never so short that a single bar looks like a banner, rows a little tighter when there are many.
 */
export function horizontalHeight(bars: number, perBar: number): number {
  const rowHeight = bars > 20 ? Math.round(perBar * 0.7) : perBar;
  return Math.max(180, 90 + bars * rowHeight);
}
