/**
 * The one place a report query meets LivePerson: resolve the window (now, in the asker's zone),
 * resolve names (directory), plan and make the LivePerson calls, map the answer to domain rows and
 * build the Report. Slash commands, buttons and schedules all run queries through it; it knows
 * nothing of Slack.
 */
import type { Named, ReportOutcome } from '../domain/outcome';
import {
  isKpiQuery,
  isNamedQuery,
  namedScopeOf,
  type AgentsQuery,
  type CompareWith,
  type NamedQuery,
  type OverviewQuery,
  type ReportQuery,
  type ScopeName,
  type ScopeQuery,
  type TrendQuery,
} from '../domain/query';
import { toAgentsReport } from '../domain/agents';
import { toReport, type ComparisonInput, type ReportInput } from '../domain/report';
import { shiftWindow, withinRetention } from '../domain/compare';
import { trendSpan } from '../domain/trend-report';
import { splitBots } from '../domain/humans';
import type { MetricsAnswer } from '../domain/metrics';
import type { Targets } from '../domain/targets';
import type { Trend } from '../domain/trend';
import { needsTimezone, resolveWindow, type ResolvedWindow } from '../domain/window';
import type { CallOptions, LivePersonClient } from '../liveperson/client/client';
import type { LoadScale } from '../liveperson/contract/load-scale';
import type { Directory, LookupOptions } from '../liveperson/directory';
import { Deadline, raceDeadline } from '../shared/deadline';
import type { KmmRequest } from '../liveperson/contract/metrics-request';
import { toAgentsAnswer, toClosedTrend, toMetricsAnswer, toTrendPoints } from '../liveperson/mapper';
import {
  planAgents,
  planBotsProbe,
  planComparison,
  planReport,
  planTrend,
  planTrendReport,
  type AgentsPlan,
  type MetricsPlan,
  type ResolvedScope,
} from '../liveperson/planner';
import type { AgentViewResponse } from '../liveperson/contract/agent-view';
import type { AppLogger } from '../shared/logger';

/** How long a report waits for its trend once its numbers have arrived. */
export const TREND_GRACE_MS = 3000;

export interface RunOptions {
  /** The asker's IANA zone, looked up only when the window reads the wall clock (default UTC). */
  timezone?: string | (() => Promise<string>);
  /** Ranking or agents page, 1-based. */
  page?: number;
  /** A skill/group id already resolved (a "Did you mean" button): skips name matching. */
  id?: string;
  /** Bypass the KMM cache (Refresh). */
  fresh?: boolean;
  /** 'background' for schedules: LivePerson's 5/10/15 s retry schedule. */
  budget?: CallOptions['budget'];
  /** The answer's one deadline: name lookups and LivePerson calls all end by then. */
  deadline?: Deadline;
  /**
   * The instant the window is resolved at (default: the service's clock). A digest passes its fire
   * time, so a summary posted late still covers the shift that ended then, and every digest of one
   * fire minute asks for the very same window.
   */
  now?: number;
}

export interface ReportServiceDeps {
  client: Pick<LivePersonClient, 'metrics' | 'metricsAllPages' | 'historical' | 'agentView'>;
  directory: Directory;
  now: () => number;
  /** e.g. "LivePerson account 13350576" or "LivePerson simulator". */
  source: string;
  /** The account's and each skill's targets (default: DEFAULT_TARGETS). */
  targets?: Targets;
  /** Fetch the closed-conversations trend a skill or group chart draws (off when CHARTS=off). */
  trends?: boolean;
  /** Where a trend that could not be fetched is noted (the report goes out without it). */
  log?: Pick<AppLogger, 'warn'>;
  /** LP_LOAD_SCALE: answers in percent are brought to ratios at the edge, by the mapper. */
  loadScale?: LoadScale;
}

export interface ReportService {
  run(query: ReportQuery, opts?: RunOptions): Promise<ReportOutcome>;
}

