/**
 * The small print under a report: the window in the reader's own timezone, when the data was
 * fetched, where it came from, and any adjustment the window needed.
 */
import type { ContextBlock, KnownBlock } from '@slack/types';
import type { Audience } from '../../domain/audience';
import type { ResolvedWindow } from '../../domain/window';
import { safeText } from './mrkdwn';
import type { Report } from '../../domain/report';
import { chartBlock, context, slackDate, utcText } from './blocks';
import type { ReportChart } from './message';
import { windowLabel, windowNotes } from './window-text';

export interface ContextFacts {
  window: ResolvedWindow;
  fetchedAt: number;
  source: string;
  audience?: Audience;
}

const WINDOW_FORMAT = '{date_short_pretty} {time}';

function audienceText(audience: Audience | undefined): string | undefined {
  if (!audience) return undefined;
  return audience === 'humans' ? 'Human agents only' : 'Bots only';
}

/** One context block: window, fetch time and source, audience, and the window's note. */
export function contextBlock(facts: ContextFacts): ContextBlock {
  const { window, fetchedAt, source } = facts;
  const span =
    `:clock3: ${safeText(windowLabel(window), 60)}: ` +
    `${slackDate(window.from, WINDOW_FORMAT, utcText(window.from))} – ` +
    `${slackDate(window.to, WINDOW_FORMAT, utcText(window.to))}`;
  const fetched = `Fetched ${slackDate(fetchedAt, '{time_secs}', utcText(fetchedAt, true))} from ${safeText(source, 120)}`;
  const elements = [span, fetched];
  const who = audienceText(facts.audience);
  if (who) elements.push(who);
  const notes = windowNotes(window).join(' ');
  if (notes) elements.push(`:information_source: _${safeText(notes, 300)}_`);
  return context(elements);
}

/** The end of every report: the chart (when there is one), then the context line. */
export function reportFooter(report: Report, chart: ReportChart | undefined): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const image = chartBlock(chart);
  if (image) blocks.push(image);
  blocks.push(
    contextBlock({
      window: report.window,
      fetchedAt: report.fetchedAt,
      source: report.source,
      ...(report.query.audience ? { audience: report.query.audience } : {}),
    }),
  );
  return blocks;
}
