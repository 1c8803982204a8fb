/**
 * Domain query → LivePerson calls: which method, metrics, filters, sections and sort a report
 * needs, and whether LivePerson sorts and pages or every page is fetched and ranked here. Pure, so
 * the exact wire request for every grammar form is tested as data. The report service is its only
 * caller; the plan is a union over LivePerson's methods so drill-downs can add agent_view and
 * historical plans beside the metrics one.
 */
import { PRESENCE_METRICS } from '../domain/humans';
import { DERIVED_METRICS, type MetricId, type SourceMetricId } from '../domain/metrics';
import {
  rankingPageSizeOf,
  type AgentsQuery,
  type MetricsQuery,
  type OverviewQuery,
  type RankMetric,
  type ReportQuery,
  type ScopeQuery,
  type TrendQuery,
} from '../domain/query';
import type { Audience } from '../domain/audience';
import { AGENTS_PAGE_SIZE } from '../domain/agents';
import { metricsNeeded } from '../domain/report';
import {
  MAX_OFFSET_PLUS_LIMIT,
  MAX_PAGE_SIZE,
  metricByField,
  type ByTimeMetric,
  type CurrentValueMetric,
  type Sort,
  type UserType,
} from './contract/catalog';
import type { KmmRequest, KmmRequestBody } from './contract/metrics-request';
import { MAX_HISTORICAL_POINTS, type HistoricalMetric, type HistoricalRequest } from './contract/historical';
import {
  AGENT_STATUSES,
  DEFAULT_AGENT_STATUSES,
  type AgentViewByTimeMetric,
  type AgentViewCurrentMetric,
  type AgentViewRequest,
} from './contract/agent-view';
import { TREND_INTERVALS_MINUTES, trendIntervalMinutes, trendReaches } from '../domain/trend';
import type { TrendSeries } from '../domain/trend-report';
import { MINUTE_MS } from '../domain/time';
import { FIELD_OF } from './mapper';

/** The KMM sort to request for a ranking; null: no sort key exists, fetch every page and rank locally. */
export const RANK_SORT: Record<RankMetric, Sort | null> = {
  queue: null,
  // Rankings by wait order by the queue-wait p90, which has no sort key: ranked locally.
  wait: null,
  load: { key: 'humanAgentLoad', order: 'desc' },
  closed: { key: 'closedConversations', order: 'desc' },
  response: { key: 'avgTimeToResponse', order: 'desc' },
  csat: null,
  overdue: null,
};

/** Whose conversations, as LivePerson's userTypes filter says it. */
const USER_TYPES_OF: Record<Audience, UserType> = { humans: 'HUMAN', bots: 'BOT' };

export interface RequestMetrics {
  byTime: ByTimeMetric[];
  currentValue: CurrentValueMetric[];
}

/** Domain metrics as KMM request names, split the way the request body lists them. */
export function requestMetrics(metrics: readonly MetricId[]): RequestMetrics {
  const out: RequestMetrics = { byTime: [], currentValue: [] };
  for (const metric of new Set(metrics)) {
    if ((DERIVED_METRICS as readonly string[]).includes(metric)) continue;
    const info = metricByField(FIELD_OF[metric as SourceMetricId]);
    if (!info) continue;
    if (info.kind === 'byTime') out.byTime.push(info.request as ByTimeMetric);
    else out.currentValue.push(info.request as CurrentValueMetric);
  }
  return out;
}

const PRESENCE_REQUEST = requestMetrics(PRESENCE_METRICS).currentValue;

/**
 * The bots-only twin of a request that counts agents for everyone (no audience given): same
 * filters, sections and grouping, presence metrics only. A sorted page is not asked again: no
 * sorted ranking reads presence.
 */
function botsRequest(
  audience: Audience | undefined,
  metrics: RequestMetrics,
  request: KmmRequest,
): KmmRequest | undefined {
  if (audience !== undefined || request.sort !== undefined) return undefined;
  if (!metrics.currentValue.some((m) => PRESENCE_REQUEST.includes(m))) return undefined;
  const { metricsToRetrieveByTime: _byTime, metricsToRetrieveCurrentValue: _current, ...rest } = request.body;
  return {
    body: {
      ...rest,
      filters: { ...rest.filters, userTypes: ['BOT'] },
      metricsToRetrieveCurrentValue: PRESENCE_REQUEST.filter((m) => metrics.currentValue.includes(m)),
    },
  };
}

