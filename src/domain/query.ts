/**
 * What a user asked for, independent of Slack and of LivePerson: the output of `parseCommand` and
 * the input of the report pipeline. Plain data, so it can ride in a button value.
 */
import type { UserType } from '../liveperson/contract/catalog';

/** Dimensions a ranking can be ordered by (`/queue skills by wait`). */
export const RANK_METRICS = ['queue', 'wait', 'load', 'closed', 'response', 'csat', 'overdue'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export interface TimeWindow {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, inclusive. */
  to: number;
  /** How the user said it, normalised: "last 4h", "since 08:00", "today". */
  label: string;
  /** Set when the window was adjusted (e.g. `today` clamped to 24 h); shown as a note. */
  note?: string;
}

/** Options every report query shares. */
export interface QueryOptions {
  window: TimeWindow;
  /** Undefined: humans and bots together. */
  userTypes?: UserType[];
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
export interface RankingQuery extends QueryOptions {
  kind: 'ranking';
  dimension: 'skills' | 'groups';
  by: RankMetric;
  top: number;
}

export type ReportQuery = OverviewQuery | SkillQuery | GroupQuery | RankingQuery;

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

/** Defaults: the last hour, the top 10 (README, "What you can ask"). */
export const DEFAULT_WINDOW_MS = 60 * 60 * 1000;
export const DEFAULT_TOP = 10;
export const MAX_TOP = 50;

/** Rows per ranking page: the query's `top`, within 1..MAX_TOP (LivePerson's page size is 50). */
export function rankingPageSizeOf(top: number): number {
  return Math.min(MAX_TOP, Math.max(1, Math.floor(top)));
}
