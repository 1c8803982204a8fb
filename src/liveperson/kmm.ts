/**
 * Key Messaging Metrics (KMM) vocabulary: metric names, sort keys, request/response types,
 * request validation and response parsing. Pure: no I/O, no clock (callers pass `now`).
 *
 * The contract is LivePerson's "Metrics" method (reference/key-messaging-metrics-api.md) plus the
 * newer names in reference/liveperson-platform.md. Both the client (pre-flight) and the simulator
 * (400 answers) validate with the same code, so the messages a Slack user sees match either way.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** LivePerson answers at most 24 h per query. */
export const MAX_WINDOW_MS = DAY_MS;
/** KMM keeps 14 days of data. */
export const RETENTION_MS = 14 * DAY_MS;
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 50;
/** Newer docs: offset + limit must not exceed 1000. */
export const MAX_OFFSET_PLUS_LIMIT = 1000;

/** Metrics computed over the requested time window (`metricsToRetrieveByTime`). */
export const BY_TIME_METRICS = [
  'avg_wait_time',
  'avg_wait_time_first_response',
  'avg_time_to_response',
  'avg_time_to_first_response_first_assignment',
  'closed_conversations',
  'closed_by_agent',
  'closed_by_consumer',
  'auto_closed',
  'concluded_conversations',
  'csat',
  // Newer documentation (reference/liveperson-platform.md).
  'avg_conversations_duration',
  'total_wait_time_first_response',
  'total_time_to_first_response_all_assignments',
  'agent_responses_outside_sl',
  'total_num_of_agent_responses',
  'agent_responses_outside_sl_rate',
] as const;
export type ByTimeMetric = (typeof BY_TIME_METRICS)[number];
/** The ten by-time names of the seed contract. */
export const SEED_BY_TIME_METRICS: readonly ByTimeMetric[] = BY_TIME_METRICS.slice(0, 10);

/** Metrics that read the current value, not influenced by time (`metricsToRetrieveCurrentValue`). */
export const CURRENT_VALUE_METRICS = [
  'assigned_conversations',
  'unassigned_conversations',
  'active_conversations',
  'agent_load',
  'human_agent_load',
  'human_online_load',
  'human_away_load',
  'online_agents',
  'back_soon_agents',
  'away_agents',
  'available_slots',
  'open_conversations',
  'overdue_conversations_in_queue',
  'overdue_conversations_assigned',
  'overdue_conversations_total',
  'queue_wait_time_50th_percentile',
  'queue_wait_time_90th_percentile',
] as const;
export type CurrentValueMetric = (typeof CURRENT_VALUE_METRICS)[number];
export type RequestMetric = ByTimeMetric | CurrentValueMetric;

