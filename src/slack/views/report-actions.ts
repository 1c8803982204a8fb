/**
 * The buttons under a report, so a lead explores by clicks alone: drill down (a skill's agent
 * groups, a group's skills), back to the report a breakdown came from, another window, refresh,
 * share an answer only the asker sees, watch a skill or group on App Home; the overview opens any
 * skill or group from a menu. Every button carries its state as an ActionRef (a query with its
 * resolved id), so it works after a restart, on any instance, a day later.
 */
import type {
  ActionsBlock,
  ActionsBlockElement,
  Overflow,
  PlainTextOption,
  StaticSelect,
} from '@slack/types';
import type { Named } from '../../domain/outcome';
import type {
  AgentsQuery,
  OverviewQuery,
  QueryOptions,
  RankingQuery,
  ReportQuery,
  ScopeQuery,
  TrendQuery,
} from '../../domain/query';
import { DEFAULT_TOP } from '../../domain/query';
import type { Report } from '../../domain/report';
import { HOUR_MS } from '../../domain/time';
import { needsTimezone, type WindowSpec } from '../../domain/window';
import { actionId, encodeActionValue, MAX_OPTION_VALUE, type ActionRef } from '../action-ref';
import { actions, button } from './blocks';
import { LIMITS } from './limits';
import { displayName } from './marks';
import { safeText, truncate } from './mrkdwn';

/** The skills and agent groups the overview's menu offers (from the directory). */
export interface ScopeMenu {
  skills: readonly Named[];
  groups: readonly Named[];
}

export interface ActionOptions {
  /** The overview's "open a skill or group" menu. */
  menu?: ScopeMenu;
  /** This copy was shared already (the asker's copy says so; no second share). */
  shared?: boolean;
  /** The copy everyone sees was shared by this user: its refresh keeps saying so. */
  sharedBy?: string;
}

/**
 * Longest state a report's button carries inline: past it the state goes to the store, so a
 * long skill name repeated in six buttons does not crowd the report out of Slack's size budget.
 */
const MAX_INLINE_VALUE = 300;
const encode = (ref: ActionRef): string => encodeActionValue(ref, MAX_INLINE_VALUE);

/** The windows the picker offers. */
const WINDOW_CHOICES: readonly { label: string; spec: WindowSpec }[] = [
  { label: 'Last hour', spec: { kind: 'last', ms: HOUR_MS } },
  { label: 'Last 4 hours', spec: { kind: 'last', ms: 4 * HOUR_MS } },
  { label: 'Last 8 hours', spec: { kind: 'last', ms: 8 * HOUR_MS } },
  { label: 'Last 24 hours', spec: { kind: 'last', ms: 24 * HOUR_MS } },
  { label: 'Today', spec: { kind: 'today' } },
];

