/**
 * Which chart each report shows: the skill and group views show queue vs capacity and wait times,
 * rankings horizontal bars of the ranked value, the overview the skills with most waiting. Pure.
 */
import { unitOf, type MetricId } from '../../domain/metrics';
import { pageRows, rankingPageInfo } from '../../domain/ranking-page';
import type { RankingReport, Report } from '../../domain/report';
import { formatMetric } from './format';
import { displayName } from './marks';
import { METRIC_LABELS } from './metric-labels';
import type { ChartSpec } from '../../charts/chart-spec';
import { overviewChart } from '../../charts/overview-chart';
import { rankingChart } from '../../charts/ranking-chart';
import { skillChart } from '../../charts/skill-chart';

/** How a ranked metric reads on a chart axis: minutes for durations, % for ratios, counts as they are. */
function axisOf(metric: MetricId): { factor: number; label: string } {
  const unit = unitOf(metric);
  if (unit === 'duration') return { factor: 1 / 60_000, label: 'minutes' };
  if (unit === 'ratio') return { factor: 100, label: '%' };
  return { factor: 1, label: METRIC_LABELS[metric] };
}

function rankingSpec(report: RankingReport): ChartSpec | undefined {
  const rows = pageRows(report, rankingPageInfo(report));
  const axis = axisOf(report.metric);
  const kind = report.dimension === 'skills' ? 'skill' : 'group';
  return rankingChart({
    title: `${report.dimension === 'skills' ? 'Skills' : 'Agent groups'} by ${METRIC_LABELS[report.metric]}`,
    unitLabel: axis.label,
    rows: rows.map((r) => ({
      label: displayName(kind, r.id, r.name),
      value: r.value === undefined ? undefined : r.value * axis.factor,
      display: formatMetric(report.metric, r.value),
    })),
  });
}

/** The chart for a report, or undefined when it has nothing to draw. */
export function chartForReport(report: Report): ChartSpec | undefined {
  switch (report.kind) {
    case 'skill':
    case 'group': {
      const k = report.kpis;
      const present = <K extends string>(key: K, v: number | undefined) =>
        v === undefined ? {} : { [key]: v };
      return skillChart({
        name: displayName(report.kind, report.id, report.name),
        ...present('unassigned', k.waiting.value),
        ...present('availableSlots', k.freeSlots.value),
        ...present('overdueInQueue', k.overdueInQueue.value),
        ...present('waitP50Ms', k.queueWaitP50.value),
        ...present('waitP90Ms', k.queueWaitP90.value),
        ...present('avgWaitMs', k.avgWait.value),
      });
    }
    case 'ranking':
      return rankingSpec(report);
    case 'overview':
      return overviewChart({
        rows: report.topWaiting.map((r) => ({
          label: displayName('skill', r.id, r.name),
          waiting: r.value ?? 0,
          ...(r.values.freeSlots !== undefined ? { availableSlots: r.values.freeSlots } : {}),
        })),
      });
  }
}