interface Scoped {
  scope: ResolvedScope;
  item: Named;
}
type Resolution = ({ ok: true } & Scoped) | { ok: false; outcome: ReportOutcome };

/** Names equal but for case and surrounding space. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** Creates the report pipeline over a LivePerson client and directory. */
export function createReportService(deps: ReportServiceDeps): ReportService {
  async function resolveScope(
    named: ScopeName,
    query: ReportQuery,
    id: string | undefined,
    call: LookupOptions,
  ): Promise<Resolution> {
    const skill = named.kind === 'skill';
    // Outcomes keep the query asked (an agents list or a trend stays one); a breakdown whose
    // skill or group is gone is answered like that skill or group report.
    const asked: NamedQuery = isNamedQuery(query)
      ? query
      : {
          kind: named.kind,
          name: named.name,
          window: query.window,
          public: query.public,
          ...(query.audience ? { audience: query.audience } : {}),
        };
    let item: Named | undefined;
    if (id !== undefined) {
      const name = skill
        ? await deps.directory.skillName(id, call)
        : await deps.directory.groupName(id, call);
      // An id from a button whose skill was deleted since: fall back to matching the typed name.
      if (name !== undefined) item = { id, name };
    }
    if (!item) {
      const match = skill
        ? await deps.directory.findSkill(named.name, call)
        : await deps.directory.findGroup(named.name, call);
      // A button's skill that is gone answers as not found unless another carries exactly its name
      // (renamed away and back): a near match would show another skill's figures under its label.
      if (id !== undefined && match.kind === 'found' && !sameName(match.item.name, named.name))
        return { ok: false, outcome: { kind: 'not-found', query: asked, suggestions: [match.item] } };
      if (match.kind === 'ambiguous')
        return { ok: false, outcome: { kind: 'ambiguous', query: asked, candidates: match.candidates } };
      if (match.kind === 'not-found')
        return { ok: false, outcome: { kind: 'not-found', query: asked, suggestions: match.suggestions } };
      item = { id: match.item.id, name: match.item.name };
    }
    const ids = skill ? [item.id] : [item.id, ...(await deps.directory.subGroupIds(item.id, call))];
    return { ok: true, scope: { ids }, item };
  }

  async function fetch(request: KmmRequest, allPages: boolean, call: CallOptions): Promise<MetricsAnswer> {
    const loadScale = deps.loadScale ?? 'ratio';
    if (!allPages) return toMetricsAnswer(await deps.client.metrics(request, call), loadScale);
    const pages = await deps.client.metricsAllPages(request, call);
    // Past 1000 keys LivePerson's paging cannot reach the rest, however they are fetched.
    return toMetricsAnswer(pages, loadScale, pages.truncated);
  }

  async function execute(plan: MetricsPlan, call: CallOptions): Promise<MetricsAnswer> {
    // Everyone's figures and the bots' are asked together; the humans are the difference.
    const [all, bots] = await Promise.all([
      fetch(plan.request, plan.allPages, call),
      // Without the bots' answer the report still goes out, saying its agents include bots.
      plan.bots
        ? fetch(plan.bots, plan.allPages, call).catch((error: unknown) => {
            deps.log?.warn('Bots figures unavailable; agents are shown with bots included', { err: error });
            return undefined;
          })
        : undefined,
    ]);
    return bots ? splitBots(all, bots) : all;
  }

  /** The trend is a picture beside the numbers: when it cannot be had, the report goes without it. */
  async function trendOf(
    query: ReportQuery,
    window: { from: number; to: number },
    scope: ResolvedScope | undefined,
    call: CallOptions,
    resolvedAt: number,
  ): Promise<Trend | undefined> {
    if (!deps.trends) return undefined;
    // Measured from the instant the window was resolved: a name lookup in between must not push a
    // "last 24h" window out of the trend's 24 h.
    const request = planTrend(query, window, scope, resolvedAt);
    if (!request) return undefined;
    try {
      const response = await deps.client.historical(request, call);
      return toClosedTrend(response, request.intervalMinutes ?? 0);
    } catch (error) {
      deps.log?.warn('Trend unavailable; the report goes without its chart', { err: error });
      return undefined;
    }
  }

  /**
   * The bots among a page's agents. agent_view records do not say who is a bot, so the page's
   * ids are asked again as bots only; undefined when that answer could not be had.
   */
  async function botsOn(
    plan: AgentsPlan,
    page: AgentViewResponse,
    call: CallOptions,
  ): Promise<ReadonlySet<string> | undefined> {
    if (!plan.probeBots || page.records.length === 0) return new Set();
    try {
      const bots = await deps.client.agentView(
        planBotsProbe(
          plan,
          page.records.map((r) => r.agentId),
        ),
        call,
      );
      return new Set(bots.records.map((r) => r.agentId));
    } catch (error) {
      deps.log?.warn('Bots unknown; agents are listed without bot marks', { err: error });
      return undefined;
    }
  }

  /** One page of the agents of a resolved skill or group, busiest first. */
  async function agentsReport(
    query: AgentsQuery,
    window: ResolvedWindow,
    scoped: Scoped,
    page: number | undefined,
    call: CallOptions,
  ): Promise<ReportOutcome> {
    let plan = planAgents(query, window, scoped.scope, page);
    let response = await deps.client.agentView(plan.request, call);
    // A Next button drawn when more agents were logged in: show the last page there is, not none.
    if (response.records.length === 0 && response.count > 0 && plan.rowsOffset >= response.count) {
      plan = planAgents(query, window, scoped.scope, Math.ceil(response.count / plan.pageSize));
      response = await deps.client.agentView(plan.request, call);
    }
    const bots = await botsOn(plan, response, call);
    const answer = toAgentsAnswer(
      response,
      deps.loadScale ?? 'ratio',
      (id) => query.audience === 'bots' || (bots?.has(id) ?? false),
    );
    const report = toAgentsReport({
      query,
      window,
      scope: { id: scoped.item.id, name: scoped.item.name },
      answer,
      fetchedAt: deps.now(),
      source: deps.source,
      page: plan.page,
      pageSize: plan.pageSize,
      rowsOffset: plan.rowsOffset,
      reachable: plan.reachable,
      ...(bots ? {} : { botsUnknown: true }),
    });
    return { kind: 'report', report };
  }

  /**
   * The same window in each earlier period the query compares with, asked in parallel with the
   * report itself. A window past LivePerson's 14 days is not asked; one that fails is noted and
   * the report goes out without it.
   */
  async function comparisons(
    query: OverviewQuery | ScopeQuery,
    window: ResolvedWindow,
    scope: ResolvedScope | undefined,
    call: CallOptions,
    resolvedAt: number,
  ): Promise<ComparisonInput[] | undefined> {
    const wanted = [...new Set<CompareWith>(query.compare ?? [])];
    if (!wanted.length) return undefined;
    return Promise.all(
      wanted.map(async (withWhat): Promise<ComparisonInput> => {
        const earlier = shiftWindow(window, withWhat, window.zone);
        const base = { with: withWhat, window: earlier };
        if (!withinRetention(earlier, resolvedAt)) return { ...base, missing: 'beyond-retention' };
        const request = planComparison(query, earlier, scope);
        if (!request) return { ...base, missing: 'unavailable' };
        try {
          return {
            ...base,
            answer: toMetricsAnswer(await deps.client.metrics(request, call), deps.loadScale ?? 'ratio'),
          };
        } catch (error) {
          deps.log?.warn('Comparison unavailable; the report goes without it', {
            err: error,
            with: withWhat,
          });
          return { ...base, missing: 'unavailable' };
        }
      }),
    );
  }

  /** A trend report: the historical method's series over the window, cut to the trend's 24 h. */
  async function runTrend(
    query: TrendQuery,
    window: ResolvedWindow,
    resolution: Scoped | undefined,
    call: CallOptions,
    resolvedAt: number,
  ): Promise<ReportOutcome> {
    const span = trendSpan(window, resolvedAt);
    const plan = planTrendReport(query, span, resolution?.scope);
    // A window wholly before the trend's 24 h has nothing to ask for: the report says so.
    const points = span.to > span.from ? toTrendPoints(await deps.client.historical(plan.request, call)) : [];
    const input: ReportInput = {
      query,
      window,
      answer: { rows: [], count: 0 },
      fetchedAt: deps.now(),
      source: deps.source,
      series: { intervalMinutes: plan.request.intervalMinutes, span, points },
      ...(resolution ? { scope: { id: resolution.item.id, name: resolution.item.name } } : {}),
    };
    return { kind: 'report', report: toReport(input) };
  }

  return {
    async run(query, opts = {}) {
      // The window is resolved now, at run time: a query stores intent, so a re-run tomorrow asks
      // for tomorrow's window. Comparisons and trends read the wall clock too ("yesterday" is a
      // calendar day; a trend's points are labelled by the clock), so they look the zone up.
      const wallClock =
        needsTimezone(query.window) ||
        query.kind === 'trend' ||
        (isKpiQuery(query) && !!query.compare?.length);
      const zone = wallClock
        ? typeof opts.timezone === 'function'
          ? await opts.timezone()
          : (opts.timezone ?? 'UTC')
        : 'UTC';
      const resolvedAt = opts.now ?? deps.now();
      const resolved = resolveWindow(query.window, resolvedAt, zone);
      if (!resolved.ok) return { kind: 'window', problem: resolved.problem };
      const call: CallOptions = {};
      if (opts.fresh) call.fresh = true;
      if (opts.budget) call.budget = opts.budget;
      if (opts.deadline) call.deadline = opts.deadline;
      let resolution: Scoped | undefined;
      const named = namedScopeOf(query);
      if (named) {
        const lookup: LookupOptions = {};
        if (opts.deadline) lookup.deadline = opts.deadline;
        if (opts.budget) lookup.budget = opts.budget;
        const r = await resolveScope(named, query, opts.id, lookup);
        if (!r.ok) return r.outcome;
        resolution = r;
      }
      if (query.kind === 'agents') {
        if (!resolution) throw new TypeError('run: an agents query resolves its scope first');
        return agentsReport(query, resolved.window, resolution, opts.page, call);
      }
      if (query.kind === 'trend') return runTrend(query, resolved.window, resolution, call, resolvedAt);
      const plan = planReport(query, resolved.window, resolution?.scope, opts.page);
      const pendingTrend = trendOf(query, resolved.window, resolution?.scope, call, resolvedAt);
      const pendingComparisons = isKpiQuery(query)
        ? comparisons(query, resolved.window, resolution?.scope, call, resolvedAt)
        : Promise.resolve(undefined);
      const [answer, compared] = await Promise.all([execute(plan, call), pendingComparisons]);
      // The numbers are what the lead waits for: a slow trend gets a short grace, then is dropped.
      const trend = await raceDeadline(pendingTrend, Deadline.after(TREND_GRACE_MS)).catch(() => undefined);
      if (!plan.allPages && answer.count > plan.reachable) answer.truncated = true;
      const report = toReport({
        query,
        window: resolved.window,
        answer,
        fetchedAt: deps.now(),
        source: deps.source,
        rowsOffset: plan.rowsOffset,
        reachable: plan.reachable,
        presorted: plan.request.sort !== undefined,
        ...(resolution ? { scope: { id: resolution.item.id, name: resolution.item.name } } : {}),
        ...(deps.targets ? { targets: deps.targets } : {}),
        ...(trend ? { trend } : {}),
        ...(compared ? { comparisons: compared } : {}),
        ...((plan.page ?? opts.page) ? { page: plan.page ?? opts.page } : {}),
      });
      return { kind: 'report', report };
    },
  };
}