/** Sort keys accepted in `sort=<key>:<order>`; `key` (the group id) is the default. */
export const SORT_KEYS = [
  'key',
  'agentLoad',
  'humanAgentLoad',
  'closedConversations',
  'avgTimeToResponse',
  'avgTimeToFirstResponseFirstAssignment',
  'avgWaitTime',
  'avgWaitTimeFirstResponse',
  'assignedConversations',
  'activeConversations',
  'onlineAgents',
  'awayAgents',
  'backSoonAgents',
  // Newer documentation.
  'totalTimeToFirstResponseAllAssignments',
  'totalWaitTimeFirstResponse',
  'openConversations',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export interface Sort {
  key: SortKey;
  order: SortOrder;
}
export const DEFAULT_SORT: Sort = { key: 'key', order: 'asc' };

export const USER_TYPES = ['HUMAN', 'BOT'] as const;
export type UserType = (typeof USER_TYPES)[number];
export const RESPONSE_SECTIONS = ['all', 'groupBy'] as const;
export type ResponseSection = (typeof RESPONSE_SECTIONS)[number];
export const GROUP_BY_FIELDS = ['skillId', 'agentGroupId'] as const;
export type GroupByField = (typeof GROUP_BY_FIELDS)[number];

export type MetricUnit = 'count' | 'duration' | 'ratio';

export interface MetricInfo {
  /** Name used in requests (snake_case). */
  request: RequestMetric;
  /** Field name in responses (camelCase). */
  field: string;
  kind: 'byTime' | 'currentValue';
  /** count: integer; duration: milliseconds; ratio: 0..1 (see README on load scale). */
  unit: MetricUnit;
  label: string;
}

function camel(snake: string): string {
  // queue_wait_time_50th_percentile → queueWaitTime50thPercentile
  return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

const LABELS: Record<RequestMetric, [MetricUnit, string]> = {
  avg_wait_time: ['duration', 'Avg wait'],
  avg_wait_time_first_response: ['duration', 'Avg wait (first response)'],
  avg_time_to_response: ['duration', 'Avg time to response'],
  avg_time_to_first_response_first_assignment: ['duration', 'First response (first assignment)'],
  closed_conversations: ['count', 'Closed'],
  closed_by_agent: ['count', 'Closed by agent'],
  closed_by_consumer: ['count', 'Closed by consumer'],
  auto_closed: ['count', 'Auto-closed'],
  concluded_conversations: ['count', 'Concluded'],
  csat: ['ratio', 'CSAT'],
  avg_conversations_duration: ['duration', 'Avg conversation duration'],
  total_wait_time_first_response: ['duration', 'Total wait (first response)'],
  total_time_to_first_response_all_assignments: ['duration', 'Total time to first response'],
  agent_responses_outside_sl: ['count', 'Responses outside SL'],
  total_num_of_agent_responses: ['count', 'Agent responses'],
  agent_responses_outside_sl_rate: ['ratio', 'Responses outside SL rate'],
  assigned_conversations: ['count', 'Assigned'],
  unassigned_conversations: ['count', 'Waiting in queue'],
  active_conversations: ['count', 'Active'],
  agent_load: ['ratio', 'Agent load'],
  human_agent_load: ['ratio', 'Human load'],
  human_online_load: ['ratio', 'Human online load'],
  human_away_load: ['ratio', 'Human away load'],
  online_agents: ['count', 'Online'],
  back_soon_agents: ['count', 'Back soon'],
  away_agents: ['count', 'Away'],
  available_slots: ['count', 'Available slots'],
  open_conversations: ['count', 'Open'],
  overdue_conversations_in_queue: ['count', 'Overdue in queue'],
  overdue_conversations_assigned: ['count', 'Overdue assigned'],
  overdue_conversations_total: ['count', 'Overdue total'],
  queue_wait_time_50th_percentile: ['duration', 'Queue wait p50'],
  queue_wait_time_90th_percentile: ['duration', 'Queue wait p90'],
};

/** Every metric with its request name, response field, unit and display label. */
export const METRICS: readonly MetricInfo[] = [
  ...BY_TIME_METRICS.map((m) => ({ request: m, kind: 'byTime' as const })),
  ...CURRENT_VALUE_METRICS.map((m) => ({ request: m, kind: 'currentValue' as const })),
].map(({ request, kind }) => {
  const [unit, label] = LABELS[request];
  return { request, field: camel(request), kind, unit, label };
});

/** Response field names (camelCase), e.g. `avgWaitTime`. */
export type MetricField = string;
export const METRIC_FIELDS: readonly string[] = METRICS.map((m) => m.field);
const BY_FIELD = new Map(METRICS.map((m) => [m.field, m]));
const BY_REQUEST = new Map(METRICS.map((m) => [m.request, m]));

export function metricByField(field: string): MetricInfo | undefined {
  return BY_FIELD.get(field);
}
export function metricByRequest(name: string): MetricInfo | undefined {
  return BY_REQUEST.get(name as RequestMetric);
}
export function fieldOf(name: RequestMetric): string {
  return BY_REQUEST.get(name)!.field;
}

// ---------------------------------------------------------------------------------------------
// Requests

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

export interface ValidationIssue {
  /** Where in the request, e.g. `filters.time`, `limit`. */
  path: string;
  /** A sentence a Slack user can act on. */
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Raw request parts as they arrive over HTTP (the simulator) or from code (the client). */
export interface RawKmmRequest {
  body: unknown;
  offset?: unknown;
  limit?: unknown;
  sort?: unknown;
}

/** "30 h", "45 min", "2 d 3 h": how a window length reads in a message. */
export function describeSpan(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = ms / HOUR_MS;
  if (hours < 48) return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}
export function ceilToMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a non-negative integer from a number or a numeric string (query parameters arrive as text). */
function toInteger(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function listOf(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.every((x): x is string => typeof x === 'string') ? v : undefined;
}

export function quoteList(values: readonly string[], max = 6): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, …` : shown;
}

/** Parses `key:order`; order defaults to asc as the API does. */
export function parseSort(raw: unknown): Validation<Sort> {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: DEFAULT_SORT };
  if (isRecord(raw)) raw = `${String(raw.key)}:${String(raw.order)}`;
  if (typeof raw !== 'string') {
    return { ok: false, issues: [{ path: 'sort', message: 'The sort must read like `avgWaitTime:desc`.' }] };
  }
  const [key = '', order = 'asc', ...rest] = raw.split(':');
  const issues: ValidationIssue[] = [];
  if (rest.length > 0) issues.push({ path: 'sort', message: 'The sort must read like `avgWaitTime:desc`.' });
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    issues.push({
      path: 'sort',
      message: `LivePerson cannot sort by '${key}'. Sort by one of: ${SORT_KEYS.join(', ')}.`,
    });
  }
  if (!(SORT_ORDERS as readonly string[]).includes(order)) {
    issues.push({ path: 'sort', message: `The sort order '${order}' is neither asc nor desc.` });
  }
  return issues.length
    ? { ok: false, issues }
    : { ok: true, value: { key: key as SortKey, order: order as SortOrder } };
}

export function formatSort(sort: Sort): string {
  return `${sort.key}:${sort.order}`;
}

/** Checks filters.time (required, ordered, ≤ 24 h, within 14 days) and rounds it as the API does. */
export function validateWindow(
  time: unknown,
  now: number,
  issues: ValidationIssue[],
): { from: number; to: number } | undefined {
  if (!isRecord(time) || time.from === undefined || time.to === undefined) {
    issues.push({
      path: 'filters.time',
      message: 'A time window is required: LivePerson needs filters.time with from and to (epoch ms).',
    });
    return undefined;
  }
  const from = toInteger(time.from);
  const to = toInteger(time.to);
  if (from === undefined || to === undefined) {
    issues.push({ path: 'filters.time', message: 'filters.time.from and .to must be epoch milliseconds.' });
    return undefined;
  }
  const before = issues.length;
  if (from > to) {
    issues.push({
      path: 'filters.time',
      message: 'That window ends before it starts; put the earlier time first.',
    });
  } else if (to - from > MAX_WINDOW_MS) {
    issues.push({
      path: 'filters.time',
      message: `That window is ${describeSpan(to - from)}; LivePerson keeps at most 24 h per query. Try \`last 24h\` or a shorter window.`,
    });
  }
  if (from < now - RETENTION_MS) {
    issues.push({
      path: 'filters.time.from',
      message: `That window starts ${describeSpan(now - from)} ago; LivePerson keeps only the last 14 days of metrics.`,
    });
  }
  if (issues.length > before) return undefined;
  // Rounding outward turns "the last 24 h" asked at 15:00:30 into 24 h 1 min, which would no longer
  // pass this very check once sent: the start moves to the next minute instead.
  const rounded = { from: floorToMinute(from), to: ceilToMinute(to) };
  if (rounded.to - rounded.from > MAX_WINDOW_MS) rounded.from = rounded.to - MAX_WINDOW_MS;
  return rounded;
}

