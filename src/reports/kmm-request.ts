/**
 * Query → KMM request: which metrics, filters, sections and sort a report needs. Pure, so the
 * exact wire request for every grammar form is tested as data.
 */
import type { KmmRequest, KmmRequestBody } from '../liveperson/kmm';
import type { ReportQuery } from './query';
import { RANK_SORT, metricsForReport } from './report';

/** Ids the directory resolved for a skill or group query. */
export interface ResolvedScope {
  /** The skill id, or the agent group id followed by every descendant group id. */
  ids: string[];
}

export interface KmmPlan {
  request: Omit<KmmRequest, 'offset' | 'limit'>;
  /** Every page is needed: rankings and the overview rank locally across all keys. */
  allPages: boolean;
}

/** Builds the KMM request for a query; skill/group queries need their resolved ids. */
export function toKmmRequest(query: ReportQuery, scope?: ResolvedScope): KmmPlan {
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
      return { request: { body }, allPages: true };
    case 'skill':
    case 'group': {
      if (!scope?.ids.length) throw new TypeError(`toKmmRequest: a ${query.kind} query needs resolved ids`);
      // Filter-wide totals (`all`) over the skill, or over the group and all of its sub-groups.
      body.responseSections = ['all'];
      if (query.kind === 'skill') body.filters.skillIds = [...scope.ids];
      else body.filters.agentGroupIds = [...scope.ids];
      return { request: { body }, allPages: false };
    }
    case 'ranking': {
      body.responseSections = ['groupBy'];
      body.groupBy = query.dimension === 'skills' ? 'skillId' : 'agentGroupId';
      const sort = RANK_SORT[query.by];
      // Ranked locally over every page either way; LivePerson's own sort (where a key exists)
      // keeps the worst keys on the first pages should it stop paging at 1000.
      return { request: sort ? { body, sort } : { body }, allPages: true };
    }
  }
}
