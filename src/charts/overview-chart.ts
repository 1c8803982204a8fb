/**
 * Every skill's queue beside its free capacity: where conversations wait and where agents could
 * take them.
 */
import type { ChartDataset } from 'chart.js';
import { COLORS, horizontalHeight, type ChartSpec } from './chart-spec';
import { altText, formatCount, MAX_ALT_NAME_CHARS, present, shortLabel } from './chart-text';

export interface OverviewChartRow {
  label: string;
  waiting: number;
  availableSlots?: number;
}

export interface OverviewChartInput {
  rows: OverviewChartRow[];
}

const TITLE = 'Waiting and free slots by skill';

/** Grouped horizontal bars (waiting, free slots) per row in the order given; undefined if no numbers. */
export function overviewChart(input: OverviewChartInput): ChartSpec | undefined {
  const rows = input.rows.filter((r) => present(r.waiting) || present(r.availableSlots));
  if (rows.length === 0) return undefined;
  const hasSlots = rows.some((r) => present(r.availableSlots));
  const datasets: ChartDataset<'bar', (number | null)[]>[] = [
    {
      label: 'Waiting',
      data: rows.map((r) => (present(r.waiting) ? r.waiting : null)),
      backgroundColor: COLORS.waiting,
    },
  ];
  if (hasSlots)
    datasets.push({
      label: 'Free slots',
      data: rows.map((r) => (present(r.availableSlots) ? r.availableSlots : null)),
      backgroundColor: COLORS.free,
    });
  return {
    title: TITLE,
    width: 600,
    height: horizontalHeight(rows.length, hasSlots ? 34 : 24),
    alt: altText(
      `${TITLE}: `,
      rows.map((r) => {
        const parts = [
          present(r.waiting) ? `${formatCount(r.waiting)} waiting` : '',
          present(r.availableSlots) ? `${formatCount(r.availableSlots)} free slots` : '',
        ].filter(Boolean);
        return `${shortLabel(r.label, MAX_ALT_NAME_CHARS)}: ${parts.join(', ')}`;
      }),
    ),
    config: {
      type: 'bar',
      data: { labels: rows.map((r) => shortLabel(r.label)), datasets },
      options: {
        layout: { padding: 8 },
        indexAxis: 'y',
        plugins: {
          title: { display: true, text: TITLE, font: { size: 14 } },
          legend: { display: hasSlots, position: 'bottom' },
        },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Conversations' } },
        },
      },
    },
  };
}
