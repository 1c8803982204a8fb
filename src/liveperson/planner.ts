/**
 * Domain query → LivePerson request plan: which metrics, filters, sections and sort a report needs,
 * and whether LivePerson sorts and pages or every page is fetched and ranked here. Pure, so the
 * exact wire request for every grammar form is tested as data. The report service is its only caller.
 */
import {
  MAX_OFFSET_PLUS_LIMIT,
  metricByField,
  type ByTimeMetric,
  type CurrentValueMetric,
  type MetricField,
  type Sort,
  type UserType,
} from './contract/catalog';
import type { KmmRequest, KmmRequestBody } from './contract/metrics-request';
import {
  RANK_METRICS,
  rankingPageSizeOf,
  type Audience,
  type RankMetric,
  type ReportQuery,
} from '../domain/query';
import { KPI_FIELDS, RANK_FIELD, WAIT_FALLBACK_FIELD, type ReportKind } from '../domain/report';

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

export interface ReportMetrics {
  byTime: ByTimeMetric[];
  currentValue: CurrentValueMetric[];
}

function splitByKind(fields: readonly MetricField[]): ReportMetrics {
  const out: ReportMetrics = { byTime: [], currentValue: [] };
  for (const field of new Set(fields)) {
    const info = metricByField(field);
    if (!info) continue;
    if (info.kind === 'byTime') out.byTime.push(info.request as ByTimeMetric);
    else out.currentValue.push(info.request as CurrentValueMetric);
  }
  return out;
}

/** Fields a ranking needs besides the ranked one: the fallback and what its status rules read. */
function rankingFields(by: RankMetric): MetricField[] {
  const fields = [RANK_FIELD[by]];
  if (by === 'wait') fields.push(WAIT_FALLBACK_FIELD);
  if (by === 'queue') fields.push('availableSlots');
  return fields;
}

/**
 * The KMM request metrics a report needs. For rankings, pass `by` to fetch only what that order
 * needs; without it, every ranking field is listed.
 */
export function metricsForReport(kind: ReportKind, by?: RankMetric): ReportMetrics {
  if (kind !== 'ranking') return splitByKind(KPI_FIELDS);
  return splitByKind(by ? rankingFields(by) : RANK_METRICS.flatMap(rankingFields));
}

/** Ids the directory resolved for a skill or group query. */
export interface ResolvedScope {
  /** The skill id, or the agent group id followed by every descendant group id. */
  ids: string[];
}

export interface KmmPlan {
  /** With offset/limit when LivePerson pages a sorted ranking for us. */
  request: KmmRequest;
  /** Every page is needed: the overview and rankings without a sort key rank locally. */
  allPages: boolean;
  /** Position of the first key this request returns in the whole ranking. */
  rowsOffset: number;
  /** The ranking page this request fetches, when it fetches one page (clamped to reachable ones). */
  page?: number;
}

/** Whose conversations, as LivePerson's userTypes filter says it. */
const USER_TYPES_OF: Record<Audience, UserType> = { humans: 'HUMAN', bots: 'BOT' };

/**
 * Builds the KMM request for a query over a resolved window; skill/group queries need their
 * resolved ids, rankings the page to show (1-based).
 */
export function toKmmRequest(
  query: ReportQuery,
  window: { from: number; to: number },
  scope?: ResolvedScope,
  page = 1,
): KmmPlan {
  const kind = query.kind === 'ranking' ? 'ranking' : query.kind;
  const metrics = metricsForReport(kind, query.kind === 'ranking' ? query.by : undefined);
  // The API takes inclusive bounds; the validator rounds them to the minute as LivePerson does.
  const body: KmmRequestBody = { filters: { time: { from: window.from, to: window.to } } };
  if (query.audience) body.filters.userTypes = [USER_TYPES_OF[query.audience]];
  if (metrics.byTime.length) body.metricsToRetrieveByTime = metrics.byTime;
  if (metrics.currentValue.length) body.metricsToRetrieveCurrentValue = metrics.currentValue;

  switch (query.kind) {
    case 'overview':
      // Account totals plus every skill, to find the ones with conversations waiting.
      body.responseSections = ['all', 'groupBy'];
      body.groupBy = 'skillId';
      return { request: { body }, allPages: true, rowsOffset: 0 };
    case 'skill':
    case 'group': {
      if (!scope?.ids.length) throw new TypeError(`toKmmRequest: a ${query.kind} query needs resolved ids`);
      // Filter-wide totals (`all`) over the skill, or over the group and all of its sub-groups.
      body.responseSections = ['all'];
      if (query.kind === 'skill') body.filters.skillIds = [...scope.ids];
      else body.filters.agentGroupIds = [...scope.ids];
      return { request: { body }, allPages: false, rowsOffset: 0 };
    }
    case 'ranking': {
      body.responseSections = ['groupBy'];
      body.groupBy = query.dimension === 'skills' ? 'skillId' : 'agentGroupId';
      const sort = RANK_SORT[query.by];
      // No sort key for this order (queue, wait p90, CSAT, overdue): fetch every key, rank locally.
      if (!sort) return { request: { body }, allPages: true, rowsOffset: 0 };
      // A sort key exists: LivePerson ranks, and only the page on screen is fetched. Its paging
      // ends at 1000 keys, so the last reachable page is the furthest a button can go.
      const limit = rankingPageSizeOf(query.top);
      const lastPage = Math.floor((MAX_OFFSET_PLUS_LIMIT - limit) / limit) + 1;
      const shown = Math.min(Math.max(1, Math.floor(page)), lastPage);
      const offset = (shown - 1) * limit;
      return { request: { body, sort, offset, limit }, allPages: false, rowsOffset: offset, page: shown };
    }
  }
}
