/**
 * The ranking view: one page of ranked skills or groups, with Previous/Next buttons. Every row is
 * reachable across pages and the page says how many there are; nothing is dropped silently.
 */
import type { KnownBlock } from '@slack/types';
import type { RankMetric } from '../../domain/query';
import { pageRows, rankingPageInfo, type PageInfo } from '../../domain/ranking-page';
import type { RankingReport, RankRow } from '../../domain/report';
import { formatCount } from '../../shared/number-format';
import { formatMetric, metricText } from './format';
import { LIMITS } from './limits';
import { displayName, markOf } from './marks';
import { escapeMrkdwn, safeText } from './mrkdwn';
import { actions, button, context, header, lineSections } from './blocks';
import { needsTimezone } from '../../domain/window';
import { actionId, encodeActionValue, type ActionRef } from '../action-ref';
import { reportFooter } from './context-line';
import type { ReportChart, SlackMessage } from './message';
import { fallbackText, responseTypeOf } from './message';
import { windowLabel } from './window-text';
import { rankTitle } from './ranking-titles';
import { headlineSection, headlineText } from './headline';
import { ruleNote } from './rule-text';

/** What a group ranking counts, said on every one (a group report counts its sub-groups too). */
export const GROUPS_COUNT_OWN_AGENTS =
  'Each group counts its own agents only; `/queue group …` adds its sub-groups.';

/** Name widths tried, widest first, until the page fits the total-size budget. */
const NAME_WIDTHS = [60, 40, 24, 12] as const;

const VALUE_SUFFIX: Partial<Record<RankMetric, string>> = {
  queue: ' waiting',
  closed: ' closed',
  overdue: ' overdue',
};

/** The row's name as shown: unnamed rows read "Unnamed skill (id)". */
export function rowName(report: RankingReport, row: RankRow): string {
  return displayName(report.dimension === 'skills' ? 'skill' : 'group', row.id, row.name);
}

function rowLine(report: RankingReport, row: RankRow, nameWidth: number): string {
  const mark = markOf(row.status);
  const text = metricText(report.metric, row.value);
  const value = row.value === undefined ? text : `${text}${VALUE_SUFFIX[report.by] ?? ''}`;
  return `${row.rank}. ${mark ? `${mark} ` : ''}*${safeText(rowName(report, row), nameWidth)}* — ${value}${ruleNote(row, report.metric)}`;
}

function dimensionWord(report: RankingReport, n: number): string {
  const one = report.dimension === 'skills' ? 'skill' : 'group';
  return n === 1 ? one : `${one}s`;
}

/** Width a breakdown's skill or group name may take in the header. */
const WITHIN_NAME_WIDTH = 60;

function withinText(report: RankingReport): string {
  const w = report.within;
  if (!w) return '';
  const name = safeText(displayName(w.kind, w.id, w.name), WITHIN_NAME_WIDTH);
  return w.kind === 'skill' ? ` for skill ${name}` : ` for group ${name} (with sub-groups)`;
}

function title(report: RankingReport): string {
  // A group row counts the group's own agents, unlike a group report: the header says so.
  const what = report.dimension === 'skills' ? 'Skills' : 'Agent groups (own agents)';
  return `${what}${withinText(report)} by ${rankTitle(report.by, report.metric)} · ${escapeMrkdwn(windowLabel(report.window))}`;
}

function pager(report: RankingReport, info: PageInfo): KnownBlock[] {
  // A wall-clock window ("since 08:00") keeps the zone it was read in, whoever pages it.
  const zone = needsTimezone(report.query.window) ? { zone: report.window.zone } : {};
  // A breakdown's pages keep the skill or group it resolved to.
  const id = report.within ? { id: report.within.id } : {};
  const pageTo = (page: number): ActionRef => ({ kind: 'page', query: report.query, page, ...id, ...zone });
  const buttons = [];
  if (info.page > 1) {
    buttons.push(button('◀ Previous', actionId('page', 'prev'), encodeActionValue(pageTo(info.page - 1))));
  }
  if (info.page < info.pages) {
    buttons.push(button('Next ▶', actionId('page', 'next'), encodeActionValue(pageTo(info.page + 1))));
  }
  return buttons.length ? [actions(buttons, 'ranking_pager')] : [];
}

function rankingBlocks(
  report: RankingReport,
  info: PageInfo,
  nameWidth: number,
  chart: ReportChart | undefined,
  tail: readonly KnownBlock[],
): KnownBlock[] {
  const blocks: KnownBlock[] = [header(title(report)), headlineSection(report)];
  const rows = pageRows(report, info);
  if (rows.length === 0) {
    blocks.push(
      ...lineSections([`No ${dimensionWord(report, 2)} returned data for this window.`], 'ranking_rows'),
    );
  } else {
    blocks.push(
      ...lineSections(
        rows.map((r) => rowLine(report, r, nameWidth)),
        'ranking_rows',
      ),
    );
  }
  const showing =
    info.total === 0
      ? `0 ${dimensionWord(report, 0)}`
      : `Showing ${formatCount(info.start + 1)}–${formatCount(info.end)} of ${formatCount(info.total)} ${dimensionWord(report, info.total)}` +
        (info.pages > 1 ? ` · page ${formatCount(info.page)} of ${formatCount(info.pages)}` : '');
  const notes = [showing];
  // A group ranking groups by each agent's own group: sub-groups are their own rows, not added in.
  if (report.dimension === 'groups') notes.push(GROUPS_COUNT_OWN_AGENTS);
  if (report.truncated) {
    const reach = Math.min(report.available, report.reachable);
    notes.push(
      `:warning: LivePerson reports ${formatCount(report.available)} ${dimensionWord(report, report.available)} but ` +
        `its paging stops at ${formatCount(reach)}; ranked those ${formatCount(reach)}.`,
    );
  }
  blocks.push(context(notes));
  blocks.push(...pager(report, info));
  blocks.push(...reportFooter(report, chart));
  blocks.push(...tail);
  return blocks;
}

function rankingText(report: RankingReport, info: PageInfo): string {
  const rows = pageRows(report, info).slice(0, 5);
  const list = rows
    .map((r) => `${r.rank}. ${safeText(rowName(report, r), 60)} ${formatMetric(report.metric, r.value)}`)
    .join(', ');
  return `${headlineText(report)} · ${title(report)}: ${list || 'no data'}${info.total > rows.length ? ` (${formatCount(info.total)} in all)` : ''}`;
}

/** Renders one page of a ranking; page size comes from `pageSize`, else the query's `top`. */
export function renderRanking(
  report: RankingReport,
  opts: { chart?: ReportChart; pageSize?: number; tail?: readonly KnownBlock[] } = {},
): SlackMessage {
  const info = rankingPageInfo(report, opts.pageSize);
  let blocks: KnownBlock[] = [];
  for (const width of NAME_WIDTHS) {
    blocks = rankingBlocks(report, info, width, opts.chart, opts.tail ?? []);
    if (JSON.stringify(blocks).length <= LIMITS.blocksJson) break;
  }
  return {
    text: fallbackText(rankingText(report, info)),
    blocks,
    response_type: responseTypeOf(report.query),
  };
}
