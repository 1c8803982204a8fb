/**
 * The trend report as a Slack message: the window's totals (closed, concluded, transfers), how
 * the points are cut, the busiest interval and the chart. Without a chart (CHARTS=off, or it
 * could not be delivered) the busiest and quietest intervals still say how the window went.
 */
import type { KnownBlock } from '@slack/types';
import type { TrendReport } from '../../domain/report';
import { TREND_SERIES, type TrendReportPoint } from '../../domain/trend-report';
import { formatCount } from '../../shared/number-format';
import { fieldsSection, header, section } from './blocks';
import { reportFooter } from './context-line';
import { displayName } from './marks';
import type { ReportChart, SlackMessage } from './message';
import { fallbackText, responseTypeOf } from './message';
import { safeText } from './mrkdwn';
import { TREND_SERIES_LABELS, clampNote, clockOf, intervalLabel, trendHeadlineText } from './trend-text';
import { windowLabel } from './window-text';

const NAME_WIDTH = 80;

/** "Skill Billing", "Group Tier 1 (with sub-groups)", "Whole account". */
function subjectOf(report: TrendReport): string {
  if (report.of === 'account' || !report.scope) return 'Whole account';
  const name = safeText(displayName(report.of, report.scope.id, report.scope.name), NAME_WIDTH);
  return report.of === 'skill' ? `Skill ${name}` : `Group ${name} (with sub-groups)`;
}

/** "14:00–14:15": the interval a point covers, on the reader's clock. */
function spanOf(report: TrendReport, point: TrendReportPoint): string {
  const start = Math.max(report.window.from, point.end - report.intervalMinutes * 60_000);
  return `${clockOf(report.window, start)}–${clockOf(report.window, point.end)}`;
}

/** The interval with the fewest closed conversations among those with a value. */
function quietest(points: readonly TrendReportPoint[]): TrendReportPoint | undefined {
  let best: TrendReportPoint | undefined;
  for (const p of points) {
    const v = p.values.closed;
    if (v !== undefined && (best === undefined || v < (best.values.closed ?? Infinity))) best = p;
  }
  return best;
}

function closedText(n: number): string {
  return `${formatCount(n)} closed`;
}

/** The lines under the totals: the interval, the busiest (and, without a chart, the quietest) interval, the cut. */
function noteLines(report: TrendReport, chart: ReportChart | undefined): string[] {
  const lines: string[] = [];
  const n = report.points.length;
  if (n === 0) lines.push('_No trend points came back for this window._');
  else
    lines.push(
      `_One point per ${intervalLabel(report.intervalMinutes)} (${formatCount(n)} ${n === 1 ? 'point' : 'points'}), ` +
        'each counting the interval that ends at its time._',
    );
  const busiest = report.busiest;
  if (busiest) {
    lines.push(`*Busiest:* ${spanOf(report, busiest)}, ${closedText(busiest.values.closed ?? 0)}`);
    const quiet = chart ? undefined : quietest(report.points);
    if (quiet && quiet !== busiest)
      lines.push(`*Quietest:* ${spanOf(report, quiet)}, ${closedText(quiet.values.closed ?? 0)}`);
  } else if (n > 0) {
    lines.push('No conversations closed in any interval.');
  }
  const clamp = clampNote(report);
  if (clamp) lines.push(`:information_source: _${clamp}_`);
  return lines;
}

/** The trend report as a message: header, totals, notes, chart and footer. */
export function renderTrend(
  report: TrendReport,
  chart?: ReportChart,
  tail: readonly KnownBlock[] = [],
): SlackMessage {
  const title = `Trend · ${subjectOf(report)} · ${safeText(windowLabel(report.window), 40)}`;
  const totals = TREND_SERIES.map(
    (s) =>
      `*${TREND_SERIES_LABELS[s]}*\n${report.totals[s] === undefined ? '—' : formatCount(report.totals[s])}`,
  );
  const blocks: KnownBlock[] = [
    header(title),
    fieldsSection(`*Totals* · ${safeText(windowLabel(report.window), 60)}`, totals),
    section(noteLines(report, chart).join('\n'), 'trend_notes'),
    ...reportFooter(report, chart),
    ...tail,
  ];
  return {
    text: fallbackText(`${trendHeadlineText(report)} · ${title}`),
    blocks,
    response_type: responseTypeOf(report.query),
  };
}
