/**
 * The trend report's chart: one line per series (closed, concluded, transfers) across the
 * window, with a legend. A gap in a line is an interval with no value, never a drop to zero.
 * Only some points carry a clock label: the axis shows a handful anyway, and a chart's config
 * travels inside a QuickChart URL that Slack caps at 3000 characters; the alt text lists them all.
 */
import { COLORS, type ChartSpec, type LineChartConfig } from './chart-spec';
import { altText, formatCount, shortLabel } from './chart-text';

export interface TrendLineSeries {
  /** Legend label, e.g. "Closed". */
  label: string;
  /** One per point, in time order. */
  values: (number | undefined)[];
}

export interface TrendLineChartInput {
  /** Whose trend, e.g. "Billing": the alt text names it, for a reader who meets the image alone. */
  subject: string;
  /** e.g. "15 min". */
  intervalLabel: string;
  /** e.g. "last 4h". */
  windowLabel: string;
  /** The end of each interval on the reader's clock, in time order. */
  labels: string[];
  series: TrendLineSeries[];
}

/** Clock labels the x axis keeps at most; the others are left blank. */
export const MAX_AXIS_LABELS = 12;

const SERIES_COLORS = [COLORS.assigned, COLORS.free, COLORS.waiting, COLORS.wait];

/** The labels with all but about MAX_AXIS_LABELS of them blanked, evenly spaced, the last one kept. */
function sparseLabels(labels: readonly string[]): string[] {
  const every = Math.max(1, Math.ceil(labels.length / MAX_AXIS_LABELS));
  const last = labels.length - 1;
  return labels.map((l, i) => ((last - i) % every === 0 ? l : ''));
}

/** The trend's line chart; undefined when no series has a value. */
export function trendLineChart(input: TrendLineChartInput): ChartSpec | undefined {
  if (!input.series.some((s) => s.values.some((v) => v !== undefined))) return undefined;
  const title = shortLabel(`Conversations per ${input.intervalLabel} · ${input.windowLabel}`, 80);
  const items = input.labels.map((label, i) => {
    const values = input.series.map(
      (s) => `${s.label.toLowerCase()} ${s.values[i] === undefined ? 'no data' : formatCount(s.values[i])}`,
    );
    return `${label} ${values.join(', ')}`;
  });
  const config: LineChartConfig = {
    type: 'line',
    data: {
      labels: sparseLabels(input.labels),
      datasets: input.series.map((s, i) => {
        const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
        return {
          label: s.label,
          data: s.values.map((v) => v ?? null),
          borderColor: color,
          backgroundColor: color,
          pointRadius: 0,
          borderWidth: 2,
        };
      }),
    },
    options: {
      layout: { padding: 8 },
      plugins: {
        title: { display: true, text: title, font: { size: 14 } },
        legend: { display: true, position: 'bottom' },
      },
      scales: {
        x: { ticks: { autoSkip: false, maxRotation: 0 } },
        y: { beginAtZero: true, title: { display: true, text: 'conversations' }, ticks: { precision: 0 } },
      },
    },
  };
  return {
    title,
    width: 640,
    height: 300,
    alt: altText(`${shortLabel(input.subject, 80)}: ${title} (interval ending at): `, items),
    config,
  };
}
