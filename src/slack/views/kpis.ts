/**
 * The KPI sections of a skill, group or overview report: queue now, agents, and the period.
 */
import type { SectionBlock } from '@slack/types';
import type { Kpi, KpiMetric, Kpis } from '../../domain/report';
import type { ResolvedWindow } from '../../domain/window';
import { fieldsSection } from './blocks';
import { formatMetric } from './format';
import { markOf } from './marks';
import { METRIC_LABELS } from './metric-labels';
import { safeText } from './mrkdwn';
import { windowLabel } from './window-text';

/**
 * The labels of the KPI fields: each metric's own name, shortened only where the field sits under
 * a heading that already says it ("Closed: by agent · by consumer · auto").
 */
export const KPI_LABELS: Record<KpiMetric, string> = {
  ...METRIC_LABELS,
  closedByAgent: 'by agent',
  closedByConsumer: 'by consumer',
  autoClosed: 'auto',
  avgWaitFirstResponse: 'First response',
  avgTimeToResponse: 'Time to response',
};

/** A KPI's value as printed. */
export function kpiText(kpis: Kpis, metric: KpiMetric): string {
  return formatMetric(metric, kpis[metric].value);
}

function withMark(kpi: Kpi, label: string): string {
  const mark = markOf(kpi.status);
  return mark ? `${mark} *${label}*` : `*${label}*`;
}

/** One field: status mark, bold label, value on the next line. */
export function kpiField(kpis: Kpis, metric: KpiMetric): string {
  return `${withMark(kpis[metric], KPI_LABELS[metric])}\n${kpiText(kpis, metric)}`;
}

/** The three KPI sections, fields grouped as a lead scans them. */
export function kpiSections(kpis: Kpis, window: ResolvedWindow): SectionBlock[] {
  const queue = fieldsSection('*Queue now*', [
    kpiField(kpis, 'waiting'),
    kpiField(kpis, 'overdueInQueue'),
    kpiField(kpis, 'queueWaitP50'),
    kpiField(kpis, 'queueWaitP90'),
  ]);
  const presence =
    `*Online / back soon / away*\n` +
    `${kpiText(kpis, 'agentsOnline')} / ${kpiText(kpis, 'agentsBackSoon')} / ${kpiText(kpis, 'agentsAway')}`;
  const agents = fieldsSection('*Agents*', [
    presence,
    kpiField(kpis, 'freeSlots'),
    kpiField(kpis, 'humanLoad'),
  ]);
  const closedBy = (['closedByAgent', 'closedByConsumer', 'autoClosed'] as const)
    .map((m) => `${KPI_LABELS[m]} ${kpiText(kpis, m)}`)
    .join(' · ');
  const period = fieldsSection(`*Period* · ${safeText(windowLabel(window), 60)}`, [
    `${kpiField(kpis, 'closed')}\n_${closedBy}_`,
    kpiField(kpis, 'avgWait'),
    kpiField(kpis, 'avgWaitFirstResponse'),
    kpiField(kpis, 'avgTimeToResponse'),
    kpiField(kpis, 'csat'),
  ]);
  return [queue, agents, period];
}

/** A one-line summary for notifications: "12 waiting, queue wait p90 6m 12s, …". */
export function kpiSummary(kpis: Kpis): string {
  return [
    `${kpiText(kpis, 'waiting')} waiting`,
    `${kpiText(kpis, 'overdueInQueue')} overdue`,
    `queue wait p90 ${kpiText(kpis, 'queueWaitP90')}`,
    `${kpiText(kpis, 'agentsOnline')} online`,
    `human load ${kpiText(kpis, 'humanLoad')}`,
    `CSAT ${kpiText(kpis, 'csat')}`,
  ].join(', ');
}
