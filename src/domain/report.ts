/**
 * The report model: what a `/queue` answer says, computed from metric rows with no I/O, no clock,
 * no Slack and no LivePerson wire format. Views render it; digests and buttons reuse it.
 */
import type { MetricId, MetricRow, MetricsAnswer, MetricValues } from './metrics';
import type {
  CompareWith,
  GroupQuery,
  OverviewQuery,
  RankingQuery,
  RankMetric,
  ReportQuery,
  SkillQuery,
  TrendQuery,
} from './query';
import type { Span } from './compare';
import {
  busiestPoint,
  trendTotals,
  type TrendReportPoint,
  type TrendSpan,
  type TrendValues,
} from './trend-report';
import { agentsCounted, type AgentsCounted } from './humans';
import {
  overviewHeadline,
  rankingHeadline,
  scopeHeadline,
  type RankingHeadline,
  type ScopeHeadline,
} from './headline';
import { DEFAULT_TARGETS, thresholdsForSkill, type Targets } from './targets';
import type { Status, Thresholds } from './thresholds';
import { DEFAULT_THRESHOLDS, isMetricValue, verdictOf } from './thresholds';
import type { Trend } from './trend';
import type { ResolvedWindow } from './window';
import type { AgentsReport } from './agents';
import { KPI_METRICS, type KpiMetric, type Kpis, type RankRow } from './kpis';

export { KPI_METRICS, type Kpi, type KpiMetric, type Kpis, type RankRow } from './kpis';

/** How many skills the overview lists under "most conversations waiting". */
export const OVERVIEW_TOP_WAITING = 5;

/** The metric each ranking orders by. */
export const RANK_METRIC: Record<RankMetric, MetricId> = {
  queue: 'waiting',
  wait: 'queueWaitP90',
  load: 'humanLoad',
  closed: 'closed',
  response: 'avgTimeToResponse',
  csat: 'csat',
  overdue: 'overdueInQueue',
};
/** Ranks `wait` when no row came back with a queue-wait percentile. */
export const WAIT_FALLBACK_METRIC: MetricId = 'avgWait';

/** Worst first: the direction that puts the rows needing attention at the top. */
export const RANK_DIRECTION: Record<RankMetric, 'asc' | 'desc'> = {
  queue: 'desc',
  wait: 'desc',
  load: 'desc',
  closed: 'desc',
  response: 'desc',
  csat: 'asc',
  overdue: 'desc',
};

/** What a report needs asked, by report: the data source plans its request from this. */
export function metricsNeeded(query: ReportQuery): MetricId[] {
  // An agent list is asked of agent_view, per agent: the agents planner names its own metrics.
  if (query.kind === 'agents') return [];
  // Conversations wait for skills, not agent groups: a group has no queue to ask about.
  if (query.kind === 'group') return KPI_METRICS.filter((m) => !QUEUE_METRICS.includes(m));
  // A trend asks LivePerson's historical method, which has its own three series.
  if (query.kind === 'trend') return [];
  if (query.kind !== 'ranking') return [...KPI_METRICS];
  const metrics: MetricId[] = [RANK_METRIC[query.by]];
  if (query.by === 'wait') metrics.push(WAIT_FALLBACK_METRIC);
  // The queue's status reads what is beside it: free slots, the queue wait, what is overdue.
  if (query.by === 'queue') metrics.push('freeSlots', 'queueWaitP90', 'overdueInQueue');
  return metrics;
}

/** The KPIs of a queue, which an agent group does not have. */
export const QUEUE_METRICS: readonly KpiMetric[] = [
  'waiting',
  'overdueInQueue',
  'queueWaitP50',
  'queueWaitP90',
];

interface ReportBase<Q extends ReportQuery> {
  query: Q;
  window: ResolvedWindow;
  /** Epoch ms when the data was fetched. */
  fetchedAt: number;
  /** Where the numbers come from, e.g. "LivePerson account 13350576" or "Simulator". */
  source: string;
}

/** A report's period KPIs in an earlier window (the same span yesterday or a week ago). */
export interface Comparison {
  with: CompareWith;
  window: Span;
  /** The KPIs that came back for the earlier window (only period ones are asked). */
  values: Partial<Record<KpiMetric, number | undefined>>;
  /**
   * Why there are no values: the window starts before the 14 days LivePerson keeps (not asked),
   * or the request failed (the report went out without it).
   */
  missing?: 'beyond-retention' | 'unavailable';
}