/** A list of names from `allowed`; unknown ones are reported, naming them and the valid ones. */
export function validateNames<T extends string>(
  raw: unknown,
  allowed: readonly T[],
  path: string,
  what: string,
  issues: ValidationIssue[],
): T[] | undefined {
  if (raw === undefined) return undefined;
  const list = listOf(raw);
  if (!list) {
    issues.push({ path, message: `${path} must be a list of ${what}.` });
    return undefined;
  }
  const unknown = list.filter((x) => !(allowed as readonly string[]).includes(x));
  if (unknown.length) {
    issues.push({
      path,
      message: `Unknown ${what}: ${quoteList(unknown)}. Valid ${what}: ${quoteList(allowed, 40)}.`,
    });
    return undefined;
  }
  return list as T[];
}

/** A list of ids; numbers are accepted and turned into strings. */
export function validateIds(raw: unknown, path: string, issues: ValidationIssue[]): string[] | undefined {
  if (raw === undefined) return undefined;
  // Ids are strings in the docs; numbers are accepted and normalised because JSON clients send both.
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string' || typeof x === 'number')) {
    return raw.map((x) => String(x));
  }
  issues.push({ path, message: `${path} must be a list of ids.` });
  return undefined;
}

export interface RequestFrame {
  body: Record<string, unknown>;
  filters: Record<string, unknown>;
  /** The checked, rounded window; undefined when it was wrong (the issue is recorded). */
  time: { from: number; to: number } | undefined;
}

