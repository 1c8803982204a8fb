/**
 * Which chart each report shows: the skill and group views the trend of closed conversations
 * across the window (what the numbers above cannot say), rankings horizontal bars of the ranked
 * value in the header's words and unit, the overview the skills with most waiting. Pure.
 */
import { unitOf, type MetricId } from '../../domain/metrics';
import { pageRows, rankingPageInfo } from '../../domain/ranking-page';
import type { RankingReport, Report, TrendReport } from '../../domain/report';
import { coarsen, TREND_SERIES } from '../../domain/trend-report';
import { MAX_TREND_POINTS } from '../../domain/trend';
import { trendLineChart } from '../../charts/trend-line-chart';
import { TREND_SERIES_LABELS, clockOf, intervalLabel } from './trend-text';
import { plainMetric } from './format';
import { displayName } from './marks';
import type { ChartSpec } from '../../charts/chart-spec';
import { overviewChart } from '../../charts/overview-chart';
import { rankingChart } from '../../charts/ranking-chart';
import { trendChart } from '../../charts/trend-chart';
import type { Trend } from '../../domain/trend';
import type { ResolvedWindow } from '../../domain/window';
import { clockIn } from './clock';
import { rankTitle } from './ranking-titles';
import { windowLabel } from './window-text';

/** How a ranked metric reads on a chart axis: minutes for durations, % for ratios, counts as they are. */
function axisOf(metric: MetricId): { factor: number; label: string } {
  const unit = unitOf(metric);
  if (unit === 'duration') return { factor: 1 / 60_000, label: 'minutes' };
  if (unit === 'ratio') return { factor: 100, label: '%' };
  return { factor: 1, label: 'conversations' };
}

function trendSpec(subject: string, trend: Trend, window: ResolvedWindow): ChartSpec | undefined {
  // Bars are labelled with the interval's end on the reader's clock, in the window's zone.
  return trendChart({
    subject,
    metricLabel: 'Closed conversations',
    intervalLabel: intervalLabel(trend.intervalMinutes),
    windowLabel: windowLabel(window),
    points: trend.points.map((p) => ({ label: clockIn(p.end, window.zone), value: p.closed })),
    total: trend.total,
  });
}

/**
 * The trend report's lines. Past MAX_TREND_POINTS the points are summed in pairs (or more) first:
 * a line of 96 points is no easier to read than one of 48, and would not fit a QuickChart URL.
 */
function trendReportSpec(report: TrendReport): ChartSpec | undefined {
  const factor = Math.ceil(report.points.length / MAX_TREND_POINTS);
  const points = coarsen(report.points, factor);
  const subject =
    report.scope && report.of !== 'account'
      ? displayName(report.of, report.scope.id, report.scope.name)
      : 'Whole account';
  return trendLineChart({
    subject,
    intervalLabel: intervalLabel(report.intervalMinutes * Math.max(1, factor)),
    windowLabel: windowLabel(report.window),
    labels: points.map((p) => clockOf(report.window, p.end)),
    series: TREND_SERIES.map((s) => ({
      label: TREND_SERIES_LABELS[s],
      values: points.map((p) => p.values[s]),
    })),
  });
}

function rankingSpec(report: RankingReport): ChartSpec | undefined {
  const rows = pageRows(report, rankingPageInfo(report));
  const axis = axisOf(report.metric);
  const kind = report.dimension === 'skills' ? 'skill' : 'group';
  return rankingChart({
    title: `${report.dimension === 'skills' ? 'Skills' : 'Agent groups'} by ${rankTitle(report.by, report.metric)}`,
    unitLabel: axis.label,
    rows: rows.map((r) => ({
      label: displayName(kind, r.id, r.name),
      value: r.value === undefined ? undefined : r.value * axis.factor,
      display: plainMetric(report.metric, r.value),
    })),
  });
}

/** The chart for a report, or undefined when it has nothing to draw. */
export function chartForReport(report: Report): ChartSpec | undefined {
  switch (report.kind) {
    case 'skill':
    case 'group':
      return (
        report.trend &&
        trendSpec(displayName(report.kind, report.id, report.name), report.trend, report.window)
      );
    case 'ranking':
      return rankingSpec(report);
    case 'agents':
      // The list is the picture: ten lines of people need no bars beside them.
      return undefined;
    case 'trend':
      return trendReportSpec(report);
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
