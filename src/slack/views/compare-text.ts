/**
 * A period KPI beside the same window in earlier periods, in words: "▲ 12 (+8%) vs yesterday ·
 * ▼ 3 (−2%) vs last week". An arrow says which way the figure moved, not whether that is good
 * (fewer closed is worse, a shorter wait better): the mark beside the value already says that.
 * No data on either side reads "—" with no arrow; an earlier 0 has no percentage ("n/a %").
 */
import { changeOf, type Change } from '../../domain/compare';
import { unitOf } from '../../domain/metrics';
import type { CompareWith } from '../../domain/query';
import type { Comparison, KpiMetric } from '../../domain/report';
import { ABSENT, formatCount } from '../../shared/number-format';
import { durationText } from './format';

export const COMPARE_LABELS: Record<CompareWith, string> = {
  yesterday: 'yesterday',
  week: 'last week',
};

const ARROWS = { up: '▲', down: '▼' } as const;

/** The size of a change in the metric's unit; ratios (CSAT) move in percentage points. */
function deltaText(metric: KpiMetric, delta: number): string {
  const size = Math.abs(delta);
  switch (unitOf(metric)) {
    case 'duration':
      return durationText(size);
    case 'ratio':
      return `${Math.round(size * 100)} pts`;
    case 'count':
      return formatCount(size);
  }
}

/** "+8%", "−2%", "&lt;1%" (escaped: the text is mrkdwn), "n/a %". */
function percentText(change: Change): string {
  if (change.ratio === undefined) return 'n/a %';
  const pct = change.ratio * 100;
  const sign = pct > 0 ? '+' : '−';
  if (Math.abs(pct) < 1) return `${sign}&lt;1%`;
  return `${sign}${Math.round(Math.abs(pct))}%`;
}

/** The change from one earlier window, without the "vs …": "▲ 12 (+8%)", "no change", "—". */
export function changeText(metric: KpiMetric, now: number | undefined, before: number | undefined): string {
  const change = changeOf(now, before);
  if (!change) return ABSENT;
  if (change.direction === 'same') return 'no change';
  return `${ARROWS[change.direction]} ${deltaText(metric, change.delta)} (${percentText(change)})`;
}

/** Every comparison of one KPI: "▲ 12 (+8%) vs yesterday · ▼ 3 (−2%) vs last week". */
export function comparisonLine(
  metric: KpiMetric,
  now: number | undefined,
  comparisons: readonly Comparison[],
): string {
  return comparisons
    .map((c) => `${changeText(metric, now, c.values[metric])} vs ${COMPARE_LABELS[c.with]}`)
    .join(' · ');
}

/** A compact change for a figure on a shared line ("by agent 40 ▲5 / ▼2"); "" when nothing moved or nothing came back. */
export function compactChanges(
  metric: KpiMetric,
  now: number | undefined,
  comparisons: readonly Comparison[],
): string {
  const parts = comparisons.map((c) => {
    const change = changeOf(now, c.values[metric]);
    if (!change) return ABSENT;
    return change.direction === 'same'
      ? '='
      : `${ARROWS[change.direction]}${deltaText(metric, change.delta)}`;
  });
  return parts.every((p) => p === ABSENT) ? '' : ` ${parts.join(' / ')}`;
}

/** "compared with the same window yesterday and last week", with why any of them is missing. */
export function comparisonNote(comparisons: readonly Comparison[]): string {
  const names = comparisons.map((c) => COMPARE_LABELS[c.with]);
  const head = `compared with the same window ${names.join(' and ')}`;
  const why = comparisons.flatMap((c) => {
    if (c.missing === 'beyond-retention')
      return [`LivePerson keeps 14 days of metrics, so ${COMPARE_LABELS[c.with]} is left out`];
    if (c.missing === 'unavailable') return [`${COMPARE_LABELS[c.with]}'s figures could not be fetched`];
    return [];
  });
  return why.length ? `${head} (${why.join('; ')})` : head;
}
