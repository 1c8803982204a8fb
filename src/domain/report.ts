/**
 * The report model: what a `/queue` answer says, computed from KMM data with no I/O, no clock and
 * no Slack. Views render it; digests and buttons reuse it.
 */
import type { MetricField } from '../liveperson/contract/catalog';
import type { KmmGroup, KmmMetrics, KmmResponse } from '../liveperson/contract/metrics-response';
import { formatMetric } from '../slack/views/format';
import type { GroupQuery, OverviewQuery, RankingQuery, RankMetric, ReportQuery, SkillQuery } from './query';
import type { ResolvedWindow } from './window';
import type { Status, Thresholds } from './thresholds';
import { DEFAULT_THRESHOLDS, statusOf, worstOf } from './thresholds';

/** The KPIs a skill, group or overview report shows, as KMM response fields. */
export const KPI_FIELDS = [
  'unassignedConversations',
  'overdueConversationsInQueue',
  'queueWaitTime50thPercentile',
  'queueWaitTime90thPercentile',
  'onlineAgents',
  'backSoonAgents',
  'awayAgents',
  'availableSlots',
  'humanAgentLoad',
  'closedConversations',
  'closedByAgent',
  'closedByConsumer',
  'autoClosed',
  'avgWaitTime',
  'avgWaitTimeFirstResponse',
  'avgTimeToResponse',
  'csat',
] as const;
export type KpiField = (typeof KPI_FIELDS)[number];

/** One KPI: the raw value (absent when LivePerson did not return it), its display text and status. */
export interface Kpi {
  value: number | undefined;
  text: string;
  status: Status;
}
export type Kpis = Record<KpiField, Kpi>;

/** How many skills the overview lists under "most conversations waiting". */
export const OVERVIEW_TOP_WAITING = 5;

/** The response field each ranking metric orders by. */
export const RANK_FIELD: Record<RankMetric, MetricField> = {
  queue: 'unassignedConversations',
  wait: 'queueWaitTime90thPercentile',
  load: 'humanAgentLoad',
  closed: 'closedConversations',
  response: 'avgTimeToResponse',
  csat: 'csat',
  overdue: 'overdueConversationsInQueue',
};
/** Used for `wait` when LivePerson returned no queue-wait percentile for any row. */
export const WAIT_FALLBACK_FIELD: MetricField = 'avgWaitTime';

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

export interface RankRow {
  /** 1-based position in the whole ranking. */
  rank: number;
  id: string;
  /** Display name (unescaped); unnamed ids read "Unnamed skill (id)". */
  name: string;
  value: number | undefined;
  text: string;
  status: Status;
  metrics: KmmMetrics;
}

interface ReportBase<Q extends ReportQuery> {
  query: Q;
  window: ResolvedWindow;
  /** Epoch ms when the data was fetched. */
  fetchedAt: number;
  /** Where the numbers come from, e.g. "LivePerson account 13350576" or "Simulator". */
  source: string;
}

export interface OverviewReport extends ReportBase<OverviewQuery> {
  kind: 'overview';
  kpis: Kpis;
  status: Status;
  /** Skills with conversations waiting, most first (at most OVERVIEW_TOP_WAITING). */
  topWaiting: RankRow[];
  /** How many skills in all have conversations waiting. */
  skillsWaiting: number;
}

export interface SkillReport extends ReportBase<SkillQuery> {
  kind: 'skill';
  id: string;
  name: string;
  kpis: Kpis;
  status: Status;
}

export interface GroupReport extends ReportBase<GroupQuery> {
  kind: 'group';
  id: string;
  name: string;
  /** Figures include the group's sub-groups. */
  kpis: Kpis;
  status: Status;
}

export interface RankingReport extends ReportBase<RankingQuery> {
  kind: 'ranking';
  dimension: 'skills' | 'groups';
  by: RankMetric;
  /** The field actually ranked (wait falls back to avgWaitTime when no percentile came back). */
  field: MetricField;
  direction: 'asc' | 'desc';
  /** The rows fetched, ranked: every row, or one page of them when LivePerson sorted and paged. */
  rows: RankRow[];
  /** Position of rows[0] in the whole ranking (0 unless LivePerson paged the sorted keys). */
  rowsOffset: number;
  /** How many keys LivePerson reports in total. */
  available: number;
  /** LivePerson has more keys than its paging reaches (1000): only those were ranked. */
  truncated: boolean;
  /** Requested page, 1-based; views clamp it to the pages that exist. */
  page: number;
}

export type Report = OverviewReport | SkillReport | GroupReport | RankingReport;
export type ReportKind = Report['kind'];

export interface ReportInput {
  query: ReportQuery;
  /** The query's window, resolved at the time the data was asked for. */
  window: ResolvedWindow;
  /** The skill or agent group the query resolved to (skill and group reports). */
  scope?: { id: string; name: string | null };
  /** One response, or every page of a paged answer. */
  responses: KmmResponse | readonly KmmResponse[];
  fetchedAt: number;
  source: string;
  thresholds?: Thresholds;
  /** Ranking page to show, 1-based (from a Previous/Next button). */
  page?: number;
  /** Rankings fetched one sorted page at a time: the position of the first key returned. */
  rowsOffset?: number;
  /** Every page was fetched but LivePerson stopped paging before the last key. */
  truncated?: boolean;
}

/** A name to show for an id: LivePerson's "NA" / null / blank becomes "Unnamed skill (id)". */
export function displayName(kind: 'skill' | 'group', id: string, name: string | null | undefined): string {
  const trimmed = name?.trim();
  if (trimmed && trimmed !== 'NA') return trimmed;
  return `Unnamed ${kind} (${id})`;
}

