/**
 * renderReport: a Report as a Slack message. Skill and group reports show their KPIs; the
 * overview adds the skills with the most conversations waiting; rankings and agent lists page
 * their rows.
 */
import type { KnownBlock } from '@slack/types';
import { formatCount } from '../../shared/number-format';
import { durationText, formatMetric } from './format';
import { safeText } from './mrkdwn';
import type { AgentsCounted } from '../../domain/humans';
import type { Audience } from '../../domain/audience';
import type { Comparison, GroupReport, OverviewReport, Report, SkillReport } from '../../domain/report';
import { displayName, markOf } from './marks';
import { header, lineSections } from './blocks';
import { reportFooter as footer } from './context-line';
import { kpiSections } from './kpis';
import { headlineSection, headlineText } from './headline';
import { ruleNote } from './rule-text';
import type { ReportChart, SlackMessage } from './message';
import { fallbackText, responseTypeOf } from './message';
import { renderRanking } from './ranking';
import { renderAgents } from './agents';
import { renderTrend } from './trend';
import { windowLabel } from './window-text';
import { reportActions, type ActionOptions } from './report-actions';
import { sharedByBlock } from './shared';

export interface RenderOptions {
  chart?: ReportChart;
  /** Ranking rows per page (default: the query's `top`, at most 50). */
  pageSize?: number;
  /** The buttons under the report (default: all that apply); false: none (a preview, a test). */
  actions?: ActionOptions | false;
  /** A copy posted for everyone by this user ("Shared by @user"). */
  sharedBy?: string;
}

/** The last blocks of every report: who shared it, then its buttons. */
function tail(report: Report, opts: RenderOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (opts.sharedBy) blocks.push(sharedByBlock(opts.sharedBy));
  if (opts.actions !== false)
    blocks.push(
      reportActions(report, { ...(opts.sharedBy ? { sharedBy: opts.sharedBy } : {}), ...opts.actions }),
    );
  return blocks;
}

/** Width a name may take in a header, leaving room for the kind and the window label. */
const HEADER_NAME_WIDTH = 90;
const GROUP_SUFFIX = ' (with sub-groups)';

function kpiOptionsOf(report: SkillReport | GroupReport | OverviewReport): {
  audience?: Audience;
  agents: AgentsCounted;
  comparisons?: Comparison[];
} {
  return {
    agents: report.agents,
    ...(report.query.audience ? { audience: report.query.audience } : {}),
    ...(report.comparisons ? { comparisons: report.comparisons } : {}),
  };
}

function scopeTitle(report: SkillReport | GroupReport): string {
  // A group's header also says "(with sub-groups)": its name gives up that room, not the window.
  const width = report.kind === 'skill' ? HEADER_NAME_WIDTH : HEADER_NAME_WIDTH - GROUP_SUFFIX.length;
  const name = safeText(displayName(report.kind, report.id, report.name), width);
  const label = safeText(windowLabel(report.window), 40);
  return report.kind === 'skill' ? `Skill ${name} · ${label}` : `Group ${name}${GROUP_SUFFIX} · ${label}`;
}

function renderScope(report: SkillReport | GroupReport, opts: RenderOptions): SlackMessage {
  const chart = opts.chart;
  const title = scopeTitle(report);
  const scope = report.kind === 'skill' ? 'queue' : 'group';
  const blocks: KnownBlock[] = [
    header(title),
    headlineSection(report),
    ...kpiSections(report.kpis, report.window, { scope, ...kpiOptionsOf(report) }),
    ...footer(report, chart),
    ...tail(report, opts),
  ];
  return {
    text: fallbackText(`${headlineText(report)} · ${title}`),
    blocks,
    response_type: responseTypeOf(report.query),
  };
}

function waitingLines(report: OverviewReport): string[] {
  if (report.topWaiting.length === 0) return ['No conversations are waiting in any skill.'];
  const lines = report.topWaiting.map((row) => {
    const mark = markOf(row.status);
    const p90 = row.values.queueWaitP90;
    const wait = p90 === undefined ? '' : ` · p90 ${durationText(p90)}`;
    const why = ruleNote(row, 'waiting');
    const name = safeText(displayName('skill', row.id, row.name), 60);
    return `${row.rank}. ${mark ? `${mark} ` : ''}*${name}* — ${formatMetric('waiting', row.value)} waiting${wait}${why}`;
  });
  const more = report.skillsWaiting - report.topWaiting.length;
  if (more > 0)
    lines.push(
      `_…and ${formatCount(more)} more ${more === 1 ? 'skill' : 'skills'} with conversations waiting_`,
    );
  return lines;
}

function renderOverview(report: OverviewReport, opts: RenderOptions): SlackMessage {
  const chart = opts.chart;
  const title = `Queue overview · ${safeText(windowLabel(report.window), 60)}`;
  const blocks: KnownBlock[] = [
    header(title),
    headlineSection(report),
    ...kpiSections(report.kpis, report.window, { scope: 'queue', ...kpiOptionsOf(report) }),
    ...lineSections(['*Most conversations waiting*', ...waitingLines(report)], 'top_waiting'),
    ...footer(report, chart),
    ...tail(report, opts),
  ];
  const top = report.topWaiting
    .slice(0, 3)
    .map((r) => `${safeText(displayName('skill', r.id, r.name), 60)} ${formatMetric('waiting', r.value)}`)
    .join(', ');
  return {
    text: fallbackText(`${headlineText(report)} · ${title}${top ? ` · Most waiting: ${top}` : ''}`),
    blocks,
    response_type: responseTypeOf(report.query),
  };
}

/** Renders any report as a Slack message (text fallback, blocks, response type). */
export function renderReport(report: Report, opts: RenderOptions = {}): SlackMessage {
  switch (report.kind) {
    case 'overview':
      return renderOverview(report, opts);
    case 'skill':
    case 'group':
      return renderScope(report, opts);
    case 'ranking':
      return renderRanking(report, { ...opts, tail: tail(report, opts) });
    case 'agents':
      return renderAgents(report, { ...(opts.chart ? { chart: opts.chart } : {}), tail: tail(report, opts) });
    case 'trend':
      return renderTrend(report, opts.chart, tail(report, opts));
  }
}