/** Ids the directory resolved for a skill or group query. */
export interface ResolvedScope {
  /** The skill id, or the agent group id followed by every descendant group id. */
  ids: string[];
}

/** One call to the Metrics method (POST …/metrics). */
export interface MetricsPlan {
  kind: 'metrics';
  /** With offset/limit when LivePerson pages a sorted ranking for us. */
  request: KmmRequest;
  /** Every page is needed: the overview and rankings without a sort key rank locally. */
  allPages: boolean;
  /** Position of the first key this request returns in the whole ranking. */
  rowsOffset: number;
  /** The ranking page this request fetches, when it fetches one page (clamped to reachable ones). */
  page?: number;
  /** How many keys LivePerson's paging can reach at most. */
  reachable: number;
  /**
   * The same question asked for bots only (`userTypes: [BOT]`, presence metrics only), fetched
   * like `request` (every page when it is): the humans are everyone minus the bots.
   */
  bots?: KmmRequest;
}

/** One page of agent_view (POST …/agent_view) behind an agents report. */
export interface AgentsPlan {
  kind: 'agents';
  /** Sorted by load, worst first, and paged by LivePerson: only the page on screen is fetched. */
  request: AgentViewRequest;
  /**
   * Everyone was asked (no audience): agent_view records do not say who is a bot, so the page's
   * agents are asked again as bots only (planBotsProbe) to mark them.
   */
  probeBots: boolean;
  /** The page fetched, 1-based (clamped to the pages LivePerson's paging reaches). */
  page: number;
  pageSize: number;
  /** Position of the first agent this request returns among all matching agents. */
  rowsOffset: number;
  /** How many agents LivePerson's paging can reach at most. */
  reachable: number;
}

/** One call to the historical method (POST …/historical?interval=…): a trend report's series. */
export interface HistoricalPlan {
  kind: 'historical';
  request: HistoricalRequest & { intervalMinutes: number };
}

/** What to ask LivePerson for one report. */
export type LivePersonPlan = MetricsPlan | AgentsPlan | HistoricalPlan;

type Filters = KmmRequestBody['filters'];

/** The filters of a report: its window, its skill or its group with sub-groups, and its audience. */
function filtersOf(
  kind: 'account' | 'skill' | 'group',
  window: { from: number; to: number },
  audience: Audience | undefined,
  scope: ResolvedScope | undefined,
): Filters {
  const filters: Filters = { time: { from: window.from, to: window.to } };
  if (kind !== 'account') {
    if (!scope?.ids.length) throw new TypeError(`planner: a ${kind} query needs resolved ids`);
    if (kind === 'skill') filters.skillIds = [...scope.ids];
    else filters.agentGroupIds = [...scope.ids];
  }
  if (audience) filters.userTypes = [USER_TYPES_OF[audience]];
  return filters;
}

/**
 * Plans the LivePerson call for a query over a resolved window; skill/group queries need their
 * resolved ids, rankings the page to show (1-based).
 */