/**
 * A metric's value, or undefined when absent or negative: every KMM metric is a count, duration or
 * ratio, so a negative number can only be a placeholder for "not available".
 */
export function valueOf(metrics: KmmMetrics, field: MetricField): number | undefined {
  const v = metrics[field];
  return v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** Builds the KPI set of one metrics record. */
export function kpisOf(metrics: KmmMetrics, thresholds: Thresholds = DEFAULT_THRESHOLDS): Kpis {
  const out = {} as Kpis;
  for (const field of KPI_FIELDS) {
    const value = valueOf(metrics, field);
    out[field] = {
      value,
      text: formatMetric(field, value),
      status: statusOf(field, value, thresholds, metrics),
    };
  }
  return out;
}

function overallStatus(kpis: Kpis): Status {
  return KPI_FIELDS.reduce<Status>((acc, f) => worstOf(acc, kpis[f].status), 'none');
}

function asList(responses: KmmResponse | readonly KmmResponse[]): readonly KmmResponse[] {
  const isList = (r: KmmResponse | readonly KmmResponse[]): r is readonly KmmResponse[] => Array.isArray(r);
  return isList(responses) ? responses : [responses];
}

/** Groups of every page, first occurrence of a key winning (pages can overlap when data moves). */
function mergeGroups(responses: readonly KmmResponse[]): KmmGroup[] {
  const seen = new Map<string, KmmGroup>();
  for (const r of responses) for (const g of r.groups) if (!seen.has(g.key)) seen.set(g.key, g);
  return [...seen.values()];
}

function allSection(responses: readonly KmmResponse[]): KmmMetrics | undefined {
  return responses.find((r) => r.all !== undefined)?.all;
}

/** The metrics of one scope: its own group row when present, else the filter-wide `all` section. */
function scopeMetrics(responses: readonly KmmResponse[], id: string): KmmMetrics {
  const row = mergeGroups(responses).find((g) => g.key === id);
  return row?.metrics ?? allSection(responses) ?? {};
}

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Ranks groups by one field: absent values last, then worst first, ties by name, then id. */
export function rankRows(
  groups: readonly KmmGroup[],
  kind: 'skill' | 'group',
  field: MetricField,
  direction: 'asc' | 'desc',
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): RankRow[] {
  const rows = groups.map((g) => {
    const value = valueOf(g.metrics, field);
    return {
      rank: 0,
      id: g.key,
      name: displayName(kind, g.key, g.name),
      value,
      text: formatMetric(field, value),
      status: statusOf(field, value, thresholds, g.metrics),
      metrics: g.metrics,
    };
  });
  const sign = direction === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      return sign * (a.value - b.value);
    }
    return COLLATOR.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

function rankField(by: RankMetric, groups: readonly KmmGroup[]): MetricField {
  const field = RANK_FIELD[by];
  if (by !== 'wait' || groups.some((g) => valueOf(g.metrics, field) !== undefined)) return field;
  return WAIT_FALLBACK_FIELD;
}

/** Turns KMM data into the report for `input.query`. Pure. */
export function toReport(input: ReportInput): Report {
  const { query, fetchedAt, source } = input;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const responses = asList(input.responses);
  const base = { window: input.window, fetchedAt, source };
  switch (query.kind) {
    case 'overview': {
      const kpis = kpisOf(allSection(responses) ?? {}, thresholds);
      const waiting = rankRows(
        mergeGroups(responses),
        'skill',
        RANK_FIELD.queue,
        RANK_DIRECTION.queue,
        thresholds,
      ).filter((r) => (r.value ?? 0) > 0);
      return {
        ...base,
        query,
        kind: 'overview',
        kpis,
        status: overallStatus(kpis),
        topWaiting: waiting.slice(0, OVERVIEW_TOP_WAITING),
        skillsWaiting: waiting.length,
      };
    }
    case 'skill':
    case 'group': {
      const scope = input.scope;
      if (!scope) throw new TypeError(`toReport: a ${query.kind} report needs the resolved scope`);
      const kpis = kpisOf(scopeMetrics(responses, scope.id), thresholds);
      const common = {
        ...base,
        id: scope.id,
        name: displayName(query.kind, scope.id, scope.name),
        kpis,
        status: overallStatus(kpis),
      };
      return query.kind === 'skill'
        ? { ...common, query, kind: 'skill' }
        : { ...common, query, kind: 'group' };
    }
    case 'ranking': {
      const groups = mergeGroups(responses);
      const field = rankField(query.by, groups);
      const direction = RANK_DIRECTION[query.by];
      const kind = query.dimension === 'skills' ? 'skill' : 'group';
      const rowsOffset = Math.max(0, Math.floor(input.rowsOffset ?? 0));
      const rows = rankRows(groups, kind, field, direction, thresholds);
      // One sorted page of LivePerson's ranking: its ranks continue from the page's offset.
      rows.forEach((r, i) => (r.rank = rowsOffset + i + 1));
      const available = Math.max(rowsOffset + rows.length, ...responses.map((r) => r.count));
      const truncated = input.truncated ?? false;
      const page = Math.max(1, Math.floor(input.page ?? 1));
      return {
        ...base,
        query,
        kind: 'ranking',
        dimension: query.dimension,
        by: query.by,
        field,
        direction,
        rows,
        rowsOffset,
        available,
        truncated,
        page,
      };
    }
  }
}
