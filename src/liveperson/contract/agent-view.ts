/**
 * KMM agent_view vocabulary: the per-agent drill-down (LivePerson's KMM agent_view method).
 * Pure: validation and parsing shared by the client (pre-flight) and the simulator (400 answers).
 */
import { parseLinks, parseMetrics, type KmmLinks, type KmmMetrics } from './metrics-response';
import {
  type ValidationIssue,
  type Validation,
  type RawKmmRequest,
  readRequestFrame,
  validateIds,
  validateNames,
  validatePaging,
} from './validation';
import { type SortOrder, SORT_ORDERS } from './catalog';
import { isRecord } from '../../shared/guards';

/**
 * The by-time metrics agent_view documents. `close_rate` is the docs' spelling (answered as
 * `closeRate`); `closed_rate`, an older spelling some pages use, is accepted as the same metric.
 */
export const AGENT_VIEW_BY_TIME_METRICS = [
  'closed_conversations',
  'avg_wait_time',
  'avg_wait_time_first_response',
  'avg_time_to_response',
  'avg_time_to_first_response_first_assignment',
  'avg_time_to_first_response_all_assignments',
  'transfer_rate',
  'close_rate',
  'closed_rate',
  'concluded_conversations',
  'transfers',
  'back_to_queue',
  'agent_status_duration',
  'agent_status_with_reason_duration',
  'agent_login_duration',
  'agent_online_duration',
  'closed_by_agent',
  'closed_by_consumer',
  'auto_closed',
  'intent_matched_rate',
  'fcr',
  'nps',
  'csat',
  'avg_conversations_duration',
] as const;
export type AgentViewByTimeMetric = (typeof AGENT_VIEW_BY_TIME_METRICS)[number];

export const AGENT_VIEW_CURRENT_METRICS = [
  'active_conversations',
  'assigned_conversations',
  'agent_load',
  'agent_current_status',
  'agent_current_status_start_time',
  'agent_current_status_reason',
  'agent_current_status_reason_start_time',
  'pending_agent_response',
  'pending_agent_response_rate',
  'available_slots',
  'max_slots',
] as const;
export type AgentViewCurrentMetric = (typeof AGENT_VIEW_CURRENT_METRICS)[number];

export const AGENT_USER_TYPES = ['SYSTEM', 'HUMAN', 'BOT'] as const;
export type AgentUserType = (typeof AGENT_USER_TYPES)[number];
export const AGENT_STATUSES = ['ONLINE', 'OFFLINE', 'AWAY', 'BACK_SOON'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];
/** LivePerson's default when effectiveAgentStatus is absent: everyone logged in. */
export const DEFAULT_AGENT_STATUSES: readonly AgentStatus[] = ['ONLINE', 'AWAY', 'BACK_SOON'];

/**
 * agent_view's documented sort keys, plus agentId (the documented default). availableSlots is a
 * record field but not a sort key.
 */
export const AGENT_VIEW_SORT_KEYS = [
  'agentId',
  'agentLoad',
  'closedConversations',
  'avgTimeToResponse',
  'avgTimeToFirstResponseFirstAssignment',
  'avgTimeToFirstResponseAllAssignments',
  'avgWaitTime',
  'avgWaitTimeFirstResponse',
  'assignedConversations',
  'activeConversations',
  'concludedConversations',
  'closedRate',
  'transferRate',
  'intentMatchedRate',
  'pendingAgentResponseRate',
  'agentName',
  'agentStatus',
  'csat',
  'fcr',
  'nps',
  'maxSlots',
] as const;
export type AgentViewSortKey = (typeof AGENT_VIEW_SORT_KEYS)[number];
export interface AgentViewSort {
  key: AgentViewSortKey;
  order: SortOrder;
}
export const DEFAULT_AGENT_VIEW_SORT: AgentViewSort = { key: 'agentId', order: 'asc' };

export interface AgentViewFilters {
  time: { from: number; to: number };
  agentIds?: string[];
  agentGroupIds?: string[];
  /** Note the name: agent_view filters by the agents' skills, not conversation skills. */
  agentSkillIds?: string[];
  userTypes?: AgentUserType[];
  effectiveAgentStatus?: AgentStatus[];
}

export interface AgentViewRequestBody {
  filters: AgentViewFilters;
  /** Default true. LivePerson's own example sends the string "true"; both forms are accepted. */
  includeAgentMetadata?: boolean;
  metricsToRetrieveByTime?: AgentViewByTimeMetric[];
  metricsToRetrieveCurrentValue?: AgentViewCurrentMetric[];
}

export interface AgentViewRequest {
  body: AgentViewRequestBody;
  offset?: number;
  limit?: number;
  sort?: AgentViewSort;
}

export interface NormalizedAgentViewRequest {
  body: AgentViewRequestBody;
  offset: number;
  limit: number;
  sort: AgentViewSort;
}

export interface AgentMetadata {
  agentName?: string;
  agentNickname?: string;
  agentLoginName?: string;
  agentGroupName?: string;
  configuredMaxSlots?: number;
  agentSkills: { skillId: string; skillName: string | null }[];
}

export interface AgentViewRecord {
  agentId: string;
  /** "-1" is the Main Group. */
  agentGroupId: string | undefined;
  agentCurrentStatus: string | undefined;
  metrics: KmmMetrics;
  metadata: AgentMetadata | undefined;
}

export interface AgentViewResponse {
  count: number;
  links: KmmLinks;
  records: AgentViewRecord[];
}

/** A boolean, or its string form ("true"/"false", any case) as LivePerson's example sends it. */
function booleanOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const text = v.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

