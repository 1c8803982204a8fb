/**
 * The agents view: one page of the people behind a skill or agent group, busiest first as
 * LivePerson sorted them, one line each (presence, how long, load, conversations, closed, response),
 * with Previous/Next buttons. Durations are measured to the moment the data was fetched, so the
 * view stays a pure function of the report.
 */
import type { KnownBlock } from '@slack/types';
import type { AgentRow, AgentsReport, Presence } from '../../domain/agents';
import { pageInfo, type PageInfo } from '../../domain/ranking-page';
import { needsTimezone } from '../../domain/window';
import { formatCount, formatDuration, formatPercent } from '../../shared/number-format';
import { actionId, encodeActionValue, type ActionRef } from '../action-ref';
import { actions, button, context, header, lineSections } from './blocks';
import { reportFooter } from './context-line';
import { agentsWord, headlineSection, headlineText } from './headline';
import { LIMITS } from './limits';
import { displayName } from './marks';
import { escapeMrkdwn, safeText } from './mrkdwn';
import type { ReportChart, SlackMessage } from './message';
import { fallbackText, responseTypeOf } from './message';
import { windowLabel } from './window-text';

/** Presence dots as the agent console colours them; the word beside each says it for screen readers. */
export const PRESENCE_MARKS: Record<Presence, string> = {
  online: ':large_green_circle:',
  'back-soon': ':large_yellow_circle:',
  away: ':large_orange_circle:',
  offline: ':white_circle:',
};
const UNKNOWN_MARK = ':grey_question:';
export const BOT_MARK = ':robot_face:';

const PRESENCE_WORDS: Record<Presence, string> = {
  online: 'online',
  'back-soon': 'back soon',
  away: 'away',
  offline: 'offline',
};

/** Name widths tried, widest first, until the page fits Slack's total-size budget. */
const NAME_WIDTHS = [80, 60, 40, 24, 12] as const;
/** Width the skill or group name may take in the header, leaving room for the rest. */
const HEADER_NAME_WIDTH = 80;
const GROUP_SUFFIX = ' (with sub-groups)';
/** Rows the top-level text names before it only counts. */
const TEXT_ROWS = 5;

/** Past this a status is just "over a week": a bot online since its deployment needs no day count. */
const LONG_AGO_MS = 7 * 24 * 3_600_000;

/** How long, to the minute: "<1m", "12m", "3h 05m", "2d 03h" (floored: never longer than it was). */
export function sinceText(ms: number): string {
  if (ms >= LONG_AGO_MS) return 'over a week';
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${minutes}m`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}h ${pad(minutes % 60)}m`;
  const hours = Math.floor(minutes / 60);
  return `${Math.floor(hours / 24)}d ${pad(hours % 24)}h`;
}

/** "online 12m", "away", "status unknown". */
export function statusText(row: AgentRow, now: number): string {
  if (!row.status) return 'status unknown';
  const word = PRESENCE_WORDS[row.status];
  // A start time after the fetch is clock skew between LivePerson and us, not a negative span.
  return row.statusSince === undefined ? word : `${word} ${sinceText(now - row.statusSince)}`;
}

/** "2 assigned / 1 active of 3 slots"; empty when the source returned none of them. */
function conversationsText(row: AgentRow): string {
  if (row.assigned === undefined && row.active === undefined) return '';
  const slots = row.maxSlots === undefined ? '' : ` of ${formatCount(row.maxSlots)} slots`;
  return `${formatCount(row.assigned)} assigned / ${formatCount(row.active)} active${slots}`;
}

/** The agent's name as shown, escaped and cut to `width`. */
function nameOf(row: AgentRow, width: number): string {
  return safeText(displayName('agent', row.id, row.name), width);
}

/** One agent's line; figures the source did not return are left out, except the load it is sorted by. */
export function agentLine(row: AgentRow, now: number, nameWidth: number): string {
  const mark = row.status ? PRESENCE_MARKS[row.status] : UNKNOWN_MARK;
  const bot = row.bot ? `${BOT_MARK} ` : '';
  const parts = [statusText(row, now), `load ${formatPercent(row.load)}`];
  const conversations = conversationsText(row);
  if (conversations) parts.push(conversations);
  if (row.closed !== undefined) parts.push(`${formatCount(row.closed)} closed`);
  if (row.avgResponseMs !== undefined) parts.push(`avg response ${formatDuration(row.avgResponseMs)}`);
  // Figures read "<1m": escaped, as the line is mrkdwn.
  return `${mark} ${bot}*${nameOf(row, nameWidth)}*${row.bot ? ' (bot)' : ''} — ${parts.map(escapeMrkdwn).join(' · ')}`;
}

