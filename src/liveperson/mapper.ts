/**
 * LivePerson answers → domain rows: the one place that reads KMM response field names. Loads are
 * brought to ratios here (LP_LOAD_SCALE), so everything past this file reads one scale.
 */
import type { MetricRow, MetricsAnswer, MetricValues, SourceMetricId } from '../domain/metrics';
import { SOURCE_METRIC_IDS } from '../domain/metrics';
import type { MetricField } from './contract/catalog';
import { loadAsRatio, loadsAsRatios, type LoadScale } from './contract/load-scale';
import type { AgentViewRecord, AgentViewResponse } from './contract/agent-view';
import type { AgentRow, AgentsAnswer, Presence } from '../domain/agents';
import type { KmmGroup, KmmMetrics, KmmResponse } from './contract/metrics-response';
import type { HistoricalResponse } from './contract/historical';
import { toTrend, type Trend } from '../domain/trend';
import type { TrendReportPoint } from '../domain/trend-report';

/** The KMM response field each domain metric is read from. */
export const FIELD_OF: Readonly<Record<SourceMetricId, MetricField>> = {
  waiting: 'unassignedConversations',
  overdueInQueue: 'overdueConversationsInQueue',
  queueWaitP50: 'queueWaitTime50thPercentile',
  queueWaitP90: 'queueWaitTime90thPercentile',
  agentsOnline: 'onlineAgents',
  agentsBackSoon: 'backSoonAgents',
  agentsAway: 'awayAgents',
  freeSlots: 'availableSlots',
  humanLoad: 'humanAgentLoad',
  closed: 'closedConversations',
  closedByAgent: 'closedByAgent',
  closedByConsumer: 'closedByConsumer',
  autoClosed: 'autoClosed',
  avgWait: 'avgWaitTime',
  avgWaitFirstResponse: 'avgWaitTimeFirstResponse',
  avgTimeToResponse: 'avgTimeToResponse',
  csat: 'csat',
};

/** The domain values of one KMM metrics record; fields the product does not use are dropped. */
export function toMetricValues(metrics: KmmMetrics): MetricValues {
  const out: MetricValues = {};
  for (const id of SOURCE_METRIC_IDS) {
    const v = metrics[FIELD_OF[id]];
    if (v !== undefined) out[id] = v;
  }
  return out;
}

/** Groups of every page, first occurrence of a key winning (pages can overlap when data moves). */
function mergeGroups(responses: readonly KmmResponse[]): KmmGroup[] {
  const seen = new Map<string, KmmGroup>();
  for (const r of responses) for (const g of r.groups) if (!seen.has(g.key)) seen.set(g.key, g);
  return [...seen.values()];
}

/**
 * One metrics answer (a response, or every page of a paged one) as domain rows and totals.
 * `truncated`: LivePerson stopped paging before the last key.
 */
export function toMetricsAnswer(
  responses: KmmResponse | readonly KmmResponse[],
  loadScale: LoadScale,
  truncated?: boolean,
): MetricsAnswer {
  const list = (Array.isArray(responses) ? responses : [responses]) as readonly KmmResponse[];
  const scaled = list.map((r) => loadsAsRatios(r, loadScale));
  const rows: MetricRow[] = mergeGroups(scaled).map((g) => ({
    id: g.key,
    name: g.name,
    values: toMetricValues(g.metrics),
  }));
  const totals = scaled.find((r) => r.all !== undefined)?.all;
  const answer: MetricsAnswer = { rows, count: Math.max(rows.length, ...scaled.map((r) => r.count)) };
  if (totals) answer.totals = toMetricValues(totals);
  if (truncated) answer.truncated = true;
  return answer;
}

/** A historical answer as the domain's trend of closed conversations. */
export function toClosedTrend(response: HistoricalResponse, intervalMinutes: number): Trend {
  return toTrend(
    intervalMinutes,
    response.points.map((p) => ({ end: p.timestamp, closed: p.values.closedConversations })),
  );
}

/** agent_view's status words as the domain's presences. */
const PRESENCE_OF: Readonly<Record<string, Presence>> = {
  ONLINE: 'online',
  BACK_SOON: 'back-soon',
  AWAY: 'away',
  OFFLINE: 'offline',
};

/** A status as sent ("ONLINE", "BACK_SOON"; spaces and case forgiven), or undefined for an unknown one. */
export function presenceOf(status: string | undefined): Presence | undefined {
  if (status === undefined) return undefined;
  return PRESENCE_OF[
    status
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_')
  ];
}

/**
 * An instant LivePerson sends as epoch ms. The unit of agentCurrentStatusStartTime is not
 * documented: a value too small to be milliseconds of this century is read as seconds.
 */
function epochMs(v: number | undefined): number | undefined {
  if (v === undefined || !Number.isFinite(v) || v <= 0) return undefined;
  return v < 1e11 ? v * 1000 : v;
}

/** The agent's name: the full name, else the nickname; null when the record carries neither. */
function agentName(record: AgentViewRecord): string | null {
  for (const n of [record.metadata?.agentName, record.metadata?.agentNickname]) {
    const name = n?.trim();
    if (name && name !== 'NA') return name;
  }
  return null;
}

/** One agent_view record as a domain row; `bot` comes from whoever knows (see planBotsProbe). */
export function toAgentRow(record: AgentViewRecord, loadScale: LoadScale, bot: boolean): AgentRow {
  const m = record.metrics;
  const row: AgentRow = { id: record.agentId, name: agentName(record), bot };
  const status = presenceOf(record.agentCurrentStatus);
  if (status) row.status = status;
  const since = epochMs(m.agentCurrentStatusStartTime);
  if (since !== undefined) row.statusSince = since;
  if (m.agentLoad !== undefined) row.load = loadAsRatio(m.agentLoad, loadScale);
  if (m.assignedConversations !== undefined) row.assigned = m.assignedConversations;
  if (m.activeConversations !== undefined) row.active = m.activeConversations;
  // The current max_slots, else the configured one from the metadata.
  const slots = m.maxSlots ?? record.metadata?.configuredMaxSlots;
  if (slots !== undefined) row.maxSlots = slots;
  if (m.closedConversations !== undefined) row.closed = m.closedConversations;
  if (m.avgTimeToResponse !== undefined) row.avgResponseMs = m.avgTimeToResponse;
  return row;
}

/** One agent_view page as domain rows, in LivePerson's order; `isBot` marks the bots. */
export function toAgentsAnswer(
  response: AgentViewResponse,
  loadScale: LoadScale,
  isBot: (agentId: string) => boolean,
): AgentsAnswer {
  return {
    rows: response.records.map((r) => toAgentRow(r, loadScale, isBot(r.agentId))),
    count: response.count,
  };
}

/** A historical answer as the trend report's three series, point by point. */
export function toTrendPoints(response: HistoricalResponse): TrendReportPoint[] {
  return response.points.map((p) => ({
    end: p.timestamp,
    values: {
      closed: p.values.closedConversations,
      concluded: p.values.concludedConversations,
      transfers: p.values.transfers,
    },
  }));
}
