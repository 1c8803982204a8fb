/**
 * What a user asked for, independent of Slack and of LivePerson: the output of the grammar and the
 * input of the report pipeline. It stores intent (a WindowSpec, a name as typed), never instants or
 * ids, so the same query can ride in a button or a digest and mean the same thing tomorrow.
 */
import type { Audience } from './audience';
import type { DigestCommand } from './digest-command';
import { needsTimezone, type WindowSpec } from './window';

/** Dimensions a ranking can be ordered by (`/queue skills by wait`). */
export const RANK_METRICS = ['queue', 'wait', 'load', 'closed', 'response', 'csat', 'overdue'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** Options every report query shares. */
export interface QueryOptions {
  window: WindowSpec;
  audience?: Audience;
  /** `public`: answer in the channel; default: only the asker sees it. */
  public: boolean;
}

/** Earlier windows a report's period KPIs can be set beside: the same span one day or one week back. */
export const COMPARE_WITH = ['yesterday', 'week'] as const;
export type CompareWith = (typeof COMPARE_WITH)[number];

/** Options of the reports that show KPIs (skill, group, overview). */
export interface KpiQueryOptions extends QueryOptions {
  /** Set the period KPIs beside the same window in these earlier periods, in this order. */
  compare?: CompareWith[];
}

export interface OverviewQuery extends KpiQueryOptions {
  kind: 'overview';
}
export interface SkillQuery extends KpiQueryOptions {
  kind: 'skill';
  /** As typed (unescaped); resolved to an id by the directory. */
  name: string;
}
export interface GroupQuery extends KpiQueryOptions {
  kind: 'group';
  name: string;
}
/** A skill or agent group named by a query, as typed. */
export interface ScopeName {
  kind: 'skill' | 'group';
  name: string;
}

/** Closed, concluded and transfers per interval across the window, for the account, a skill or a group. */
export interface TrendQuery extends QueryOptions {
  kind: 'trend';
  of: 'account' | 'skill' | 'group';
  /** As typed; absent for the account. */
  name?: string;
}
export interface RankingQuery extends QueryOptions {
  kind: 'ranking';
  dimension: 'skills' | 'groups';
  by: RankMetric;
  top: number;
  /**
   * A breakdown: only the conversations of this skill (its agent groups), or of this group and
   * its sub-groups (their skills). Absent: the whole account.
   */
  within?: ScopeName;
}

/** The people behind a skill or an agent group (with its sub-groups), busiest first, one page at a time. */
export interface AgentsQuery extends QueryOptions {
  kind: 'agents';
  /** Whose agents: those assigned the skill, or those in the group and its sub-groups. */
  of: 'skill' | 'group';
  /** As typed (unescaped); resolved to an id by the directory, as for skill and group queries. */
  name: string;
}

export type ReportQuery = OverviewQuery | SkillQuery | GroupQuery | RankingQuery | AgentsQuery | TrendQuery;
/**
 * What the Metrics method answers: every report but the agent list (agent_view) and the trend
 * (historical). The grammar reads these; the others are reached by buttons.
 */
export type MetricsQuery = Exclude<ReportQuery, TrendQuery | AgentsQuery>;
/** A query about one named skill or agent group. */
export type ScopeQuery = SkillQuery | GroupQuery;
/** A trend about one named skill or agent group. */
export type ScopeTrendQuery = TrendQuery & { of: 'skill' | 'group'; name: string };
/** A query that names a skill or agent group and so needs name matching: its report, agents or trend. */
export type NamedQuery = ScopeQuery | AgentsQuery | ScopeTrendQuery;

export interface HelpRequest {
  kind: 'help';
}

/** Input the grammar could not read: `message` says why, usage follows. */
export interface UsageError {
  kind: 'usage';
  message: string;
  /** The offending input, for echoing back (escaped by the view, not here). */
  input: string;
  /** Set when the command was a `/queue digest …`: the answer shows the digest forms. */
  topic?: 'digest';
}

/** What the grammar reads: trends are reached by a button, not typed; digests are managed by their own forms. */
export type ParsedCommand = MetricsQuery | HelpRequest | UsageError | DigestCommand;

/** True when the command asks for a report (not help, a usage answer or a digest command). */
export function isMetricsQuery(parsed: ParsedCommand): parsed is MetricsQuery {
  return parsed.kind !== 'usage' && parsed.kind !== 'help' && !parsed.kind.startsWith('digest-');
}

/** A ranking shows its top 10 unless told otherwise; `top` goes up to 50 (one LivePerson page). */
export const DEFAULT_TOP = 10;
export const MAX_TOP = 50;

/** Rows per ranking page: the query's `top`, within 1..MAX_TOP. */
export function rankingPageSizeOf(top: number): number {
  return Math.min(MAX_TOP, Math.max(1, Math.floor(top)));
}

/** The skill or group a query names (a skill or group report, a breakdown's scope), if any. */
export function namedScopeOf(query: ReportQuery): ScopeName | undefined {
  if (query.kind === 'skill' || query.kind === 'group') return { kind: query.kind, name: query.name };
  if (query.kind === 'ranking') return query.within;
  if (isNamedQuery(query)) return namedScope(query);
  return undefined;
}

/** True for queries that name one skill or agent group. */
export function isScopeQuery(query: ReportQuery): query is ScopeQuery {
  return query.kind === 'skill' || query.kind === 'group';
}

/** True for queries whose name must be matched to a skill or group (reports, agent lists, trends). */
export function isNamedQuery(query: ReportQuery): query is NamedQuery {
  if (query.kind === 'trend') return query.of !== 'account' && query.name !== undefined;
  return isScopeQuery(query) || query.kind === 'agents';
}

/** Which kind of thing a named query names, and the name as typed. */
export function namedScope(query: NamedQuery): ScopeName {
  return query.kind === 'skill' || query.kind === 'group'
    ? { kind: query.kind, name: query.name }
    : { kind: query.of, name: query.name };
}

/** True for the reports that show KPIs and can compare them with earlier windows. */
export function isKpiQuery(query: ReportQuery): query is OverviewQuery | ScopeQuery {
  return query.kind === 'overview' || isScopeQuery(query);
}

/**
 * Whether answering `query` reads the wall clock, so the asker's zone changes the answer: a
 * calendar window ("today", "since 9am"), a trend (its points are labelled by the clock) or a
 * comparison ("yesterday" is a calendar day). "last 4h" is the same for everyone.
 */
export function readsWallClock(query: ReportQuery): boolean {
  return (
    needsTimezone(query.window) || query.kind === 'trend' || (isKpiQuery(query) && !!query.compare?.length)
  );
}
