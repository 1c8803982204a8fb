/**
 * Which chart each report shows: the skill and group views show queue vs capacity and wait times,
 * rankings horizontal bars of the ranked value, the overview the skills with most waiting. Pure.
 */
import { metricByField } from '../liveperson/contract/catalog';
import type { ChartSpec } from './chart-spec';
import { overviewChart } from './overview-chart';
import { rankingChart } from './ranking-chart';
import { skillChart } from './skill-chart';
import type { Report, RankingReport } from '../domain/report';
import { pageRows, rankingPageInfo } from '../slack/views/ranking';

/** How a ranked field reads on a chart axis: minutes for durations, % for ratios, counts as they are. */
function axisOf(field: string): { factor: number; label: string } {
  const info = metricByField(field);
  if (info?.unit === 'duration') return { factor: 1 / 60_000, label: 'minutes' };
  if (info?.unit === 'ratio') return { factor: 100, label: '%' };
  return { factor: 1, label: info?.label ?? field };
}

function rankingSpec(report: RankingReport): ChartSpec | undefined {
  const rows = pageRows(report, rankingPageInfo(report));
  const axis = axisOf(report.field);
  return rankingChart({
    title: `${report.dimension === 'skills' ? 'Skills' : 'Agent groups'} by ${metricByField(report.field)?.label ?? report.field}`,
    unitLabel: axis.label,
    rows: rows.map((r) => ({
      label: r.name,
      value: r.value === undefined ? undefined : r.value * axis.factor,
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
