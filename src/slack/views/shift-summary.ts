/**
 * The posts a digest makes: the shift summary (header with the scope and the shift on the
 * digest's clock, the headline, the figures beside the same shift last week, the best and worst
 * skills or groups, the chart, the small print and a button to the live report) and the one note
 * that stands for fires missed while the bot was down. Pure: every sentence a digest posts is here.
 */
import type { ActionsBlockElement, KnownBlock, PlainTextOption } from '@slack/types';
import type { Digest } from '../../domain/digest';
import type { ReportQuery, ScopeQuery } from '../../domain/query';
import type { Comparison, GroupReport, KpiMetric, OverviewReport, SkillReport } from '../../domain/report';
import {
  STANDING_METRIC,
  mainReportOf,
  type ShiftItem,
  type ShiftSummary,
  type Standing,
} from '../../domain/shift-summary';
import { formatCount } from '../../shared/number-format';
import { actionId, encodeActionValue, MAX_OPTION_VALUE, type ActionRef } from '../action-ref';
import {
  actions,
  button,
  chartBlock,
  context,
  header,
  lineSections,
  section,
  slackDate,
  utcText,
} from './blocks';
import { compactChanges, comparisonLine, comparisonNote } from './compare-text';
import { contextBlock } from './context-line';
import { clockIn } from './clock';
import { dateTimeIn, scopeText, shiftText } from './shift-text';
import { formatMetric } from './format';
import { headlineSection, headlineText } from './headline';
import { KPI_LABELS, kpiSections, kpiText } from './kpis';
import { LIMITS } from './limits';
import { displayName, markOf } from './marks';
import { fallbackText, type ReportChart, type SlackMessage } from './message';
import { codeSpan, safeText } from './mrkdwn';
import { ruleNote } from './rule-text';

export interface ShiftSummaryRenderOptions {
  digest: Digest;
  chart?: ReportChart;
  /** Posted after its fire time (the bot was down then): the post says so. */
  late?: boolean;
  /** Run by hand ("Run now"), outside the schedule. */
  manual?: boolean;
}

/** Room the scope takes in the header, leaving the shift and its zone whole. */
const HEADER_SCOPE_WIDTH = 80;
/** Longest button state inline; past it the outbox stores it behind a key. */
const MAX_INLINE_VALUE = 300;
/** Items a summary lists in full; a digest names at most MAX_DIGEST_TARGETS (10). */
const NAME_WIDTH = 80;

function title(summary: ShiftSummary, digest: Digest): string {
  return `Shift summary · ${scopeText(digest.scope, HEADER_SCOPE_WIDTH)} · ${shiftText(summary.from, summary.to, summary.zone)}`;
}

function itemKind(summary: ShiftSummary): 'skill' | 'group' {
  return summary.scope === 'groups' ? 'group' : 'skill';
}

/** The comparisons a figure is set beside: those asked and kept (a week back is inside 14 days). */
function shownComparisons(report: { comparisons?: Comparison[] }): Comparison[] {
  return (report.comparisons ?? []).filter((c) => c.missing !== 'beyond-retention');
}

/** "Closed 120 _▲ 5 (+4%) vs last week_": one figure on a shared line. */
function figure(report: SkillReport | GroupReport, metric: KpiMetric, label: string): string {
  const shown = shownComparisons(report);
  const change = shown.length ? ` _${comparisonLine(metric, report.kpis[metric].value, shown)}_` : '';
  return `${label} ${kpiText(report.kpis, metric)}${change}`;
}