export interface OverviewReport extends ReportBase<OverviewQuery> {
  kind: 'overview';
  /** The period KPIs in the earlier windows the query asked for, in its order. */
  comparisons?: Comparison[];
  kpis: Kpis;
  status: Status;
  headline: ScopeHeadline;
  /** Whom online, free slots and load count. */
  agents: AgentsCounted;
  /** Skills with conversations waiting, most first (at most OVERVIEW_TOP_WAITING). */
  topWaiting: RankRow[];
  /** How many skills in all have conversations waiting. */
  skillsWaiting: number;
}

export interface SkillReport extends ReportBase<SkillQuery> {
  kind: 'skill';
  id: string;
  name: string | null;
  kpis: Kpis;
  status: Status;
  headline: ScopeHeadline;
  agents: AgentsCounted;
  /** Closed conversations across the window, when the source keeps a trend that far back. */
  trend?: Trend;
  comparisons?: Comparison[];
}

export interface GroupReport extends ReportBase<GroupQuery> {
  kind: 'group';
  id: string;
  name: string | null;
  /** Figures include the group's sub-groups. */
  kpis: Kpis;
  status: Status;
  headline: ScopeHeadline;
  agents: AgentsCounted;
  trend?: Trend;
  comparisons?: Comparison[];
}

export interface TrendReport extends ReportBase<TrendQuery> {
  kind: 'trend';
  of: TrendQuery['of'];
  /** The skill or agent group (with its sub-groups); absent for the account. */
  scope?: { id: string; name: string | null };
  intervalMinutes: number;
  /** In time order; `window` is the span they cover. */
  points: TrendReportPoint[];
  /** Each series summed over the window. */
  totals: TrendValues;
  /** The interval that closed the most conversations. */
  busiest?: TrendReportPoint;
  /** The window started before the trend's 24 h and was cut there: where it was asked to start. */
  clampedFrom?: number;
}

export interface RankingReport extends ReportBase<RankingQuery> {
  kind: 'ranking';
  dimension: 'skills' | 'groups';
  by: RankMetric;
  /** The metric actually ranked (wait falls back to the average wait when no percentile came back). */
  metric: MetricId;
  direction: 'asc' | 'desc';
  /** The rows fetched, ranked: every row, or one page of them when the source sorted and paged. */
  rows: RankRow[];
  /** Position of rows[0] in the whole ranking (0 unless the source paged the sorted rows). */
  rowsOffset: number;
  /** How many rows the source reports in total. */
  available: number;
  /** How many rows the source's paging can reach at most. */
  reachable: number;
  /** The source has more rows than its paging reaches: only those were ranked. */
  truncated: boolean;
  /** Requested page, 1-based; views clamp it to the pages that exist. */
  page: number;
  headline: RankingHeadline;
  /** A breakdown: the skill or group whose conversations were ranked, as resolved. */
  within?: { kind: 'skill' | 'group'; id: string; name: string | null };
}

export type Report = OverviewReport | SkillReport | GroupReport | RankingReport | AgentsReport | TrendReport;

/** One earlier window as fetched: its answer, or why there is none. */
export interface ComparisonInput {
  with: CompareWith;
  window: Span;
  answer?: MetricsAnswer;
  missing?: Comparison['missing'];
}

/** A trend report's series as fetched. */
export interface TrendSeriesInput {
  intervalMinutes: number;
  /** The window cut to the trend's 24 h. */
  span: TrendSpan;
  points: TrendReportPoint[];
}

export interface ReportInput {
  query: ReportQuery;
  /** The query's window, resolved at the time the data was asked for. */
  window: ResolvedWindow;
  /** The skill or agent group the query resolved to (skill and group reports). */
  scope?: { id: string; name: string | null };
  /** What the source answered (all pages of it, merged). */
  answer: MetricsAnswer;
  fetchedAt: number;
  source: string;
  /** The account's targets and each skill's own (default: DEFAULT_TARGETS). */
  targets?: Targets;
  /** The scope's trend (skill and group reports), when it was fetched. */
  trend?: Trend;
  /** The earlier windows a skill, group or overview report is compared with. */
  comparisons?: ComparisonInput[];
  /** The series of a trend report. */
  series?: TrendSeriesInput;
  /** Ranking page to show, 1-based (from a Previous/Next button). */
  page?: number;
  /** Rankings fetched one sorted page at a time: the position of the first row returned. */
  rowsOffset?: number;
  /** How many rows the source's paging reaches (default: all of them). */
  reachable?: number;
  /** The source already ranked the rows (it sorted and paged): keep its order, ties included. */
  presorted?: boolean;
}