export function planReport(
  query: MetricsQuery,
  window: { from: number; to: number },
  scope?: ResolvedScope,
  page = 1,
): MetricsPlan {
  const metrics = requestMetrics(metricsNeeded(query));
  // The API takes inclusive bounds; the validator rounds them to the minute as LivePerson does.
  const body: KmmRequestBody = { filters: { time: { from: window.from, to: window.to } } };
  if (query.audience) body.filters.userTypes = [USER_TYPES_OF[query.audience]];
  if (metrics.byTime.length) body.metricsToRetrieveByTime = metrics.byTime;
  if (metrics.currentValue.length) body.metricsToRetrieveCurrentValue = metrics.currentValue;
  const plan = (request: KmmRequest, allPages: boolean, rowsOffset = 0, shown?: number): MetricsPlan => {
    const bots = botsRequest(query.audience, metrics, request);
    return {
      kind: 'metrics',
      request,
      allPages,
      rowsOffset,
      reachable: MAX_OFFSET_PLUS_LIMIT,
      ...(shown === undefined ? {} : { page: shown }),
      ...(bots ? { bots } : {}),
    };
  };

  switch (query.kind) {
    case 'overview':
      // Account totals plus every skill, to find the ones with conversations waiting.
      body.responseSections = ['all', 'groupBy'];
      body.groupBy = 'skillId';
      return plan({ body }, true);
    case 'skill':
    case 'group': {
      if (!scope?.ids.length) throw new TypeError(`planReport: a ${query.kind} query needs resolved ids`);
      // Filter-wide totals (`all`) over the skill, or over the group and all of its sub-groups.
      body.responseSections = ['all'];
      if (query.kind === 'skill') body.filters.skillIds = [...scope.ids];
      else body.filters.agentGroupIds = [...scope.ids];
      return plan({ body }, false);
    }
    case 'ranking': {
      body.responseSections = ['groupBy'];
      body.groupBy = query.dimension === 'skills' ? 'skillId' : 'agentGroupId';
      if (query.within) {
        // A breakdown: the skill's conversations by agent group, or the group's (and its
        // sub-groups') by skill.
        if (!scope?.ids.length) throw new TypeError('planReport: a breakdown needs resolved ids');
        if (query.within.kind === 'skill') body.filters.skillIds = [...scope.ids];
        else body.filters.agentGroupIds = [...scope.ids];
      }
      const sort = RANK_SORT[query.by];
      // No sort key for this order (queue, wait p90, CSAT, overdue): fetch every key, rank locally.
      if (!sort) return plan({ body }, true);
      // A sort key exists: LivePerson ranks, and only the page on screen is fetched. Its paging
      // ends at 1000 keys, so the last reachable page is the furthest a button can go.
      const limit = rankingPageSizeOf(query.top);
      const lastPage = Math.floor((MAX_OFFSET_PLUS_LIMIT - limit) / limit) + 1;
      const shown = Math.min(Math.max(1, Math.floor(page)), lastPage);
      const offset = (shown - 1) * limit;
      return plan({ body, sort, offset, limit }, false, offset, shown);
    }
  }
}

/** What an agent line shows now: status and since when, load, conversations held, slots. */
export const AGENT_CURRENT_METRICS: readonly AgentViewCurrentMetric[] = [
  'agent_current_status',
  'agent_current_status_start_time',
  'agent_load',
  'assigned_conversations',
  'active_conversations',
  'max_slots',
];
/** What it shows over the window. */
export const AGENT_BY_TIME_METRICS: readonly AgentViewByTimeMetric[] = [
  'closed_conversations',
  'avg_time_to_response',
];

/** The last page of `pageSize` rows LivePerson's paging reaches (offset + limit ≤ 1000). */
export function lastReachablePage(pageSize: number): number {
  return Math.floor((MAX_OFFSET_PLUS_LIMIT - pageSize) / pageSize) + 1;
}

/**
 * The agent_view call behind an agents report: the agents assigned the skill
 * (`agentSkillIds`), or those in the group and every sub-group (`agentGroupIds`, as resolveScope
 * lists them), logged in (LivePerson's default, said explicitly), sorted by load worst first and
 * paged by LivePerson, one page of `pageSize` (default AGENTS_PAGE_SIZE).
 */
export function planAgents(
  query: AgentsQuery,
  window: { from: number; to: number },
  scope: ResolvedScope,
  page = 1,
  pageSize = AGENTS_PAGE_SIZE,
): AgentsPlan {
  if (!scope.ids.length) throw new TypeError('planAgents: an agents query needs resolved ids');
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)));
  const shown = Math.min(Math.max(1, Math.floor(page)), lastReachablePage(limit));
  const offset = (shown - 1) * limit;
  const filters: AgentViewRequest['body']['filters'] = {
    time: { from: window.from, to: window.to },
    effectiveAgentStatus: [...DEFAULT_AGENT_STATUSES],
  };
  if (query.of === 'skill') filters.agentSkillIds = [...scope.ids];
  else filters.agentGroupIds = [...scope.ids];
  if (query.audience) filters.userTypes = [USER_TYPES_OF[query.audience]];
  return {
    kind: 'agents',
    request: {
      body: {
        filters,
        // The names come with the records: no directory lookup per agent.
        includeAgentMetadata: true,
        metricsToRetrieveCurrentValue: [...AGENT_CURRENT_METRICS],
        metricsToRetrieveByTime: [...AGENT_BY_TIME_METRICS],
      },
      sort: { key: 'agentLoad', order: 'desc' },
      offset,
      limit,
    },
    probeBots: query.audience === undefined,
    page: shown,
    pageSize: limit,
    rowsOffset: offset,
    reachable: MAX_OFFSET_PLUS_LIMIT,
  };
}

