/**
 * A trend in words: its interval ("15 min"), its totals ("412 closed, 398 concluded, 12
 * transfers"), a point's span on the reader's clock, and the note when the window was cut to the
 * trend's 24 h. Shared by the trend report, its chart and the headline.
 */
import { DateTime } from 'luxon';
import type { TrendReport } from '../../domain/report';
import { TREND_SERIES, type TrendSeries, type TrendValues } from '../../domain/trend-report';
import type { ResolvedWindow } from '../../domain/window';
import { formatCount } from '../../shared/number-format';
import { clockIn } from './clock';

/** Each series as the trend report names it (legend, fields and sentences). */
export const TREND_SERIES_LABELS: Record<TrendSeries, string> = {
  closed: 'Closed',
  concluded: 'Concluded',
  transfers: 'Transfers',
};

const SERIES_WORDS: Record<TrendSeries, string> = {
  closed: 'closed',
  concluded: 'concluded',
  transfers: 'transfers',
};

/** "5 min", "2 h". */
export function intervalLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

/** An instant as the reader's clock shows it, in the window's zone ("14:15"). */
export function clockOf(window: ResolvedWindow, epochMs: number): string {
  return clockIn(epochMs, window.zone);
}

/** "412 closed, 398 concluded, 12 transfers"; undefined when no series came back. */
export function trendTotalsText(totals: TrendValues): string | undefined {
  const parts = TREND_SERIES.flatMap((s) => {
    const v = totals[s];
    return v === undefined ? [] : [`${formatCount(v)} ${SERIES_WORDS[s]}`];
  });
  return parts.length ? parts.join(', ') : undefined;
}

/** The trend report's headline: its totals, or why there are none. */
export function trendHeadlineText(report: TrendReport): string {
  return trendTotalsText(report.totals) ?? 'No trend figures came back for this window.';
}

/** Why the trend starts later than the window asked for; undefined when it was not cut. */
export function clampNote(report: TrendReport): string | undefined {
  if (report.clampedFrom === undefined) return undefined;
  if (report.window.from >= report.window.to)
    return 'LivePerson keeps trends for 24 h only, and all of this window is older than that.';
  const day = (ms: number) => DateTime.fromMillis(ms, { zone: report.window.zone });
  const asked = day(report.clampedFrom);
  const shown = day(report.window.from);
  const format = asked.hasSame(shown, 'day') ? 'HH:mm' : 'ccc HH:mm';
  return (
    `LivePerson keeps trends for 24 h only, so this starts at ${shown.toFormat(format)} ` +
    `instead of ${asked.toFormat(format)}.`
  );
}
