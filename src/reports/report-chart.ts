/**
 * Which chart each report shows: the skill and group views show queue vs capacity and wait times,
 * rankings horizontal bars of the ranked value, the overview the skills with most waiting. Pure.
 */
import { metricByField } from '../liveperson/kmm';
import type { ChartSpec } from './charts/chart-spec';
import { overviewChart } from './charts/overview-chart';
import { rankingChart } from './charts/ranking-chart';
import { skillChart } from './charts/skill-chart';
import type { Report, RankingReport } from './report';
import { pageRows, rankingPageInfo } from './views/ranking';

/** Ranked values in the unit a chart axis can show: minutes for durations, % for ratios. */
function chartValue(field: string, value: number | undefined): { value: number | undefined; unit: string } {
  const unit = metricByField(field)?.unit ?? 'count';
  if (value === undefined) return { value, unit: '' };
  if (unit === 'duration') return { value: value / 60_000, unit: 'minutes' };
  if (unit === 'ratio') return { value: value * 100, unit: '%' };
  return { value, unit: 'conversations' };
}

function rankingSpec(report: RankingReport): ChartSpec | undefined {
  const rows = pageRows(report, rankingPageInfo(report));
  const unit = metricByField(report.field);
  const unitLabel =
    unit?.unit === 'duration' ? 'minutes' : unit?.unit === 'ratio' ? '%' : (unit?.label ?? report.field);
  return rankingChart({
    title: `${report.dimension === 'skills' ? 'Skills' : 'Agent groups'} by ${unit?.label ?? report.field}`,
    unitLabel,
    rows: rows.map((r) => ({
      label: r.name,
      value: chartValue(report.field, r.value).value,
      display: r.text,
    })),
  });
}

/** The chart for a report, or undefined when it has nothing to draw. */
export function chartForReport(report: Report): ChartSpec | undefined {
  switch (report.kind) {
    case 'skill':
    case 'group': {
      const k = report.kpis;
      return skillChart({
        name: report.name,
        ...(k.unassignedConversations.value !== undefined
          ? { unassigned: k.unassignedConversations.value }
          : {}),
        ...(k.availableSlots.value !== undefined ? { availableSlots: k.availableSlots.value } : {}),
        ...(k.overdueConversationsInQueue.value !== undefined
          ? { overdueInQueue: k.overdueConversationsInQueue.value }
          : {}),
        ...(k.queueWaitTime50thPercentile.value !== undefined
          ? { waitP50Ms: k.queueWaitTime50thPercentile.value }
          : {}),
        ...(k.queueWaitTime90thPercentile.value !== undefined
          ? { waitP90Ms: k.queueWaitTime90thPercentile.value }
          : {}),
        ...(k.avgWaitTime.value !== undefined ? { avgWaitMs: k.avgWaitTime.value } : {}),
      });
    }
    case 'ranking':
      return rankingSpec(report);
    case 'overview':
      return overviewChart({
        rows: report.topWaiting.map((r) => ({
          label: r.name,
          waiting: r.value ?? 0,
          ...(r.metrics.availableSlots !== undefined ? { availableSlots: r.metrics.availableSlots } : {}),
        })),
      });
  }
}
