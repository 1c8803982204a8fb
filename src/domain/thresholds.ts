/**
 * SLA status per metric: which values deserve a yellow or red mark. Thresholds are data (a lead can
 * tune them per deployment); the defaults follow common contact-center practice. The marks
 * themselves (emoji) are the views' business.
 */
import type { MetricId, MetricValues } from './metrics';

export type Status = 'ok' | 'warn' | 'critical' | 'none';

/** One metric's limits. `higher`: values at or above the limit are bad; `lower`: values below it are. */
export interface Threshold {
  worse: 'higher' | 'lower';
  warn: number;
  critical: number;
}

export interface Thresholds {
  /** Limits by metric. Durations in ms; loads and CSAT on the 0..1 scale. */
  byMetric: Partial<Record<MetricId, Threshold>>;
  /** Conversations waiting while no agent slot is free: nobody will pick them up. */
  waitingWithNoSlots: Exclude<Status, 'none'>;
}

const MINUTE = 60_000;

export const DEFAULT_THRESHOLDS: Thresholds = {
  byMetric: {
    queueWaitP90: { worse: 'higher', warn: 2 * MINUTE, critical: 5 * MINUTE },
    avgWait: { worse: 'higher', warn: 1 * MINUTE, critical: 3 * MINUTE },
    overdueInQueue: { worse: 'higher', warn: 1, critical: 5 },
    humanLoad: { worse: 'higher', warn: 0.85, critical: 0.95 },
    csat: { worse: 'lower', warn: 0.8, critical: 0.7 },
  },
  waitingWithNoSlots: 'critical',
};

const RANK: Record<Status, number> = { none: 0, ok: 1, warn: 2, critical: 3 };

/** The more severe of two statuses. */
export function worstOf(a: Status, b: Status): Status {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * The SLA status of one value. `context` holds the other values of the same row: the rule
 * "conversations waiting with no free slot" needs `freeSlots` next to `waiting`. A metric without
 * a threshold, or an absent value, is 'none'.
 */
export function statusOf(
  metric: MetricId,
  value: number | undefined,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  context: MetricValues = {},
): Status {
  if (value === undefined || !Number.isFinite(value) || value < 0) return 'none';
  if (metric === 'waiting') {
    const slots = context.freeSlots;
    if (value === 0) return 'ok';
    if (slots === undefined || !Number.isFinite(slots) || slots < 0) return 'none';
    return slots <= 0 ? thresholds.waitingWithNoSlots : 'ok';
  }
  const t = thresholds.byMetric[metric];
  if (!t) return 'none';
  if (t.worse === 'higher') {
    if (value >= t.critical) return 'critical';
    return value >= t.warn ? 'warn' : 'ok';
  }
  if (value < t.critical) return 'critical';
  return value < t.warn ? 'warn' : 'ok';
}
