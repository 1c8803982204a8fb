/**
 * The headline line every report opens with: one status mark and the few figures that say
 * whether to act now ("🔴 3 waiting, p90 wait 13m 30s (target 2m), no free human slots"). The
 * report's top-level text starts with it too, so notifications and screen readers lead with it.
 */
import type { HeadlineFact, RankingHeadline, ScopeHeadline } from '../../domain/headline';
import type { AgentsCounted } from '../../domain/humans';
import type { AgentsReport } from '../../domain/agents';
import type { Audience } from '../../domain/audience';
import type { Report } from '../../domain/report';
import { formatCount, formatPercent } from '../../shared/number-format';
import { section } from './blocks';
import { formatMetric } from './format';
import { displayName, markOf } from './marks';
import { safeText } from './mrkdwn';
import { rankSubject } from './ranking-titles';
import { limitText } from './rule-text';
import { trendHeadlineText } from './trend-text';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "human" slots, "bot" slots, or plain slots (bots included) when they could not be told apart. */
const WHO: Record<AgentsCounted, { slot: string; one: string; suffix: string }> = {
  humans: { slot: 'human ', one: 'human', suffix: '' },
  bots: { slot: 'bot ', one: 'bot', suffix: '' },
  everyone: { slot: '', one: 'agent', suffix: ' (bots included)' },
};

function factText(fact: HeadlineFact, agents: AgentsCounted): string {
  const { slot, one, suffix } = WHO[agents];
  const target = fact.target === undefined ? '' : ` (target ${limitText(fact.metric, fact.target)})`;
  switch (fact.metric) {
    case 'waiting':
      return fact.value === 0 ? 'nobody waiting' : `${formatCount(fact.value)} waiting`;
    case 'queueWaitP90':
      return `p90 wait ${formatMetric('queueWaitP90', fact.value)}${target}`;
    case 'overdueInQueue':
      return `${formatCount(fact.value)} overdue`;
    case 'freeSlots':
      return fact.value === 0
        ? `no free ${slot}slots${suffix}`
        : `${plural(fact.value, `free ${slot}slot`)}${suffix}`;
    case 'humanLoad': {
      // The target is said only once it is passed: "load 62%" needs no footnote.
      const passed = fact.status === 'warn' || fact.status === 'critical';
      return `human load ${formatMetric('humanLoad', fact.value)}${passed ? target : ''}`;
    }
    case 'agentsOnline':
      if (fact.value === 0) return agents === 'bots' ? 'no bots online' : `nobody online${suffix}`;
      return `${plural(fact.value, one)} online${suffix}`;
    default:
      return `${formatMetric(fact.metric, fact.value)}`;
  }
}

function withMark(status: ScopeHeadline['status'], text: string): string {
  const mark = markOf(status);
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return mark ? `${mark} ${sentence}` : sentence;
}

function scopeText(headline: ScopeHeadline, agents: AgentsCounted): string {
  if (headline.facts.length === 0) return 'No live figures came back for this report.';
  const parts = headline.facts.map((f) => factText(f, agents));
  const past = headline.skillsPastTarget;
  if (past) parts.push(`${plural(past, 'skill')} past target`);
  return withMark(headline.status, parts.join(', '));
}

function rankingText(report: Extract<Report, { kind: 'ranking' }>, headline: RankingHeadline): string {
  const dims = report.dimension === 'skills' ? ['skill', 'skills'] : ['group', 'groups'];
  const [one, many] = dims as [string, string];
  const worst = headline.worst;
  const name = worst
    ? `*${safeText(displayName(report.dimension === 'skills' ? 'skill' : 'group', worst.id, worst.name), 60)}* ${formatMetric(report.metric, worst.value)}`
    : '';
  const what = rankSubject(report.by, report.metric);
  if (!worst) return `No ${many} returned ${what} for this window.`;
  // A source-sorted ranking fetched one page: the counts are of the rows shown, and say so.
  const shown = report.rows.length < report.available ? ' shown' : '';
  const rated = plural(headline.rated, one, many) + shown;
  if (headline.rated === 0)
    return worst.value === 0 ? `No ${many}${shown} show any ${what}.` : `Top by ${what}: ${name}`;
  if (headline.breaching === 0) {
    const all = headline.rated === 1 ? rated : `all ${rated}`;
    return withMark(headline.status, `${all} within target on ${what} · top: ${name}`);
  }
  return withMark(
    headline.status,
    `${formatCount(headline.breaching)} of ${rated} past target on ${what} · worst: ${name}`,
  );
}

/** Whom an agent list counts, by the audience asked: bots, human agents, or agents (both). */
export function agentsWord(audience: Audience | undefined, n: number): string {
  const one = audience === 'bots' ? 'bot' : audience === 'humans' ? 'human agent' : 'agent';
  return n === 1 ? one : `${one}s`;
}

/** "34 agents logged in, 5 people online · busiest: *Ann Chen* at 133% (3 of 3 slots)". */
function agentsText(report: AgentsReport): string {
  const { total, humansOnline, busiest } = report.headline;
  const audience = report.query.audience;
  if (total === 0) return `No ${agentsWord(audience, 0)} logged in right now.`;
  const parts = [`${formatCount(total)} ${agentsWord(audience, total)} logged in`];
  if (humansOnline !== undefined) parts.push(`${plural(humansOnline, 'person', 'people')} online`);
  let text = parts.join(', ');
  if (busiest?.load !== undefined) {
    const slots =
      busiest.assigned !== undefined && busiest.maxSlots !== undefined
        ? ` (${formatCount(busiest.assigned)} of ${plural(busiest.maxSlots, 'slot')})`
        : '';
    const name = safeText(displayName('agent', busiest.id, busiest.name), 60);
    text += ` · busiest: *${name}* at ${formatPercent(busiest.load)}${slots}`;
  }
  return text;
}

/** The headline as escaped mrkdwn. */
export function headlineText(report: Report): string {
  switch (report.kind) {
    case 'ranking':
      return rankingText(report, report.headline);
    case 'agents':
      return agentsText(report);
    case 'trend':
      return trendHeadlineText(report);
    default:
      return scopeText(report.headline, report.agents);
  }
}

/** The headline as the section right under the report's header. */
export function headlineSection(report: Report) {
  return section(headlineText(report), 'headline');
}