/** Averages of waits: a real wait is never exactly 0 ms, so 0 means nothing was averaged. */
const AVERAGE_WAITS: ReadonlySet<MetricId> = new Set([
  'avgWait',
  'avgWaitFirstResponse',
  'avgTimeToResponse',
]);

/**
 * A value, or undefined when there is none to show: absent, negative (every metric is a count,
 * duration or ratio), or a figure with nothing under it that a source answers as 0 (an average
 * wait over no responses, the load of nobody online). No data is not zero, and gets no colour.
 */
export function valueOf(values: MetricValues, metric: MetricId): number | undefined {
  const v = values[metric];
  if (!isMetricValue(v)) return undefined;
  if (v === 0 && AVERAGE_WAITS.has(metric)) return undefined;
  if (v === 0 && metric === 'humanLoad' && values.agentsOnline === 0) return undefined;
  return v;
}

/** The KPI set of one row of values. */
export function kpisOf(values: MetricValues, thresholds: Thresholds = DEFAULT_THRESHOLDS): Kpis {
  const out = {} as Kpis;
  for (const metric of KPI_METRICS) {
    const value = valueOf(values, metric);
    const verdict = verdictOf(metric, value, thresholds, values);
    out[metric] = { value, status: verdict.status, ...(verdict.rule ? { rule: verdict.rule } : {}) };
  }
  return out;
}

/** The values of one scope: its own row when present, else the filter-wide totals. */
function scopeValues(answer: MetricsAnswer, id: string): MetricValues {
  return answer.rows.find((r) => r.id === id)?.values ?? answer.totals ?? {};
}

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Ranks rows by one metric: absent values last, then worst first, ties by name, then id. */
export function rankRows(
  rows: readonly MetricRow[],
  metric: MetricId,
  direction: 'asc' | 'desc',
  thresholds: Thresholds | ((row: MetricRow) => Thresholds) = DEFAULT_THRESHOLDS,
  opts: { keepOrder?: boolean } = {},
): RankRow[] {
  const limitsOf = typeof thresholds === 'function' ? thresholds : () => thresholds;
  const ranked: RankRow[] = rows.map((r) => {
    const value = valueOf(r.values, metric);
    const verdict = verdictOf(metric, value, limitsOf(r), r.values);
    return {
      rank: 0,
      id: r.id,
      name: r.name,
      value,
      status: verdict.status,
      ...(verdict.rule ? { rule: verdict.rule } : {}),
      values: r.values,
    };
  });
  const sign = direction === 'asc' ? 1 : -1;
  if (!opts.keepOrder)
    ranked.sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        if (a.value !== b.value) return a.value === undefined ? 1 : -1;
      } else if (a.value !== b.value) {
        return sign * (a.value - b.value);
      }
      // Unnamed rows sort by id among themselves, after the named ones.
      const byName =
        a.name === null || b.name === null
          ? Number(a.name === null) - Number(b.name === null)
          : COLLATOR.compare(a.name, b.name);
      return byName || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  ranked.forEach((r, i) => (r.rank = i + 1));
  return ranked;
}

function rankMetric(by: RankMetric, rows: readonly MetricRow[]): MetricId {
  const metric = RANK_METRIC[by];
  if (by !== 'wait' || rows.some((r) => valueOf(r.values, metric) !== undefined)) return metric;
  return WAIT_FALLBACK_METRIC;
}

/** The period KPIs an earlier window answered; a comparison that went missing has none. */
function comparisonOf(input: ComparisonInput, scopeId: string | undefined): Comparison {
  const out: Comparison = { with: input.with, window: input.window, values: {} };
  if (input.missing) out.missing = input.missing;
  if (!input.answer) return out;
  const values = scopeId === undefined ? (input.answer.totals ?? {}) : scopeValues(input.answer, scopeId);
  for (const metric of KPI_METRICS) if (metric in values) out.values[metric] = valueOf(values, metric);
  return out;
}

function comparisonsOf(input: ReportInput, scopeId?: string): { comparisons?: Comparison[] } {
  return input.comparisons ? { comparisons: input.comparisons.map((c) => comparisonOf(c, scopeId)) } : {};
}

