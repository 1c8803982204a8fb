/**
 * Additive accumulators behind every metric. Averages are kept as sums and counts, so a parent
 * group's average (includeSubGroups) is recomputed from the underlying events, never an average of
 * averages. `metricValue` turns a tally into the number LivePerson would answer for a field.
 */

export class Tally {
  // by time: agent messages
  responses = 0;
  outsideSl = 0;
  humanResponses = 0;
  humanWaitSum = 0;
  humanLatencySum = 0;
  firstResponses = 0;
  firstWaitSum = 0;
  firstLatencySum = 0;
  assignmentFirstResponses = 0;
  assignmentLatencySum = 0;
  // by time: ends of conversations and assignments
  closed = 0;
  closedByAgent = 0;
  closedByConsumer = 0;
  autoClosed = 0;
  durationSum = 0;
  transfers = 0;
  backToQueue = 0;
  csatAnswers = 0;
  csatTop = 0;
  // now: conversations
  assigned = 0;
  unassigned = 0;
  active = 0;
  pending = 0;
  overdueQueue = 0;
  overdueAssigned = 0;
  queueWaits: number[] = [];
  // now: agents
  online = 0;
  backSoon = 0;
  away = 0;
  availableSlots = 0;
  configuredSlots = 0;
  weightAll = 0;
  slotsAll = 0;
  weightHuman = 0;
  slotsHuman = 0;
  weightHumanOnline = 0;
  slotsHumanOnline = 0;
  weightHumanAway = 0;
  slotsHumanAway = 0;
}

/** snake_case request name → camelCase response field (`back_to_queue` → `backToQueue`). */
export function fieldName(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const avg = (sum: number, n: number): number => (n > 0 ? round3(sum / n) : 0);

/** Nearest-rank percentile of waits in ms (0 when nobody waits). */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const FIELDS: Record<string, (t: Tally) => number> = {
  avgWaitTime: (t) => avg(t.humanWaitSum, t.humanResponses),
  avgWaitTimeFirstResponse: (t) => avg(t.firstWaitSum, t.firstResponses),
  avgTimeToResponse: (t) => avg(t.humanLatencySum, t.humanResponses),
  avgTimeToFirstResponseFirstAssignment: (t) => avg(t.firstLatencySum, t.firstResponses),
  avgTimeToFirstResponseAllAssignments: (t) => avg(t.assignmentLatencySum, t.assignmentFirstResponses),
  closedConversations: (t) => t.closed,
  closedByAgent: (t) => t.closedByAgent,
  closedByConsumer: (t) => t.closedByConsumer,
  autoClosed: (t) => t.autoClosed,
  concludedConversations: (t) => t.closed + t.transfers + t.backToQueue,
  csat: (t) => avg(t.csatTop, t.csatAnswers),
  avgConversationsDuration: (t) => avg(t.durationSum, t.closed),
  totalWaitTimeFirstResponse: (t) => t.firstWaitSum,
  totalTimeToFirstResponseAllAssignments: (t) => t.assignmentLatencySum,
  agentResponsesOutsideSl: (t) => t.outsideSl,
  totalNumOfAgentResponses: (t) => t.responses,
  agentResponsesOutsideSlRate: (t) => avg(t.outsideSl, t.responses),
  transfers: (t) => t.transfers,
  backToQueue: (t) => t.backToQueue,
  transferRate: (t) => avg(t.transfers + t.backToQueue, t.closed + t.transfers + t.backToQueue),
  closedRate: (t) => avg(t.closed, t.closed + t.transfers + t.backToQueue),
  assignedConversations: (t) => t.assigned,
  unassignedConversations: (t) => t.unassigned,
  activeConversations: (t) => t.active,
  openConversations: (t) => t.assigned + t.unassigned,
  pendingAgentResponse: (t) => t.pending,
  pendingAgentResponseRate: (t) => avg(t.pending, t.assigned),
  agentLoad: (t) => avg(t.weightAll, t.slotsAll),
  humanAgentLoad: (t) => avg(t.weightHuman, t.slotsHuman),
  humanOnlineLoad: (t) => avg(t.weightHumanOnline, t.slotsHumanOnline),
  humanAwayLoad: (t) => avg(t.weightHumanAway, t.slotsHumanAway),
  onlineAgents: (t) => t.online,
  backSoonAgents: (t) => t.backSoon,
  awayAgents: (t) => t.away,
  availableSlots: (t) => t.availableSlots,
  maxSlots: (t) => t.configuredSlots,
  overdueConversationsInQueue: (t) => t.overdueQueue,
  overdueConversationsAssigned: (t) => t.overdueAssigned,
  overdueConversationsTotal: (t) => t.overdueQueue + t.overdueAssigned,
  queueWaitTime50thPercentile: (t) => percentile(t.queueWaits, 0.5),
  queueWaitTime90thPercentile: (t) => percentile(t.queueWaits, 0.9),
};

/**
 * Whether a record carries the field at all: CSAT is left out when no consumer answered the
 * survey in the window (0 would read as "everyone unhappy"). Every other field is always there.
 */
export function hasValue(t: Tally, field: string): boolean {
  return field !== 'csat' || t.csatAnswers > 0;
}

/** The value of a response field (camelCase) for a tally; averages with no events are 0. */
export function metricValue(t: Tally, field: string): number {
  const f = FIELDS[field];
  return f ? f(t) : 0;
}
