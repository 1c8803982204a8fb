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
 * What drove a status, so a mark can name its threshold ("over the 2m target"). `limit` is the
 * threshold at the level reached: the target (warn level) when the value is within it or just past
 * it, the critical limit once that is crossed.
 */
export type Rule =
  | {
      kind: 'threshold';
      metric: MetricId;
      worse: Threshold['worse'];
      limit: number;
      /** The value is on the bad side of `limit`. */
      breached: boolean;
      /** The status the limit gives: the target (warn) or the critical limit. */
      status: Exclude<Status, 'none'>;
    }
  /** Conversations wait and no agent slot is free: nobody will pick them up. */
  | { kind: 'no-free-slots' };

export interface Verdict {
  status: Status;
  /** Absent when no threshold applies (no data, no threshold, or nobody waiting). */
  rule?: Rule;
}

const NONE: Verdict = { status: 'none' };

/** A value a metric can have: every metric is a count, duration or ratio, never negative. */
export function isMetricValue(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v) && v >= 0;
}

function limitVerdict(metric: MetricId, value: number, t: Threshold): Verdict {
  const bad = (limit: number) => (t.worse === 'higher' ? value >= limit : value < limit);
  const rule = (limit: number, status: Exclude<Status, 'none'>): Rule => ({
    kind: 'threshold',
    metric,
    worse: t.worse,
    limit,
    breached: status !== 'ok',
    status,
  });
  if (bad(t.critical)) return { status: 'critical', rule: rule(t.critical, 'critical') };
  if (bad(t.warn)) return { status: 'warn', rule: rule(t.warn, 'warn') };
  return { status: 'ok', rule: rule(t.warn, 'ok') };
}

/** The worse of two verdicts; on a tie the first, which keeps the rule a caller listed first. */
function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return RANK[b.status] > RANK[a.status] ? b : a;
}

/**
 * Conversations waiting are rated by what a lead acts on: no free slot to take them, and how long
 * the queue has waited (p90) or how many are overdue. Free slots alone never make a long queue green.
 */
function waitingVerdict(value: number, thresholds: Thresholds, context: MetricValues): Verdict {
  if (value === 0) return { status: 'ok' };
  const candidates: Verdict[] = [];
  // A free slot says nothing about how long people have waited: only its absence rates the queue.
  const slots = context.freeSlots;
  if (isMetricValue(slots) && slots <= 0)
    candidates.push({ status: thresholds.waitingWithNoSlots, rule: { kind: 'no-free-slots' } });
  for (const metric of ['queueWaitP90', 'overdueInQueue'] as const) {
    const v = context[metric];
    const t = thresholds.byMetric[metric];
    if (isMetricValue(v) && t) candidates.push(limitVerdict(metric, v, t));
  }
  if (candidates.length === 0) return NONE;
  return candidates.reduce(worseVerdict);
}

/**
 * The SLA verdict of one value. `context` holds the other values of the same row: a queue is
 * rated with the free slots and the queue wait beside it. A metric without a threshold, or an
 * absent value (not returned, or a ratio with nothing under it), is 'none': no data is not zero.
 */
export function verdictOf(
  metric: MetricId,
  value: number | undefined,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  context: MetricValues = {},
): Verdict {
  if (!isMetricValue(value)) return NONE;
  if (metric === 'waiting') return waitingVerdict(value, thresholds, context);
  const t = thresholds.byMetric[metric];
  return t ? limitVerdict(metric, value, t) : NONE;
}

/** The status alone of verdictOf. */
export function statusOf(
  metric: MetricId,
  value: number | undefined,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  context: MetricValues = {},
): Status {
  return verdictOf(metric, value, thresholds, context).status;
}
