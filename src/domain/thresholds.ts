/**
 * SLA status per KPI: which values deserve a yellow or red mark. Thresholds are data (a lead can
 * tune them per deployment); the defaults follow common contact-center practice.
 */
import type { KmmMetrics } from '../liveperson/contract/metrics-response';
import type { MetricField } from '../liveperson/contract/catalog';

export type Status = 'ok' | 'warn' | 'critical' | 'none';

/** One KPI's limits. `higher`: values at or above the limit are bad; `lower`: values below it are. */
export interface Threshold {
  worse: 'higher' | 'lower';
  warn: number;
  critical: number;
}

export interface Thresholds {
  /** Limits by KMM response field. Durations in ms; loads and CSAT on the 0..1 scale. */
  byField: Partial<Record<MetricField, Threshold>>;
  /** Conversations waiting while no agent slot is free: nobody will pick them up. */
  waitingWithNoSlots: Exclude<Status, 'none'>;
}

const MINUTE = 60_000;

export const DEFAULT_THRESHOLDS: Thresholds = {
  byField: {
    queueWaitTime90thPercentile: { worse: 'higher', warn: 2 * MINUTE, critical: 5 * MINUTE },
    avgWaitTime: { worse: 'higher', warn: 1 * MINUTE, critical: 3 * MINUTE },
    overdueConversationsInQueue: { worse: 'higher', warn: 1, critical: 5 },
    humanAgentLoad: { worse: 'higher', warn: 0.85, critical: 0.95 },
    csat: { worse: 'lower', warn: 0.8, critical: 0.7 },
  },
  waitingWithNoSlots: 'critical',
};

export const STATUS_MARKS: Record<Status, string> = {
  ok: ':large_green_circle:',
  warn: ':large_yellow_circle:',
  critical: ':red_circle:',
  none: '',
};

/** The emoji for a status; empty for 'none'. */
export function markOf(status: Status): string {
  return STATUS_MARKS[status];
}

const RANK: Record<Status, number> = { none: 0, ok: 1, warn: 2, critical: 3 };

/** The more severe of two statuses. */
export function worstOf(a: Status, b: Status): Status {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The SLA status of one value. `context` holds the other metrics of the same row: the rule
 * "conversations waiting with 0 available slots" needs `availableSlots` next to the queue length.
 * A field without a threshold, or an absent value, is 'none'.
 */
export function statusOf(
  field: MetricField,
  value: number | undefined,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  context: KmmMetrics = {},
): Status {
  if (value === undefined || !Number.isFinite(value) || value < 0) return 'none';
  if (field === 'unassignedConversations') {
    const slots = context.availableSlots;
    if (value === 0) return 'ok';
    if (slots === undefined || !Number.isFinite(slots) || slots < 0) return 'none';
    return slots <= 0 ? thresholds.waitingWithNoSlots : 'ok';
  }
  const t = thresholds.byField[field];
  if (!t) return 'none';
  if (t.worse === 'higher') {
    if (value >= t.critical) return 'critical';
    return value >= t.warn ? 'warn' : 'ok';
  }
  if (value < t.critical) return 'critical';
  return value < t.warn ? 'warn' : 'ok';
}
