/**
 * Query → KMM request: which metrics, filters, sections and sort a report needs. Pure, so the
 * exact wire request for every grammar form is tested as data.
 */
import { MAX_OFFSET_PLUS_LIMIT, type KmmRequest, type KmmRequestBody } from '../liveperson/kmm';
import { rankingPageSizeOf, type ReportQuery } from './query';
import { RANK_SORT, metricsForReport } from './report';

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

/**
 * Builds the KMM request for a query; skill/group queries need their resolved ids, rankings the
 * page to show (1-based).
 */
export function toKmmRequest(query: ReportQuery, scope?: ResolvedScope, page = 1): KmmPlan {
  const kind = query.kind === 'ranking' ? 'ranking' : query.kind;
  const metrics = metricsForReport(kind, query.kind === 'ranking' ? query.by : undefined);
  // The API takes inclusive bounds; the validator rounds them to the minute as LivePerson does.
  const body: KmmRequestBody = { filters: { time: { from: query.window.from, to: query.window.to } } };
  if (query.userTypes?.length) body.filters.userTypes = [...query.userTypes];
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