/**
 * Which of a page's agents are bots: the same window, those agents by id, bots only, in any
 * status (one may have changed status since the page was read), without metadata or metrics.
 * Every agent id that comes back is a bot.
 */
export function planBotsProbe(plan: AgentsPlan, agentIds: readonly string[]): AgentViewRequest {
  return {
    body: {
      filters: {
        time: plan.request.body.filters.time,
        agentIds: [...agentIds],
        userTypes: ['BOT'],
        effectiveAgentStatus: [...AGENT_STATUSES],
      },
      includeAgentMetadata: false,
    },
    offset: 0,
    limit: Math.min(MAX_PAGE_SIZE, Math.max(1, agentIds.length)),
  };
}

/**
 * The historical call behind a skill or group report's trend: closed conversations per interval
 * over the same window and filters; undefined when the window starts before LivePerson's 24 h of
 * trends (a report about yesterday has no trend, not a partial one).
 */
export function planTrend(
  query: ReportQuery,
  window: { from: number; to: number },
  scope: ResolvedScope | undefined,
  now: number,
): HistoricalRequest | undefined {
  if ((query.kind !== 'skill' && query.kind !== 'group') || !scope?.ids.length) return undefined;
  if (!trendReaches(window, now)) return undefined;
  const filters: HistoricalRequest['body']['filters'] = { time: { from: window.from, to: window.to } };
  if (query.kind === 'skill') filters.skillIds = [...scope.ids];
  else filters.agentGroupIds = [...scope.ids];
  if (query.audience) filters.userTypes = [USER_TYPES_OF[query.audience]];
  return {
    body: { filters, metricsToRetrieveByTime: ['closed_conversations'] },
    intervalMinutes: trendIntervalMinutes(window.to - window.from),
  };
}

/**
 * LivePerson rounds a window outward to whole minutes before it counts points, so a window can
 * grow by up to two minutes: the interval is chosen with that room, or a span that just fits
 * would be refused.
 */
const ROUNDING_MS = 2 * MINUTE_MS;

/** The finest readable interval that draws `spanMs` within LivePerson's 100 points. */
export function historicalIntervalMinutes(spanMs: number): number {
  const fit = TREND_INTERVALS_MINUTES.find(
    (m) => Math.ceil((spanMs + ROUNDING_MS) / (m * MINUTE_MS)) <= MAX_HISTORICAL_POINTS,
  );
  // None fits only past 24 h, which LivePerson never answers: the coarsest then.
  return fit ?? TREND_INTERVALS_MINUTES[TREND_INTERVALS_MINUTES.length - 1]!;
}

/** Points a span of `spanMs` has at `intervalMinutes` (the last one may cover less). */
export function historicalPoints(spanMs: number, intervalMinutes: number): number {
  return Math.ceil(spanMs / (intervalMinutes * MINUTE_MS));
}

/** The historical name of each trend series, in the order the report draws them. */
export const TREND_SERIES_METRIC: Record<TrendSeries, HistoricalMetric> = {
  closed: 'closed_conversations',
  concluded: 'concluded_conversations',
  transfers: 'transfers',
};

/**
 * The historical call behind a trend report: its three series over `span` (the window already cut
 * to the trend's 24 h) with the filters the report itself would use; a group counts its sub-groups.
 */
export function planTrendReport(
  query: TrendQuery,
  span: { from: number; to: number },
  scope?: ResolvedScope,
): HistoricalPlan {
  return {
    kind: 'historical',
    request: {
      body: {
        filters: filtersOf(query.of, span, query.audience, scope),
        metricsToRetrieveByTime: Object.values(TREND_SERIES_METRIC),
      },
      intervalMinutes: historicalIntervalMinutes(span.to - span.from),
    },
  };
}

/**
 * The metrics call for one earlier window of a skill, group or overview report: the same filters
 * over `window`, filter-wide totals only, and only the metrics counted over time. Current values
 * (waiting now, agents online, load) have no "yesterday", so they are not asked.
 */
export function planComparison(
  query: OverviewQuery | ScopeQuery,
  window: { from: number; to: number },
  scope?: ResolvedScope,
): KmmRequest | undefined {
  const byTime = requestMetrics(metricsNeeded(query)).byTime;
  if (!byTime.length) return undefined;
  const kind = query.kind === 'overview' ? 'account' : query.kind;
  return {
    body: {
      filters: filtersOf(kind, window, query.audience, scope),
      responseSections: ['all'],
      metricsToRetrieveByTime: byTime,
    },
  };
}
