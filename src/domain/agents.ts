/**
 * The agents drill-down: the people behind a skill or an agent group, busiest first, one page at a
 * time as the source sorted and paged them. The rows are what a lead scans to see who is drowning
 * and who is free; the headline says only what one page can prove. Pure.
 */
import type { AgentsQuery } from './query';
import type { Audience } from './audience';
import type { ResolvedWindow } from './window';

/** An agent's presence, as the lead's console shows it. */
export const PRESENCES = ['online', 'back-soon', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Agents per page: ten lines read at a glance and leave a Slack message room for long names. */
export const AGENTS_PAGE_SIZE = 10;

/** One agent and their figures; a figure the source did not return is absent, never 0. */
export interface AgentRow {
  id: string;
  /** The source's name for the agent, or null when it gave none (the view says "Unnamed agent"). */
  name: string | null;
  /** A bot, not a person: its load and slots do not say anything about the people's. */
  bot: boolean;
  /** Absent when the source sent no status, or one this bot does not know. */
  status?: Presence;
  /** Epoch ms since when the agent has been in `status`. */
  statusSince?: number;
  /** Weight of the assigned conversations over the agent's slots (a ratio; can exceed 1). */
  load?: number;
  /** Open conversations assigned to the agent now. */
  assigned?: number;
  /** Of those, the ones the agent is handling now. */
  active?: number;
  /** How many conversations the agent may hold at once. */
  maxSlots?: number;
  /** Conversations the agent closed in the window. */
  closed?: number;
  /** Average time from assignment to the agent's response in the window. */
  avgResponseMs?: number;
}

/** What the source answered for one page of agents. */
export interface AgentsAnswer {
  rows: AgentRow[];
  /** How many agents match in all, across pages. */
  count: number;
}

/** What a page of agents can say for certain about them all. */
export interface AgentsHeadline {
  /** Agents matching in all. */
  total: number;
  /** Humans online; only when every matching agent is on this page (one page cannot count the rest). */
  humansOnline?: number;
  /**
   * The busiest person: the first human with a load on the first page, since the source sorted
   * everyone by load. Absent on later pages, where the busiest is not in view.
   */
  busiest?: AgentRow;
}

export interface AgentsReport {
  kind: 'agents';
  query: AgentsQuery;
  window: ResolvedWindow;
  /** Epoch ms when the data was fetched. */
  fetchedAt: number;
  /** Where the numbers come from, e.g. "LivePerson account 13350576". */
  source: string;
  of: 'skill' | 'group';
  /** The skill or agent group the agents belong to. */
  id: string;
  name: string | null;
  /** The agents on this page, busiest first. */
  rows: AgentRow[];
  /** Position of rows[0] among all matching agents. */
  rowsOffset: number;
  /** Agents matching in all (the source's count). */
  total: number;
  /** How many of them the source's paging can reach at most. */
  reachable: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The source could not say which agents are bots: none is marked, and the headline says less. */
  botsUnknown?: true;
  headline: AgentsHeadline;
}

export interface AgentsInput {
  query: AgentsQuery;
  window: ResolvedWindow;
  scope: { id: string; name: string | null };
  answer: AgentsAnswer;
  fetchedAt: number;
  source: string;
  /** The page fetched, 1-based, and where it starts among all agents. */
  page: number;
  pageSize: number;
  rowsOffset: number;
  reachable: number;
  /** Which agents are bots could not be learned: `bot` is false for all, and proves nothing. */
  botsUnknown?: boolean;
}

/**
 * A row as the report shows it: an average response of 0 ms averages no responses (no real reply
 * takes 0 ms), so it is no data, not the fastest agent on the floor.
 */
function cleaned(row: AgentRow): AgentRow {
  if (row.avgResponseMs !== 0) return row;
  const { avgResponseMs: _none, ...rest } = row;
  return rest;
}

/** The headline one page can support; a bots-only list has no people to speak of. */
export function agentsHeadline(
  rows: readonly AgentRow[],
  rowsOffset: number,
  total: number,
  audience?: Audience,
): AgentsHeadline {
  const headline: AgentsHeadline = { total };
  if (audience === 'bots') return headline;
  if (rowsOffset === 0 && rows.length >= total) {
    headline.humansOnline = rows.filter((r) => !r.bot && r.status === 'online').length;
  }
  const busiest = rowsOffset === 0 ? rows.find((r) => !r.bot && r.load !== undefined) : undefined;
  if (busiest) headline.busiest = busiest;
  return headline;
}

/** The agents report for one fetched page; the source's order (load, worst first) is kept. */
export function toAgentsReport(input: AgentsInput): AgentsReport {
  const rows = input.answer.rows.map(cleaned);
  const rowsOffset = Math.max(0, Math.floor(input.rowsOffset));
  // The count can lag the page by a moment (agents log in between): never fewer than are shown.
  const total = Math.max(input.answer.count, rowsOffset + rows.length);
  return {
    kind: 'agents',
    query: input.query,
    window: input.window,
    fetchedAt: input.fetchedAt,
    source: input.source,
    of: input.query.of,
    id: input.scope.id,
    name: input.scope.name,
    rows,
    rowsOffset,
    total,
    reachable: input.reachable,
    page: Math.max(1, Math.floor(input.page)),
    pageSize: Math.max(1, Math.floor(input.pageSize)),
    ...(input.botsUnknown ? { botsUnknown: true as const } : {}),
    // Without knowing the bots, a bot could pass for the busiest person or for one online.
    headline: input.botsUnknown ? { total } : agentsHeadline(rows, rowsOffset, total, input.query.audience),
  };
}