const sameWindow = (a: WindowSpec, b: WindowSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Options every query made from this report keeps: window, audience, visibility. */
function optionsOf(query: QueryOptions, overrides: Partial<QueryOptions> = {}): QueryOptions {
  return {
    window: query.window,
    public: query.public,
    ...(query.audience ? { audience: query.audience } : {}),
    ...overrides,
  };
}

/** The resolved id a run of `query` can skip name matching with. */
function idOf(report: Report): string | undefined {
  if (report.kind === 'skill' || report.kind === 'group' || report.kind === 'agents') return report.id;
  if (report.kind === 'ranking') return report.within?.id;
  if (report.kind === 'trend') return report.scope?.id;
  return undefined;
}

/**
 * A wall-clock window keeps the zone it was read in, whoever clicks: a colleague on a shared
 * "today" sees the asker's today. A window that reads no clock takes the clicker's.
 */
function zoneOf(report: Report): { zone?: string } {
  return needsTimezone(report.query.window) ? { zone: report.window.zone } : {};
}

function run(
  report: Report,
  query: ReportQuery,
  extra: { fresh?: true; page?: number; sharedBy?: string } = {},
): ActionRef {
  const id = idOf(report);
  return {
    kind: 'run',
    query,
    ...(id ? { id } : {}),
    ...zoneOf(report),
    ...(extra.fresh ? { fresh: true } : {}),
    ...(extra.page && extra.page > 1 ? { page: extra.page } : {}),
    // Only a shared (public) copy's own refresh keeps the line; drill-downs are private.
    ...(extra.sharedBy && query.public ? { sharedBy: extra.sharedBy } : {}),
  };
}

/** "By agent group" on a skill, "By skill" on a group: the breakdown, private to the clicker. */
function breakdownOf(report: Report & { kind: 'skill' | 'group' }): RankingQuery {
  return {
    kind: 'ranking',
    // A skill's conversations by the groups that handled them, busiest first; a group's by the
    // skills its agents closed most in.
    dimension: report.kind === 'skill' ? 'groups' : 'skills',
    by: report.kind === 'skill' ? 'load' : 'closed',
    top: DEFAULT_TOP,
    within: { kind: report.kind, name: report.name ?? report.query.name },
    ...optionsOf(report.query, { public: false }),
  };
}

/** The report a breakdown, an agent list or a trend came from, and the button's label. */
function backTo(
  report: Report & { kind: 'ranking' | 'agents' | 'trend' },
): { query: ScopeQuery | OverviewQuery; label: string } | undefined {
  const scope = (kind: 'skill' | 'group', id: string, name: string | null, typed: string | undefined) => ({
    query: { kind, name: name ?? typed ?? id, ...optionsOf(report.query) } satisfies ScopeQuery,
    label: displayName(kind, id, name),
  });
  switch (report.kind) {
    case 'trend':
      if (report.of === 'account' || !report.scope)
        return { query: { kind: 'overview', ...optionsOf(report.query) }, label: 'Overview' };
      return scope(report.of, report.scope.id, report.scope.name, report.query.name);
    case 'agents':
      return scope(report.of, report.id, report.name, report.query.name);
    case 'ranking':
      return report.within
        ? scope(report.within.kind, report.within.id, report.within.name, report.query.within?.name)
        : undefined;
  }
}

/** "Trend" on a skill, group or the overview: closed, concluded and transfers across the window. */
function trendOf(report: Report & { kind: 'skill' | 'group' | 'overview' }): TrendQuery {
  const options = optionsOf(report.query, { public: false });
  if (report.kind === 'overview') return { kind: 'trend', of: 'account', ...options };
  return { kind: 'trend', of: report.kind, name: report.name ?? report.query.name, ...options };
}

/** "Compare": the same report beside the same window yesterday and a week ago. */
function compareOf(report: Report & { kind: 'skill' | 'group' | 'overview' }): ReportQuery {
  return { ...report.query, ...optionsOf(report.query, { public: false }), compare: ['yesterday', 'week'] };
}

/** "Agents" on a skill or group: the people, private to the clicker. */
function agentsOf(report: Report & { kind: 'skill' | 'group' }): AgentsQuery {
  return {
    kind: 'agents',
    of: report.kind,
    name: report.name ?? report.query.name,
    ...optionsOf(report.query, { public: false }),
  };
}

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(text, LIMITS.optionText), emoji: true }, value };
}

function windowPicker(report: Report, sharedBy: string | undefined): StaticSelect {
  const shared = sharedBy ? { sharedBy } : {};
  const opts = WINDOW_CHOICES.map((c) =>
    option(
      c.label,
      encodeActionValue(run(report, { ...report.query, window: c.spec }, shared), MAX_OPTION_VALUE),
    ),
  );
  const current = WINDOW_CHOICES.findIndex((c) => sameWindow(c.spec, report.query.window));
  return {
    type: 'static_select',
    action_id: actionId('run', 'window'),
    placeholder: { type: 'plain_text', text: 'Window' },
    options: opts,
    ...(current >= 0 ? { initial_option: opts[current] } : {}),
  };
}