function validateAgentViewSort(raw: unknown, issues: ValidationIssue[]): AgentViewSort {
  if (raw === undefined || raw === null || raw === '') return DEFAULT_AGENT_VIEW_SORT;
  const text = isRecord(raw) ? `${String(raw.key)}:${String(raw.order)}` : typeof raw === 'string' ? raw : '';
  const [key = '', order = 'asc'] = text.split(':');
  if (!(AGENT_VIEW_SORT_KEYS as readonly string[]).includes(key)) {
    issues.push({
      path: 'sort',
      message: `Agents cannot be sorted by '${key}'. Use one of: ${AGENT_VIEW_SORT_KEYS.join(', ')}.`,
    });
  }
  if (!(SORT_ORDERS as readonly string[]).includes(order)) {
    issues.push({ path: 'sort', message: `The sort order '${order}' is neither asc nor desc.` });
  }
  return { key: key as AgentViewSortKey, order: order as SortOrder };
}

/** Validates an agent_view call with the same rules and messages as metrics. */
export function validateAgentViewRequest(
  raw: RawKmmRequest,
  now: number,
): Validation<NormalizedAgentViewRequest> {
  const issues: ValidationIssue[] = [];
  const frame = readRequestFrame(raw, now, issues);
  if (!frame) return { ok: false, issues };
  const { body, filters, time } = frame;
  const out: AgentViewFilters = { time: time ?? { from: 0, to: 0 } };
  const agentIds = validateIds(filters.agentIds, 'filters.agentIds', issues);
  const agentGroupIds = validateIds(filters.agentGroupIds, 'filters.agentGroupIds', issues);
  const agentSkillIds = validateIds(filters.agentSkillIds, 'filters.agentSkillIds', issues);
  const userTypes = validateNames(
    filters.userTypes,
    AGENT_USER_TYPES,
    'filters.userTypes',
    'user types',
    issues,
  );
  const statuses = validateNames(
    filters.effectiveAgentStatus,
    AGENT_STATUSES,
    'filters.effectiveAgentStatus',
    'agent statuses',
    issues,
  );
  if (agentIds) out.agentIds = agentIds;
  if (agentGroupIds) out.agentGroupIds = agentGroupIds;
  if (agentSkillIds) out.agentSkillIds = agentSkillIds;
  if (userTypes) out.userTypes = userTypes;
  if (statuses) out.effectiveAgentStatus = statuses;
  const byTime = validateNames(
    body.metricsToRetrieveByTime,
    AGENT_VIEW_BY_TIME_METRICS,
    'metricsToRetrieveByTime',
    'by-time metrics',
    issues,
  );
  const current = validateNames(
    body.metricsToRetrieveCurrentValue,
    AGENT_VIEW_CURRENT_METRICS,
    'metricsToRetrieveCurrentValue',
    'current-value metrics',
    issues,
  );
  const includeAgentMetadata = booleanOf(body.includeAgentMetadata);
  if (body.includeAgentMetadata !== undefined && includeAgentMetadata === undefined) {
    issues.push({ path: 'includeAgentMetadata', message: 'includeAgentMetadata must be true or false.' });
  }
  const paging = validatePaging(raw.offset, raw.limit, issues);
  const sort = validateAgentViewSort(raw.sort, issues);
  if (issues.length || !time || !paging) return { ok: false, issues };
  const normalized: AgentViewRequestBody = { filters: out };
  if (includeAgentMetadata !== undefined) normalized.includeAgentMetadata = includeAgentMetadata;
  if (byTime) normalized.metricsToRetrieveByTime = byTime;
  if (current) normalized.metricsToRetrieveCurrentValue = current;
  return { ok: true, value: { body: normalized, ...paging, sort } };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function parseAgentMetadata(raw: unknown): AgentMetadata | undefined {
  if (!isRecord(raw)) return undefined;
  const skills = Array.isArray(raw.agentSkills) ? raw.agentSkills : [];
  const md: AgentMetadata = {
    agentSkills: skills.filter(isRecord).flatMap((s) => {
      const skillId = str(s.skillId);
      if (skillId === undefined) return [];
      const name = str(s.skillName);
      return [{ skillId, skillName: name && name !== 'NA' ? name : null }];
    }),
  };
  for (const k of ['agentName', 'agentNickname', 'agentLoginName', 'agentGroupName'] as const) {
    const v = str(raw[k]);
    if (v !== undefined) md[k] = v;
  }
  const slots = Number(raw.configuredMaxSlots);
  if (raw.configuredMaxSlots !== undefined && Number.isFinite(slots)) md.configuredMaxSlots = slots;
  return md;
}

/** Parses an agent_view answer; numeric fields of each record become metrics, strings stay typed. */
export function parseAgentViewResponse(raw: unknown): AgentViewResponse {
  const body = isRecord(raw) ? raw : {};
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  const links = parseLinks(metadata);
  const list = Array.isArray(body.agentViewRecords) ? body.agentViewRecords : [];
  const records: AgentViewRecord[] = [];
  for (const r of list) {
    if (!isRecord(r)) continue;
    const agentId = str(r.agentId);
    if (agentId === undefined) continue;
    const { agentId: _a, agentGroupId, agentCurrentStatus, agentMetadata, ...rest } = r;
    records.push({
      agentId,
      agentGroupId: str(agentGroupId),
      agentCurrentStatus: str(agentCurrentStatus),
      metrics: parseMetrics(rest),
      metadata: parseAgentMetadata(agentMetadata),
    });
  }
  const count = Number(metadata.count);
  return { count: Number.isFinite(count) ? count : records.length, links, records };
}
