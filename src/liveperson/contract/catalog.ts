/**
 * The Key Messaging Metrics catalog: metric names (request and response spelling), their units,
 * sort keys and the other enumerations of LivePerson's "Metrics" method, plus its paging limits.
 * Newer names from LivePerson's later documentation are included beside the original ones.
 */

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
  // Newer documentation (the KMM overview added these).
  'avg_conversations_duration',
  'total_wait_time_first_response',
  'total_time_to_first_response_all_assignments',
  'agent_responses_outside_sl',
  'total_num_of_agent_responses',
  'agent_responses_outside_sl_rate',
] as const;
export type ByTimeMetric = (typeof BY_TIME_METRICS)[number];

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

/** snake_case → camelCase at the type level: `queue_wait_time_50th_percentile` → `queueWaitTime50thPercentile`. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** Response field names (camelCase) of the metrics the catalog knows, e.g. `avgWaitTime`. */
export type MetricField = Camel<RequestMetric>;

export interface MetricInfo {
  /** Name used in requests (snake_case). */
  request: RequestMetric;
  /** Field name in responses (camelCase). */
  field: MetricField;
  kind: 'byTime' | 'currentValue';
  /** count: integer; duration: milliseconds; ratio: 0..1 (see README on load scale). */
  unit: MetricUnit;
}

function camel<S extends RequestMetric>(snake: S): Camel<S> {
  // queue_wait_time_50th_percentile → queueWaitTime50thPercentile
  return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) as Camel<S>;
}

const UNITS: Record<RequestMetric, MetricUnit> = {
  avg_wait_time: 'duration',
  avg_wait_time_first_response: 'duration',
  avg_time_to_response: 'duration',
  avg_time_to_first_response_first_assignment: 'duration',
  closed_conversations: 'count',
  closed_by_agent: 'count',
  closed_by_consumer: 'count',
  auto_closed: 'count',
  concluded_conversations: 'count',
  csat: 'ratio',
  avg_conversations_duration: 'duration',
  total_wait_time_first_response: 'duration',
  total_time_to_first_response_all_assignments: 'duration',
  agent_responses_outside_sl: 'count',
  total_num_of_agent_responses: 'count',
  agent_responses_outside_sl_rate: 'ratio',
  assigned_conversations: 'count',
  unassigned_conversations: 'count',
  active_conversations: 'count',
  agent_load: 'ratio',
  human_agent_load: 'ratio',
  human_online_load: 'ratio',
  human_away_load: 'ratio',
  online_agents: 'count',
  back_soon_agents: 'count',
  away_agents: 'count',
  available_slots: 'count',
  open_conversations: 'count',
  overdue_conversations_in_queue: 'count',
  overdue_conversations_assigned: 'count',
  overdue_conversations_total: 'count',
  queue_wait_time_50th_percentile: 'duration',
  queue_wait_time_90th_percentile: 'duration',
};

/** Every metric with its request name, response field and unit. */
export const METRICS: readonly MetricInfo[] = [
  ...BY_TIME_METRICS.map((m) => ({ request: m, kind: 'byTime' as const })),
  ...CURRENT_VALUE_METRICS.map((m) => ({ request: m, kind: 'currentValue' as const })),
].map(({ request, kind }) => ({ request, field: camel(request), kind, unit: UNITS[request] }));

const BY_FIELD = new Map<string, MetricInfo>(METRICS.map((m) => [m.field, m]));
const BY_REQUEST = new Map(METRICS.map((m) => [m.request, m]));

/** The catalog entry of a response field, or undefined for a field it does not know. */
export function metricByField(field: string): MetricInfo | undefined {
  return BY_FIELD.get(field);
}
/** The response field of a request metric name. */
export function fieldOf(name: RequestMetric): MetricField {
  return BY_REQUEST.get(name)!.field;
}