/** What every KMM validator starts with: an object body, its filters, and a checked window. */
export function readRequestFrame(
  raw: RawKmmRequest,
  now: number,
  issues: ValidationIssue[],
): RequestFrame | undefined {
  if (!isRecord(raw.body)) {
    issues.push({ path: 'body', message: 'The request body must be a JSON object.' });
    return undefined;
  }
  const filters = isRecord(raw.body.filters) ? raw.body.filters : {};
  return { body: raw.body, filters, time: validateWindow(filters.time, now, issues) };
}

/** Checks offset/limit as LivePerson pages: limit 1..50, offset ≥ 0, offset + limit ≤ 1000. */
export function validatePaging(
  rawOffset: unknown,
  rawLimit: unknown,
  issues: ValidationIssue[],
): { offset: number; limit: number } | undefined {
  const offset = rawOffset === undefined || rawOffset === '' ? 0 : toInteger(rawOffset);
  const limit = rawLimit === undefined || rawLimit === '' ? DEFAULT_PAGE_SIZE : toInteger(rawLimit);
  const before = issues.length;
  if (offset === undefined || offset < 0) {
    issues.push({ path: 'offset', message: 'The offset must be a whole number, 0 or more.' });
  }
  if (limit === undefined || limit < 1 || limit > MAX_PAGE_SIZE) {
    issues.push({ path: 'limit', message: `The page size (limit) must be between 1 and ${MAX_PAGE_SIZE}.` });
  }
  if (issues.length > before || offset === undefined || limit === undefined) return undefined;
  if (offset + limit > MAX_OFFSET_PLUS_LIMIT) {
    issues.push({
      path: 'offset',
      message: `LivePerson pages stop at ${MAX_OFFSET_PLUS_LIMIT} keys (offset + limit is ${offset + limit}).`,
    });
    return undefined;
  }
  return { offset, limit };
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

// ---------------------------------------------------------------------------------------------
// Responses

/** Metric values by response field name; a metric not requested (or not known) is absent. */
export type KmmMetrics = Partial<Record<MetricField, number>>;

export interface KmmGroup {
  key: string;
  /** keyDescription; null when LivePerson could not name the id ("NA"). */
  name: string | null;
  metrics: KmmMetrics;
}

export interface KmmLinks {
  first?: string;
  prev?: string;
  self?: string;
  next?: string;
  last?: string;
}

/** The typed model of a metrics response. */
export interface KmmResponse {
  /** Number of groups in total (across pages); 0 when the request had no groupBy. */
  count: number;
  links: KmmLinks;
  groupByField?: GroupByField;
  groups: KmmGroup[];
  /** Account-wide (or filter-wide) totals; undefined when the `all` section was not returned. */
  all?: KmmMetrics;
}

/** A number from a number or a numeric string; anything else is treated as absent. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Keeps known and unknown numeric fields: unknown ones are newer metrics we pass through untouched. */
export function parseMetrics(raw: unknown): KmmMetrics {
  const out: KmmMetrics = {};
  if (!isRecord(raw)) return out;
  for (const [k, v] of Object.entries(raw)) {
    const n = toNumber(v);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

function parseLink(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isRecord(v) && typeof v.href === 'string') return v.href;
  return undefined;
}

/** metadata first/prev/self/next/last, as `{rel, href}` objects or bare strings. */
export function parseLinks(metadata: Record<string, unknown>): KmmLinks {
  const links: KmmLinks = {};
  for (const rel of ['first', 'prev', 'self', 'next', 'last'] as const) {
    const href = parseLink(metadata[rel]);
    if (href) links[rel] = href;
  }
  return links;
}

export class KmmParseError extends Error {
  override name = 'KmmParseError';
}

/**
 * Parses a metrics response body. Tolerates absent metrics, `keyDescription: "NA"`, both known
 * shapes of `all` (`all: {...metrics}` and `all: {metrics: {...}}`) and numeric strings.
 */
export function parseKmmResponse(raw: unknown): KmmResponse {
  if (!isRecord(raw)) throw new KmmParseError('KMM response is not a JSON object');
  const metadata = isRecord(raw.metadata) ? raw.metadata : {};
  const links = parseLinks(metadata);
  const groups: KmmGroup[] = [];
  let groupByField: GroupByField | undefined;
  if (isRecord(raw.groupBy)) {
    const field = raw.groupBy.groupByField;
    if (typeof field === 'string' && (GROUP_BY_FIELDS as readonly string[]).includes(field)) {
      groupByField = field as GroupByField;
    }
    const list = Array.isArray(raw.groupBy.groups) ? raw.groupBy.groups : [];
    for (const g of list) {
      if (!isRecord(g) || (typeof g.key !== 'string' && typeof g.key !== 'number')) continue;
      const desc = g.keyDescription;
      const name = typeof desc === 'string' && desc !== 'NA' && desc.trim() !== '' ? desc : null;
      groups.push({ key: String(g.key), name, metrics: parseMetrics(g.metrics) });
    }
  }
  let all: KmmMetrics | undefined;
  if (isRecord(raw.all)) {
    all = isRecord(raw.all.metrics) ? parseMetrics(raw.all.metrics) : parseMetrics(raw.all);
  }
  const count = toNumber(metadata.count) ?? groups.length;
  const out: KmmResponse = { count, links, groups };
  if (groupByField) out.groupByField = groupByField;
  if (all) out.all = all;
  return out;
}

/** Load metrics, whose scale LivePerson does not document (its examples show 1.18 and 0.133). */
export const LOAD_FIELDS = ['agentLoad', 'humanAgentLoad', 'humanOnlineLoad', 'humanAwayLoad'] as const;
/** `ratio`: 0.85 means 85 % (the examples' reading, and the simulator's); `percent`: 85 means 85 %. */
export type LoadScale = 'ratio' | 'percent';

function scaleLoads(metrics: KmmMetrics, factor: number): KmmMetrics {
  const out = { ...metrics };
  for (const f of LOAD_FIELDS) {
    const v = out[f];
    if (v !== undefined) out[f] = v * factor;
  }
  return out;
}

/** Brings an answer's loads to ratios, so everything past the client reads one scale. */
export function loadsAsRatios<R extends KmmResponse>(response: R, scale: LoadScale): R {
  if (scale === 'ratio') return response;
  return {
    ...response,
    groups: response.groups.map((g) => ({ ...g, metrics: scaleLoads(g.metrics, 0.01) })),
    ...(response.all ? { all: scaleLoads(response.all, 0.01) } : {}),
  };
}
