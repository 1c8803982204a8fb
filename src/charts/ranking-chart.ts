/**
 * A ranking (skills or groups by wait, load, queue…) as horizontal bars, in the order given
 * (worst first), so the chart reads top-down like the list beside it.
 */
import { COLORS, horizontalHeight, type ChartSpec } from './chart-spec';
import { altText, MAX_ALT_NAME_CHARS, present, shortLabel } from './chart-text';

export interface RankingChartRow {
  label: string;
  /** In the unit `unitLabel` names (the axis shows it as is); undefined: no data, row left out. */
  value: number | undefined;
  /** The value for people, e.g. "4m 05s" or "87%". */
  display: string;
}

export interface RankingChartInput {
  title: string;
  /** Axis title, e.g. "minutes" or "conversations". */
  unitLabel: string;
  rows: RankingChartRow[];
}

/** Horizontal bars, worst first as given; rows without a value are skipped; undefined if none has one. */
export function rankingChart(input: RankingChartInput): ChartSpec | undefined {
  const rows = input.rows.filter((r): r is RankingChartRow & { value: number } => present(r.value));
  if (rows.length === 0) return undefined;
  const title = shortLabel(input.title, 80);
  const unit = shortLabel(input.unitLabel, 40);
  return {
    title,
    width: 600,
    height: horizontalHeight(rows.length, 26),
    alt: altText(
      `${title} (${unit}): `,
      rows.map((r) => `${shortLabel(r.label, MAX_ALT_NAME_CHARS)} ${shortLabel(r.display, 40)}`),
    ),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => `${shortLabel(r.label)} (${shortLabel(r.display, 16)})`),
        datasets: [{ label: unit, data: rows.map((r) => r.value), backgroundColor: COLORS.assigned }],
      },
      options: {
        layout: { padding: 8 },
        indexAxis: 'y',
        plugins: { title: { display: true, text: title, font: { size: 14 } }, legend: { display: false } },
        scales: { x: { beginAtZero: true, title: { display: true, text: unit } } },
      },
    },
  };
}
