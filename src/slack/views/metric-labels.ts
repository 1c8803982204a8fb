/** Every metric's full name, as chart titles and axes print it (the KPI fields use shorter labels). */
import type { MetricId } from '../../domain/metrics';

export const METRIC_LABELS: Record<MetricId, string> = {
  waiting: 'Waiting in queue',
  overdueInQueue: 'Overdue in queue',
  queueWaitP50: 'Queue wait p50',
  queueWaitP90: 'Queue wait p90',
  agentsOnline: 'Online',
  agentsBackSoon: 'Back soon',
  agentsAway: 'Away',
  freeSlots: 'Free slots',
  humanLoad: 'Human load',
  closed: 'Closed',
  closedByAgent: 'Closed by agent',
  closedByConsumer: 'Closed by consumer',
  autoClosed: 'Auto-closed',
  avgWait: 'Avg wait',
  avgWaitFirstResponse: 'Avg wait (first response)',
  avgTimeToResponse: 'Avg time to response',
  csat: 'CSAT',
  botsOnline: 'Bots online',
  botFreeSlots: 'Free bot slots',
};
