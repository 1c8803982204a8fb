/**
 * What a user asked for, independent of Slack and of LivePerson: the output of the grammar and the
 * input of the report pipeline. It stores intent (a WindowSpec, a name as typed), never instants or
 * ids, so the same query can ride in a button or a digest and mean the same thing tomorrow.
 */
import type { WindowSpec } from './window';

/** Dimensions a ranking can be ordered by (`/queue skills by wait`). */
export const RANK_METRICS = ['queue', 'wait', 'load', 'closed', 'response', 'csat', 'overdue'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

/** Whose conversations: only human agents, only bots; undefined is both together. */
export const AUDIENCES = ['humans', 'bots'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Options every report query shares. */
export interface QueryOptions {
  window: WindowSpec;
  audience?: Audience;
  /** `public`: answer in the channel; default: only the asker sees it. */
  public: boolean;
}

export interface OverviewQuery extends QueryOptions {
  kind: 'overview';
}
export interface SkillQuery extends QueryOptions {
  kind: 'skill';
  /** As typed (unescaped); resolved to an id by the directory. */
  name: string;
}
export interface GroupQuery extends QueryOptions {
  kind: 'group';
  name: string;
}
/** A skill or agent group named by a query, as typed. */
export interface ScopeName {
  kind: 'skill' | 'group';
  name: string;
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

export type ReportQuery = OverviewQuery | SkillQuery | GroupQuery | RankingQuery;
/** A query about one named skill or agent group. */
export type ScopeQuery = SkillQuery | GroupQuery;

export interface HelpRequest {
  kind: 'help';
}

/** Input the grammar could not read: `message` says why, usage follows. */
export interface UsageError {
  kind: 'usage';
  message: string;
  /** The offending input, for echoing back (escaped by the view, not here). */
  input: string;
}

export type ParsedCommand = ReportQuery | HelpRequest | UsageError;

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
  return undefined;
}

/** True for queries that name one skill or agent group. */
export function isScopeQuery(query: ReportQuery): query is ScopeQuery {
  return query.kind === 'skill' || query.kind === 'group';
}