/** One skill's or group's shift in three lines: its headline, what was closed, waits and CSAT. */
function itemLines(item: ShiftItem, kind: 'skill' | 'group'): string {
  const name = `*${safeText(displayName(kind, item.target.id, item.target.name), NAME_WIDTH)}*`;
  const what = kind === 'skill' ? 'skill' : 'agent group';
  if (item.kind === 'gone')
    return `${name} — this ${what} no longer exists in LivePerson. Remove it from the digest with \`/queue digest list\` → Edit.`;
  if (item.kind === 'unavailable')
    return `${name} — its figures could not be fetched from LivePerson in time; the next summary will try again.`;
  const report = item.report;
  const shown = shownComparisons(report);
  const closedBy = (['closedByAgent', 'closedByConsumer', 'autoClosed'] as const)
    .map(
      (m) => `${KPI_LABELS[m]} ${kpiText(report.kpis, m)}${compactChanges(m, report.kpis[m].value, shown)}`,
    )
    .join(' · ');
  return [
    `${name} · ${headlineText(report)}`,
    `${figure(report, 'closed', 'Closed')} · _${closedBy}_`,
    [
      figure(report, 'avgWait', 'Avg wait'),
      figure(report, 'avgWaitFirstResponse', 'First response'),
      figure(report, 'csat', 'CSAT'),
    ].join(' · '),
  ].join('\n');
}

function standingLine(word: 'Best' | 'Worst', standing: Standing, kind: 'skill' | 'group'): string {
  const mark = markOf(standing.status);
  const name = safeText(displayName(kind, standing.id, standing.name), NAME_WIDTH);
  return `${mark ? `${mark} ` : ''}${word}: *${name}* — avg wait ${formatMetric(STANDING_METRIC, standing.value)}${ruleNote(standing, STANDING_METRIC)}`;
}

/** Best and worst of the shift; nothing for a digest about one skill or group (it is both). */
function standingsBlocks(summary: ShiftSummary): KnownBlock[] {
  if (summary.scope !== 'account' && summary.items.length < 2) return [];
  const s = summary.standings;
  const kind = s.of === 'groups' ? 'group' : 'skill';
  const many = s.of === 'groups' ? 'agent groups' : 'skills';
  const head = `*Best and worst ${many} this shift* · _by average wait_`;
  switch (s.kind) {
    case 'ranked':
      return [
        section(
          [head, standingLine('Best', s.best, kind), standingLine('Worst', s.worst, kind)].join('\n'),
          'standings',
        ),
      ];
    case 'too-few':
      return [
        section(`${head}\nToo few ${many} had conversations waiting this shift to compare.`, 'standings'),
      ];
    case 'unavailable':
      return [
        section(
          `${head}\nThe ${many}' figures could not be fetched, so this summary has no best and worst.`,
          'standings',
        ),
      ];
  }
}

/** The query "Open live view" runs: the same report for the last shift-length ending when clicked. */
function liveQuery(report: OverviewReport | SkillReport | GroupReport, digest: Digest): ReportQuery {
  const options = {
    window: { kind: 'last' as const, ms: digest.windowMs },
    // The clicker's own look: the summary is in the channel already.
    public: false,
    ...(digest.audience ? { audience: digest.audience } : {}),
  };
  if (report.kind === 'overview') return { kind: 'overview', ...options };
  const query: ScopeQuery = { kind: report.kind, name: report.name ?? report.query.name, ...options };
  return query;
}

function liveRef(report: OverviewReport | SkillReport | GroupReport, digest: Digest): ActionRef {
  return {
    kind: 'run',
    query: liveQuery(report, digest),
    ...(report.kind === 'overview' ? {} : { id: report.id }),
  };
}

/** One button for the account or a single item; a menu of the items when there are several. */
function liveControl(summary: ShiftSummary, digest: Digest): ActionsBlockElement | undefined {
  const open = (report: OverviewReport | SkillReport | GroupReport) =>
    button(
      'Open live view',
      actionId('run', 'live'),
      encodeActionValue(liveRef(report, digest), MAX_INLINE_VALUE),
    );
  if (summary.scope === 'account') return open(summary.report);
  const reports = summary.items.flatMap((i) => (i.kind === 'report' ? [i.report] : []));
  if (reports.length === 0) return undefined;
  if (reports.length === 1) return open(reports[0]!);
  const options = reports.slice(0, LIMITS.selectOptions).map((r): PlainTextOption => ({
    text: {
      type: 'plain_text',
      text: safeText(displayName(r.kind === 'group' ? 'group' : 'skill', r.id, r.name), LIMITS.optionText),
      emoji: true,
    },
    value: encodeActionValue(liveRef(r, digest), MAX_OPTION_VALUE),
  }));
  return {
    type: 'static_select',
    action_id: actionId('run', 'live'),
    placeholder: { type: 'plain_text', text: 'Open live view' },
    options,
  };
}

