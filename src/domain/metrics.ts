/**
 * The metrics Queue Pulse reports, by the name the product gives them, with their units. The
 * LivePerson mapper turns wire fields into these; nothing past it reads a LivePerson field name.
 */

import type { NumberUnit } from '../shared/number-format';

/** count: whole numbers; duration: milliseconds; ratio: 0..1 (a load can exceed 1). */
export type MetricUnit = NumberUnit;

export const METRIC_UNITS = {
  /** Conversations waiting in a queue, no agent assigned yet. */
  waiting: 'count',
  /** Waiting conversations past their SLA. */
  overdueInQueue: 'count',
  queueWaitP50: 'duration',
  queueWaitP90: 'duration',
  agentsOnline: 'count',
  agentsBackSoon: 'count',
  agentsAway: 'count',
  /** Free conversation slots of the agents online. */
  freeSlots: 'count',
  humanLoad: 'ratio',
  closed: 'count',
  closedByAgent: 'count',
  closedByConsumer: 'count',
  autoClosed: 'count',
  avgWait: 'duration',
  avgWaitFirstResponse: 'duration',
  avgTimeToResponse: 'duration',
  csat: 'ratio',
  /** Bots online; agentsOnline, agentsBackSoon, agentsAway and freeSlots count humans once split. */
  botsOnline: 'count',
  /** Free conversation slots of the bots online. */
  botFreeSlots: 'count',
} as const satisfies Record<string, MetricUnit>;

export type MetricId = keyof typeof METRIC_UNITS;
export const METRIC_IDS = Object.keys(METRIC_UNITS) as MetricId[];

/** Figures derived from two answers (everyone, bots only), never read from one LivePerson field. */
export const DERIVED_METRICS = ['botsOnline', 'botFreeSlots'] as const;
export type DerivedMetricId = (typeof DERIVED_METRICS)[number];
/** Metrics one LivePerson field answers. */
export type SourceMetricId = Exclude<MetricId, DerivedMetricId>;
export const SOURCE_METRIC_IDS = METRIC_IDS.filter(
  (m): m is SourceMetricId => !(DERIVED_METRICS as readonly string[]).includes(m),
);

/** Values by metric; a metric not asked for, or not returned, is absent. */
export type MetricValues = Partial<Record<MetricId, number>>;

/** The unit a metric is measured in. */
export function unitOf(metric: MetricId): MetricUnit {
  return METRIC_UNITS[metric];
}

/** One skill or agent group with its values. */
export interface MetricRow {
  id: string;
  /** The name the data source gave it; null when it could not name the id. */
  name: string | null;
  values: MetricValues;
}

/** What a metrics question returned: filter-wide totals and/or one row per skill or group. */
export interface MetricsAnswer {
  /** Totals over the whole filter (the account, a skill, a group and its sub-groups). */
  totals?: MetricValues;
  rows: MetricRow[];
  /** How many rows exist in all (across pages). */
  count: number;
  /** More rows exist than the source's paging can reach: only those were returned. */
  truncated?: boolean;
}
