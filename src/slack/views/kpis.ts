/**
 * The KPI sections of a skill, group or overview report: queue now, people, and the period. Each
 * mark names the threshold behind it; a value that did not come back reads "—" (CSAT with no
 * answers reads "no answers") and carries no mark; agents are people first, bots on a line of
 * their own.
 */
import type { SectionBlock } from '@slack/types';
import type { AgentsCounted } from '../../domain/humans';
import type { Audience } from '../../domain/audience';
import type { Comparison, Kpi, KpiMetric, Kpis } from '../../domain/report';
import type { ResolvedWindow } from '../../domain/window';
import { formatCount } from '../../shared/number-format';
import { fieldsSection, section } from './blocks';
import { metricText } from './format';
import { markOf } from './marks';
import { METRIC_LABELS } from './metric-labels';
import { safeText } from './mrkdwn';
import { ruleNote } from './rule-text';
import { windowLabel } from './window-text';
import { compactChanges, comparisonLine, comparisonNote } from './compare-text';

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
  return metricText(metric, kpis[metric].value);
}

function withMark(kpi: Kpi, label: string): string {
  const mark = markOf(kpi.status);
  return mark ? `${mark} *${label}*` : `*${label}*`;
}

/** One field: status mark, bold label, value on the next line with the threshold behind the mark. */
export function kpiField(kpis: Kpis, metric: KpiMetric, label: string = KPI_LABELS[metric]): string {
  const kpi = kpis[metric];
  return `${withMark(kpi, label)}\n${kpiText(kpis, metric)}${ruleNote(kpi, metric)}`;
}

/** Who the agent figures count: people unless the query asked for bots. */
/** The words for whom the figures count; "everyone" only when LivePerson's bots answer was missing. */
const AGENT_WORDS: Record<AgentsCounted, { online: string; slots: string }> = {
  humans: { online: 'Humans online / back soon / away', slots: 'Free human slots' },
  bots: { online: 'Bots online / back soon / away', slots: 'Free bot slots' },
  everyone: {
    online: 'Online / back soon / away (humans and bots)',
    slots: 'Free slots (humans and bots)',
  },
};

function queueSection(kpis: Kpis): SectionBlock {
  return fieldsSection('*Queue now*', [
    kpiField(kpis, 'waiting'),
    kpiField(kpis, 'overdueInQueue'),
    kpiField(kpis, 'queueWaitP50'),
    kpiField(kpis, 'queueWaitP90'),
  ]);
}

/** The bots' own line, when any are online (only when the humans were split from them). */
function botLine(kpis: Kpis): string | undefined {
  const bots = kpis.botsOnline.value;
  if (bots === undefined || bots === 0) return undefined;
  const slots = kpis.botFreeSlots.value;
  const slotText =
    slots === undefined ? '' : `, ${formatCount(slots)} free ${slots === 1 ? 'slot' : 'slots'}`;
  return `_+ ${formatCount(bots)} ${bots === 1 ? 'bot' : 'bots'} online${slotText}_`;
}

function agentsSection(kpis: Kpis, agents: AgentsCounted, audience: Audience | undefined): SectionBlock {
  const words = AGENT_WORDS[agents];
  const presence =
    `*${words.online}*\n` +
    `${kpiText(kpis, 'agentsOnline')} / ${kpiText(kpis, 'agentsBackSoon')} / ${kpiText(kpis, 'agentsAway')}`;
  const fields = [presence, kpiField(kpis, 'freeSlots', words.slots)];
  if (audience !== 'bots') fields.push(kpiField(kpis, 'humanLoad'));
  const bots = agents === 'humans' && audience === undefined ? botLine(kpis) : undefined;
  if (bots) fields.push(`*Bots*\n${bots}`);
  return fieldsSection('*Agents*', fields);
}

function periodSection(
  kpis: Kpis,
  window: ResolvedWindow,
  comparisons?: readonly Comparison[],
): SectionBlock {
  // A window past LivePerson's 14 days was never asked: the title says so, the fields leave it out.
  const shown = (comparisons ?? []).filter((c) => c.missing !== 'beyond-retention');
  const compared = (metric: KpiMetric) =>
    shown.length ? `\n_${comparisonLine(metric, kpis[metric].value, shown)}_` : '';
  const closedBy = (['closedByAgent', 'closedByConsumer', 'autoClosed'] as const)
    .map((m) => `${KPI_LABELS[m]} ${kpiText(kpis, m)}${compactChanges(m, kpis[m].value, shown)}`)
    .join(' · ');
  const note = comparisons?.length ? ` · _${comparisonNote(comparisons)}_` : '';
  return fieldsSection(`*Period* · ${safeText(windowLabel(window), 60)}${note}`, [
    `${kpiField(kpis, 'closed')}${compared('closed')}\n_${closedBy}_`,
    ...(['avgWait', 'avgWaitFirstResponse', 'avgTimeToResponse', 'csat'] as const).map(
      (m) => `${kpiField(kpis, m)}${compared(m)}`,
    ),
  ]);
}

/** Why a group report has no queue block, and what its figures count. */
export function groupScopeSection(): SectionBlock {
  return section(
    '*Queue* · _Conversations wait for skills, not agent groups: see `/queue skills by queue`. ' +
      'The figures below count the agents of this group and of its sub-groups._',
    'group_scope',
  );
}

export interface KpiSectionOptions {
  audience?: Audience;
  /** Whom the agent figures count. */
  agents: AgentsCounted;
  /** An agent group has no queue of its own. */
  scope: 'queue' | 'group';
  /** The period KPIs in earlier windows, shown beside each period field. */
  comparisons?: readonly Comparison[];
}

/** The KPI sections, fields grouped as a lead scans them. */
export function kpiSections(kpis: Kpis, window: ResolvedWindow, opts: KpiSectionOptions): SectionBlock[] {
  const first = opts.scope === 'queue' ? queueSection(kpis) : groupScopeSection();
  return [
    first,
    agentsSection(kpis, opts.agents, opts.audience),
    periodSection(kpis, window, opts.comparisons),
  ];
}