function title(report: AgentsReport): string {
  // A group's header also says "(with sub-groups)": its name gives up that room, not the window.
  const width = report.of === 'skill' ? HEADER_NAME_WIDTH : HEADER_NAME_WIDTH - GROUP_SUFFIX.length;
  const name = safeText(displayName(report.of, report.id, report.name), width);
  const label = safeText(windowLabel(report.window), 40);
  return report.of === 'skill'
    ? `Agents · Skill ${name} · ${label}`
    : `Agents · Group ${name}${GROUP_SUFFIX} · ${label}`;
}

/** The pages a lead can reach: LivePerson's paging stops at `reachable` agents. */
function pagesOf(report: AgentsReport): PageInfo {
  return pageInfo(Math.min(report.total, report.reachable), report.page, report.pageSize);
}

function notes(report: AgentsReport, info: PageInfo): string[] {
  const audience = report.query.audience;
  const first = report.rowsOffset + 1;
  const last = report.rowsOffset + report.rows.length;
  const showing =
    `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(report.total)} ` +
    `${agentsWord(audience, report.total)} · sorted by load` +
    (info.pages > 1 ? ` · page ${formatCount(info.page)} of ${formatCount(info.pages)}` : '');
  const out = [showing];
  if (report.total > report.reachable) {
    out.push(
      `:warning: LivePerson's paging stops at ${formatCount(report.reachable)} ` +
        `${agentsWord(audience, report.reachable)}; the rest cannot be listed here.`,
    );
  }
  if (report.botsUnknown)
    out.push(':warning: LivePerson did not say which of these are bots; none is marked.');
  return out;
}

function pager(report: AgentsReport, info: PageInfo): KnownBlock[] {
  // A wall-clock window ("since 08:00") keeps the zone it was read in, whoever pages it.
  const zone = needsTimezone(report.query.window) ? { zone: report.window.zone } : {};
  // The pages keep the skill or group this list resolved to: no name matching again.
  const pageTo = (page: number): ActionRef => ({
    kind: 'page',
    query: report.query,
    page,
    id: report.id,
    ...zone,
  });
  const buttons = [];
  if (report.page > 1) {
    buttons.push(button('◀ Previous', actionId('page', 'prev'), encodeActionValue(pageTo(report.page - 1))));
  }
  if (report.page < info.pages) {
    buttons.push(button('Next ▶', actionId('page', 'next'), encodeActionValue(pageTo(report.page + 1))));
  }
  return buttons.length ? [actions(buttons, 'agents_pager')] : [];
}

function emptyLine(report: AgentsReport): string {
  const whose = report.of === 'skill' ? 'with this skill' : 'in this group or its sub-groups';
  return `No ${agentsWord(report.query.audience, 0)} ${whose} are logged in right now.`;
}

function agentsBlocks(
  report: AgentsReport,
  nameWidth: number,
  chart: ReportChart | undefined,
  tail: readonly KnownBlock[],
): KnownBlock[] {
  const info = pagesOf(report);
  const blocks: KnownBlock[] = [header(title(report))];
  if (report.rows.length === 0) {
    // The one sentence says it all; a headline above it would say it twice.
    blocks.push(...lineSections([emptyLine(report)], 'agents_rows'));
  } else {
    blocks.push(headlineSection(report));
    const lines = report.rows.map((r) => agentLine(r, report.fetchedAt, nameWidth));
    blocks.push(...lineSections(lines, 'agents_rows'));
    blocks.push(context(notes(report, info)));
  }
  blocks.push(...pager(report, info));
  blocks.push(...reportFooter(report, chart));
  blocks.push(...tail);
  return blocks;
}

function agentsText(report: AgentsReport): string {
  const list = report.rows
    .slice(0, TEXT_ROWS)
    .map(
      (r, i) =>
        `${report.rowsOffset + i + 1}. ${nameOf(r, 60)}${r.bot ? ' (bot)' : ''} ${formatPercent(r.load)}`,
    )
    .join(', ');
  const more = report.total > TEXT_ROWS ? ` (${formatCount(report.total)} in all)` : '';
  return `${headlineText(report)} · ${title(report)}${list ? `: ${list}${more}` : ''}`;
}

/** Renders one page of agents; names shrink until the message fits Slack's size budget. */
export function renderAgents(
  report: AgentsReport,
  opts: { chart?: ReportChart; tail?: readonly KnownBlock[] } = {},
): SlackMessage {
  let blocks: KnownBlock[] = [];
  for (const width of NAME_WIDTHS) {
    blocks = agentsBlocks(report, width, opts.chart, opts.tail ?? []);
    if (JSON.stringify(blocks).length <= LIMITS.blocksJson) break;
  }
  return {
    text: fallbackText(agentsText(report)),
    blocks,
    response_type: responseTypeOf(report.query),
  };
}