/** Turns the source's answer into the report for `input.query`. Pure. */
export function toReport(input: ReportInput): Report {
  const { query, fetchedAt, source, answer } = input;
  const targets = input.targets ?? DEFAULT_TARGETS;
  const skillLimits = (row: MetricRow) => thresholdsForSkill(targets, row);
  const base = { window: input.window, fetchedAt, source };
  switch (query.kind) {
    case 'overview': {
      const totals = answer.totals ?? {};
      const kpis = kpisOf(totals, targets.account);
      const waiting = rankRows(answer.rows, RANK_METRIC.queue, RANK_DIRECTION.queue, skillLimits).filter(
        (r) => (r.value ?? 0) > 0,
      );
      const headline = overviewHeadline(kpis, targets.account, waiting, { bots: query.audience === 'bots' });
      return {
        ...base,
        query,
        kind: 'overview',
        kpis,
        status: headline.status,
        headline,
        agents: agentsCounted(query.audience, totals),
        topWaiting: waiting.slice(0, OVERVIEW_TOP_WAITING),
        skillsWaiting: waiting.length,
        ...comparisonsOf(input),
      };
    }
    case 'skill':
    case 'group': {
      const scope = input.scope;
      if (!scope) throw new TypeError(`toReport: a ${query.kind} report needs the resolved scope`);
      // A group is rated by the account's targets: skills carry their own, groups do not.
      const thresholds = query.kind === 'skill' ? thresholdsForSkill(targets, scope) : targets.account;
      const values = scopeValues(answer, scope.id);
      const kpis = kpisOf(values, thresholds);
      const headline = scopeHeadline(kpis, thresholds, query.kind === 'skill' ? 'queue' : 'group', {
        bots: query.audience === 'bots',
      });
      const common = {
        ...base,
        id: scope.id,
        name: scope.name,
        kpis,
        status: headline.status,
        headline,
        agents: agentsCounted(query.audience, values),
        ...(input.trend ? { trend: input.trend } : {}),
        ...comparisonsOf(input, scope.id),
      };
      return query.kind === 'skill'
        ? { ...common, query, kind: 'skill' }
        : { ...common, query, kind: 'group' };
    }
    case 'ranking': {
      const metric = rankMetric(query.by, answer.rows);
      const direction = RANK_DIRECTION[query.by];
      const rowsOffset = Math.max(0, Math.floor(input.rowsOffset ?? 0));
      const limits = query.dimension === 'skills' ? skillLimits : targets.account;
      const rows = input.presorted
        ? rankRows(answer.rows, metric, direction, limits, { keepOrder: true })
        : rankRows(answer.rows, metric, direction, limits);
      // One sorted page of the source's ranking: its ranks continue from the page's offset.
      rows.forEach((r, i) => (r.rank = rowsOffset + i + 1));
      const available = Math.max(rowsOffset + rows.length, answer.count);
      return {
        ...base,
        query,
        kind: 'ranking',
        dimension: query.dimension,
        by: query.by,
        metric,
        direction,
        rows,
        rowsOffset,
        available,
        reachable: input.reachable ?? Math.max(available, rowsOffset + rows.length),
        truncated: answer.truncated ?? false,
        page: Math.max(1, Math.floor(input.page ?? 1)),
        headline: rankingHeadline(rows),
        ...(query.within && input.scope ? { within: { kind: query.within.kind, ...input.scope } } : {}),
      };
    }
    case 'agents':
      // Agents come from agent_view, one row per person, not from metric rows.
      throw new TypeError('toReport: an agents report is built by toAgentsReport');
    case 'trend': {
      const series = input.series;
      if (!series) throw new TypeError('toReport: a trend report needs its series');
      const busiest = busiestPoint(series.points);
      return {
        ...base,
        // The report covers what the trend could show: the window cut to the trend's 24 h.
        window: { ...input.window, from: series.span.from, to: series.span.to },
        query,
        kind: 'trend',
        of: query.of,
        ...(input.scope ? { scope: input.scope } : {}),
        intervalMinutes: series.intervalMinutes,
        points: series.points,
        totals: trendTotals(series.points),
        ...(busiest ? { busiest } : {}),
        ...(series.span.clampedFrom !== undefined ? { clampedFrom: series.span.clampedFrom } : {}),
      };
    }
  }
}
