/**
 * The request of POST …/metrics: its body and query parameters, and the validator that normalises
 * it the way LivePerson does (window rounded to the minute, paging and sort filled in).
 */
import {
  BY_TIME_METRICS,
  CURRENT_VALUE_METRICS,
  GROUP_BY_FIELDS,
  RESPONSE_SECTIONS,
  USER_TYPES,
  type ByTimeMetric,
  type CurrentValueMetric,
  type GroupByField,
  type ResponseSection,
  type Sort,
  type UserType,
} from './catalog';
import {
  parseSort,
  readRequestFrame,
  validateIds,
  validateNames,
  validatePaging,
  type RawKmmRequest,
  type Validation,
  type ValidationIssue,
} from './validation';

export interface KmmFilters {
  time: { from: number; to: number };
  agentIds?: string[];
  agentGroupIds?: string[];
  skillIds?: string[];
  userTypes?: UserType[];
  /** Sum sub-groups into their parent group (documented for availableSlots). */
  includeSubGroups?: boolean;
}

/** The JSON body of POST …/metrics. */
export interface KmmRequestBody {
  filters: KmmFilters;
  metricsToRetrieveByTime?: ByTimeMetric[];
  metricsToRetrieveCurrentValue?: CurrentValueMetric[];
  responseSections?: ResponseSection[];
  groupBy?: GroupByField;
}

/** A whole metrics call: body plus the query parameters. */
export interface KmmRequest {
  body: KmmRequestBody;
  offset?: number;
  limit?: number;
  sort?: Sort;
}

/** A request after validation: time rounded to the minute, paging and sort filled in. */
export interface NormalizedKmmRequest {
  body: KmmRequestBody;
  offset: number;
  limit: number;
  sort: Sort;
}
/**
 * Validates and normalises a metrics request the way LivePerson does, with messages a Slack user
 * can act on. `now` is epoch ms (injected: this module never reads the clock).
 */
export function validateKmmRequest(raw: RawKmmRequest, now: number): Validation<NormalizedKmmRequest> {
  const issues: ValidationIssue[] = [];
  const frame = readRequestFrame(raw, now, issues);
  if (!frame) return { ok: false, issues };
  const { body, filters, time } = frame;
  const userTypes = validateNames(filters.userTypes, USER_TYPES, 'filters.userTypes', 'user types', issues);
  const skillIds = validateIds(filters.skillIds, 'filters.skillIds', issues);
  const agentGroupIds = validateIds(filters.agentGroupIds, 'filters.agentGroupIds', issues);
  const agentIds = validateIds(filters.agentIds, 'filters.agentIds', issues);
  if (filters.includeSubGroups !== undefined && typeof filters.includeSubGroups !== 'boolean') {
    issues.push({
      path: 'filters.includeSubGroups',
      message: 'filters.includeSubGroups must be true or false.',
    });
  }
  const byTime = validateNames(
    body.metricsToRetrieveByTime,
    BY_TIME_METRICS,
    'metricsToRetrieveByTime',
    'by-time metrics',
    issues,
  );
  const current = validateNames(
    body.metricsToRetrieveCurrentValue,
    CURRENT_VALUE_METRICS,
    'metricsToRetrieveCurrentValue',
    'current-value metrics',
    issues,
  );
  const sections = validateNames(
    body.responseSections,
    RESPONSE_SECTIONS,
    'responseSections',
    'response sections',
    issues,
  );
  let groupBy: GroupByField | undefined;
  if (body.groupBy !== undefined) {
    if (typeof body.groupBy === 'string' && (GROUP_BY_FIELDS as readonly string[]).includes(body.groupBy)) {
      groupBy = body.groupBy as GroupByField;
    } else {
      issues.push({
        path: 'groupBy',
        message: `LivePerson can group by skillId or agentGroupId, not ${JSON.stringify(body.groupBy)}.`,
      });
    }
  } else if (sections?.includes('groupBy')) {
    issues.push({
      path: 'groupBy',
      message: 'The groupBy section was requested without groupBy: set groupBy to skillId or agentGroupId.',
    });
  }

  const paging = validatePaging(raw.offset, raw.limit, issues);
  const sort = parseSort(raw.sort);
  if (!sort.ok) issues.push(...sort.issues);

  if (issues.length || !time || !sort.ok || !paging) {
    return { ok: false, issues };
  }
  const normalizedFilters: KmmFilters = { time };
  if (agentIds) normalizedFilters.agentIds = agentIds;
  if (agentGroupIds) normalizedFilters.agentGroupIds = agentGroupIds;
  if (skillIds) normalizedFilters.skillIds = skillIds;
  if (userTypes) normalizedFilters.userTypes = userTypes;
  if (typeof filters.includeSubGroups === 'boolean')
    normalizedFilters.includeSubGroups = filters.includeSubGroups;
  const normalizedBody: KmmRequestBody = { filters: normalizedFilters };
  if (byTime) normalizedBody.metricsToRetrieveByTime = byTime;
  if (current) normalizedBody.metricsToRetrieveCurrentValue = current;
  if (sections) normalizedBody.responseSections = sections;
  if (groupBy) normalizedBody.groupBy = groupBy;
  return { ok: true, value: { body: normalizedBody, ...paging, sort: sort.value } };
}