/** The small print: the shift on every reader's clock and where the figures came from, then the digest and its marks. */
function smallPrint(summary: ShiftSummary, opts: ShiftSummaryRenderOptions): KnownBlock[] {
  const { digest } = opts;
  const blocks: KnownBlock[] = [];
  const main = mainReportOf(summary);
  if (main)
    blocks.push(
      contextBlock({
        window: main.window,
        fetchedAt: main.fetchedAt,
        source: main.source,
        ...(digest.audience ? { audience: digest.audience } : {}),
      }),
    );
  const marks: string[] = [];
  if (opts.late)
    marks.push(
      `:hourglass: Posted late: Queue Pulse was down at ${clockIn(summary.fireAt, summary.zone)} (${safeText(summary.zone, 40)}).`,
    );
  if (opts.manual) marks.push(':raised_hand: Run by hand, outside the schedule.');
  marks.push(`Digest ${codeSpan(safeText(digest.id, 40))} · \`/queue digest list\` to pause or change it`);
  blocks.push(context(marks));
  return blocks;
}

function figureBlocks(summary: ShiftSummary): KnownBlock[] {
  if (summary.scope === 'account') {
    const r = summary.report;
    return [
      headlineSection(r),
      ...kpiSections(r.kpis, r.window, {
        scope: 'queue',
        agents: r.agents,
        ...(r.query.audience ? { audience: r.query.audience } : {}),
        ...(r.comparisons ? { comparisons: r.comparisons } : {}),
      }),
    ];
  }
  const kind = itemKind(summary);
  const main = mainReportOf(summary);
  const note = main?.comparisons?.length ? [`_${comparisonNote(main.comparisons).replace(/^c/, 'C')}_`] : [];
  return lineSections([...note, ...summary.items.map((i) => itemLines(i, kind))], 'items');
}

/** The shift summary a digest posts. */
export function renderShiftSummary(summary: ShiftSummary, opts: ShiftSummaryRenderOptions): SlackMessage {
  const heading = title(summary, opts.digest);
  const live = liveControl(summary, opts.digest);
  const image = chartBlock(opts.chart);
  const blocks: KnownBlock[] = [
    header(heading),
    ...figureBlocks(summary),
    ...standingsBlocks(summary),
    ...(image ? [image] : []),
    ...smallPrint(summary, opts),
    ...(live ? [actions([live], 'shift_actions')] : []),
  ];
  const lead =
    summary.scope === 'account'
      ? headlineText(summary.report)
      : summary.standings.kind === 'ranked'
        ? `Worst: ${safeText(displayName(itemKind(summary), summary.standings.worst.id, summary.standings.worst.name), NAME_WIDTH)}`
        : '';
  return { text: fallbackText(lead ? `${heading} · ${lead}` : heading), blocks };
}

/**
 * The one note for fires missed while every instance was down past the grace window: a single
 * line in the channel instead of a burst of old summaries.
 */
export function renderMissedNote(
  digest: Digest,
  missed: { from: number; to: number; count: number },
): SlackMessage {
  const zone = digest.schedule.zone;
  const scope = scopeText(digest.scope, HEADER_SCOPE_WIDTH);
  const when =
    missed.count === 1
      ? `The shift summary for ${scope} due ${dateTimeIn(missed.from, zone)} (${safeText(zone, 40)}) was`
      : `${formatCount(missed.count)} shift summaries for ${scope} between ${dateTimeIn(missed.from, zone)} and ${dateTimeIn(missed.to, zone)} (${safeText(zone, 40)}) were`;
  const text = `:warning: ${when} missed while Queue Pulse was down. The next one is posted on schedule.`;
  const span = `${slackDate(missed.from, '{date_short_pretty} {time}', utcText(missed.from))} – ${slackDate(missed.to, '{date_short_pretty} {time}', utcText(missed.to))}`;
  return {
    text: fallbackText(text),
    blocks: [
      section(text, 'missed'),
      context([`:clock3: Missed: ${span} · Digest ${codeSpan(safeText(digest.id, 40))}`]),
    ],
  };
}
