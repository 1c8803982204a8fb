/**
 * The figures a report is made of: the KPIs a skill, group or overview shows, each with its
 * status and the rule behind it, and a ranked row. Pure types the report model and its headline
 * both read (kept apart so neither imports the other).
 */
import type { MetricId, MetricValues } from './metrics';
import type { Rule, Status } from './thresholds';

/** The KPIs a skill, group or overview report shows. */
export const KPI_METRICS = [
  'waiting',
  'overdueInQueue',
  'queueWaitP50',
  'queueWaitP90',
  'agentsOnline',
  'agentsBackSoon',
  'agentsAway',
  'freeSlots',
  'humanLoad',
  'closed',
  'closedByAgent',
  'closedByConsumer',
  'autoClosed',
  'avgWait',
  'avgWaitFirstResponse',
  'avgTimeToResponse',
  'csat',
  'botsOnline',
  'botFreeSlots',
] as const satisfies readonly MetricId[];
export type KpiMetric = (typeof KPI_METRICS)[number];

/** One KPI: the value (absent when the source did not return it), its SLA status and what drove it. */
export interface Kpi {
  value: number | undefined;
  status: Status;
  rule?: Rule;
}
export type Kpis = Record<KpiMetric, Kpi>;

export interface RankRow {
  /** 1-based position in the whole ranking. */
  rank: number;
  id: string;
  /** The source's name for it, or null when it had none (the view says "Unnamed skill (id)"). */
  name: string | null;
  value: number | undefined;
  status: Status;
  /** What drove the status (named beside the mark). */
  rule?: Rule;
  values: MetricValues;
}