/** The overview's menu: any skill or agent group, opened over the overview's window. */
function scopeMenu(report: Report, menu: ScopeMenu): StaticSelect | undefined {
  const query = optionsOf(report.query, { public: false });
  const entry = (of: 'skill' | 'group', n: Named): PlainTextOption =>
    option(
      safeText(displayName(of, n.id, n.name), LIMITS.optionText),
      encodeActionValue({ kind: 'open', scope: { of, id: n.id }, query }, MAX_OPTION_VALUE),
    );
  // Slack takes 100 options: skills, then groups, each by name.
  // Both kinds get room: groups keep up to a third of the menu when there are more skills.
  const groupRoom = Math.min(menu.groups.length, Math.floor(LIMITS.selectOptions / 3));
  const skills = menu.skills.slice(0, LIMITS.selectOptions - groupRoom).map((s) => entry('skill', s));
  const groups = menu.groups.slice(0, LIMITS.selectOptions - skills.length).map((g) => entry('group', g));
  const option_groups = [
    ...(skills.length ? [{ label: { type: 'plain_text' as const, text: 'Skills' }, options: skills }] : []),
    ...(groups.length
      ? [{ label: { type: 'plain_text' as const, text: 'Agent groups' }, options: groups }]
      : []),
  ];
  if (option_groups.length === 0) return undefined;
  return {
    type: 'static_select',
    action_id: actionId('open'),
    placeholder: { type: 'plain_text', text: 'Open a skill or group…' },
    option_groups,
  };
}

function watchMenu(report: Report & { kind: 'skill' | 'group' }): Overflow {
  const ref: ActionRef = {
    kind: 'watch',
    scope: { of: report.kind, id: report.id },
    name: report.name ?? report.query.name,
  };
  return {
    type: 'overflow',
    action_id: actionId('watch'),
    options: [option('Watch on App Home', encodeActionValue(ref, MAX_OPTION_VALUE))],
  };
}

/** The actions block under a report. */
export function reportActions(report: Report, opts: ActionOptions = {}): ActionsBlock {
  const elements: ActionsBlockElement[] = [];
  if (report.kind === 'skill' || report.kind === 'group') {
    const label = report.kind === 'skill' ? 'By agent group' : 'By skill';
    elements.push(button(label, actionId('run', 'breakdown'), encode(run(report, breakdownOf(report)))));
  }
  if (report.kind === 'skill' || report.kind === 'group')
    elements.push(button('Agents', actionId('run', 'agents'), encode(run(report, agentsOf(report)))));
  if (report.kind === 'skill' || report.kind === 'group' || report.kind === 'overview') {
    elements.push(button('Trend', actionId('run', 'trend'), encode(run(report, trendOf(report)))));
    if (!report.query.compare?.length)
      elements.push(button('Compare', actionId('run', 'compare'), encode(run(report, compareOf(report)))));
  }
  if (report.kind === 'ranking' || report.kind === 'agents' || report.kind === 'trend') {
    const back = backTo(report);
    if (back)
      elements.push(
        button(`◀ ${safeText(back.label, 60)}`, actionId('run', 'back'), encode(run(report, back.query))),
      );
  }
  if (report.kind === 'overview' && opts.menu) {
    const menu = scopeMenu(report, opts.menu);
    if (menu) elements.push(menu);
  }
  elements.push(
    button(
      '↻ Refresh',
      actionId('run', 'refresh'),
      encode(
        run(report, report.query, {
          fresh: true,
          ...(report.kind === 'ranking' || report.kind === 'agents' ? { page: report.page } : {}),
          ...(opts.sharedBy ? { sharedBy: opts.sharedBy } : {}),
        }),
      ),
    ),
  );
  elements.push(windowPicker(report, opts.sharedBy));
  if (!report.query.public && !opts.shared) {
    const page = report.kind === 'ranking' || report.kind === 'agents' ? { page: report.page } : {};
    const id = idOf(report);
    const share: ActionRef = {
      kind: 'share',
      query: report.query,
      ...(id ? { id } : {}),
      ...zoneOf(report),
      ...page,
    };
    elements.push(button('Share to channel', actionId('share'), encode(share)));
  }
  if (report.kind === 'skill' || report.kind === 'group') elements.push(watchMenu(report));
  return actions(elements, 'report_actions');
}
