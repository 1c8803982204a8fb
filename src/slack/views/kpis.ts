/**
 * The KPI sections of a skill, group or overview report: queue now, agents, and the period.
 */
import type { SectionBlock } from '@slack/types';
import { safeText } from './mrkdwn';
import type { ResolvedWindow } from '../../domain/window';
import { windowLabel } from './window-text';
import type { Kpi, KpiField, Kpis } from '../../domain/report';
import { markOf } from '../../domain/thresholds';
import { fieldsSection } from './blocks';

/** Short labels as a lead reads them; the full names live in METRICS. */
export const KPI_LABELS: Record<KpiField, string> = {
  unassignedConversations: 'Waiting in queue',
  overdueConversationsInQueue: 'Overdue in queue',
  queueWaitTime50thPercentile: 'Queue wait p50',
  queueWaitTime90thPercentile: 'Queue wait p90',
  onlineAgents: 'Online',
  backSoonAgents: 'Back soon',
  awayAgents: 'Away',
  availableSlots: 'Available slots',
  humanAgentLoad: 'Human load',
  closedConversations: 'Closed',
  closedByAgent: 'by agent',
  closedByConsumer: 'by consumer',
  autoClosed: 'auto',
  avgWaitTime: 'Avg wait',
  avgWaitTimeFirstResponse: 'First response',
  avgTimeToResponse: 'Time to response',
  csat: 'CSAT',
};

function withMark(kpi: Kpi, label: string): string {
  const mark = markOf(kpi.status);
  return mark ? `${mark} *${label}*` : `*${label}*`;
}

/** One field: status mark, bold label, value on the next line. */
export function kpiField(kpis: Kpis, field: KpiField): string {
  return `${withMark(kpis[field], KPI_LABELS[field])}\n${kpis[field].text}`;
}

/** The three KPI sections, fields grouped as a lead scans them. */
export function kpiSections(kpis: Kpis, window: ResolvedWindow): SectionBlock[] {
  const queue = fieldsSection('*Queue now*', [
    kpiField(kpis, 'unassignedConversations'),
    kpiField(kpis, 'overdueConversationsInQueue'),
    kpiField(kpis, 'queueWaitTime50thPercentile'),
    kpiField(kpis, 'queueWaitTime90thPercentile'),
  ]);
  const presence =
    `*Online / back soon / away*\n` +
    `${kpis.onlineAgents.text} / ${kpis.backSoonAgents.text} / ${kpis.awayAgents.text}`;
  const agents = fieldsSection('*Agents*', [
    presence,
    kpiField(kpis, 'availableSlots'),
    kpiField(kpis, 'humanAgentLoad'),
  ]);
  const closedBy = (['closedByAgent', 'closedByConsumer', 'autoClosed'] as const)
    .map((f) => `${KPI_LABELS[f]} ${kpis[f].text}`)
    .join(' · ');
  const period = fieldsSection(`*Period* · ${safeText(windowLabel(window), 60)}`, [
    `${kpiField(kpis, 'closedConversations')}\n_${closedBy}_`,
    kpiField(kpis, 'avgWaitTime'),
    kpiField(kpis, 'avgWaitTimeFirstResponse'),
    kpiField(kpis, 'avgTimeToResponse'),
    kpiField(kpis, 'csat'),
  ]);
  return [queue, agents, period];
}

/** A one-line summary for notifications: "12 waiting, queue wait p90 6m 12s, …". */
export function kpiSummary(kpis: Kpis): string {
  return [
    `${kpis.unassignedConversations.text} waiting`,
    `${kpis.overdueConversationsInQueue.text} overdue`,
    `queue wait p90 ${kpis.queueWaitTime90thPercentile.text}`,
    `${kpis.onlineAgents.text} online`,
    `human load ${kpis.humanAgentLoad.text}`,
    `CSAT ${kpis.csat.text}`,
  ].join(', ');
}
