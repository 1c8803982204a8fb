/**
 * A trend as vertical bars: closed conversations per interval across the report's window, with
 * the period total in the title. What the numbers above it cannot say: is the shift speeding up
 * or slowing down. Intervals with no value leave a gap rather than a zero bar.
 */
import { COLORS, type ChartSpec } from './chart-spec';
import { altText, formatCount, shortLabel } from './chart-text';

export interface TrendChartInput {
  /** Whose trend, e.g. "Billing": the alt text names it, for a reader who meets the image alone. */
  subject: string;
  /** e.g. "Closed conversations"; the same words the report's text uses. */
  metricLabel: string;
  /** e.g. "15 min". */
  intervalLabel: string;
  /** e.g. "last 4h". */
  windowLabel: string;
  /** One per interval, in time order: the interval's end as the reader's clock shows it. */
  points: { label: string; value: number | undefined }[];
  total: number | undefined;
}

/** The trend's bar chart; undefined when no interval has a value. */
export function trendChart(input: TrendChartInput): ChartSpec | undefined {
  if (!input.points.some((p) => p.value !== undefined)) return undefined;
  const total = input.total === undefined ? '' : ` · ${formatCount(input.total)} in all`;
  const title = shortLabel(`${input.metricLabel} per ${input.intervalLabel}${total}`, 80);
  const unit = 'conversations';
  return {
    title,
    width: 600,
    height: 260,
    alt: altText(
      `${shortLabel(input.subject, 80)}: ${title}, ${shortLabel(input.windowLabel, 40)} (interval ending at): `,
      input.points.map((p) => `${p.label} ${p.value === undefined ? 'no data' : formatCount(p.value)}`),
    ),
    config: {
      type: 'bar',
      data: {
        labels: input.points.map((p) => p.label),
        datasets: [
          {
            label: input.metricLabel,
            data: input.points.map((p) => p.value ?? null),
            backgroundColor: COLORS.assigned,
          },
        ],
      },
      options: {
        layout: { padding: 8 },
        plugins: { title: { display: true, text: title, font: { size: 14 } }, legend: { display: false } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
          y: { beginAtZero: true, title: { display: true, text: unit }, ticks: { precision: 0 } },
        },
      },
    },
  };
}
