/**
 * The one place a report query meets LivePerson: resolve the window (now, in the asker's zone),
 * resolve names (directory), plan and make the LivePerson calls, map the answer to domain rows and
 * build the Report. Slash commands, buttons and schedules all run queries through it; it knows
 * nothing of Slack.
 */
import type { ReportOutcome } from '../domain/outcome';
import { isKpiQuery, namedScopeOf, readsWallClock, type ReportQuery } from '../domain/query';
import { toReport } from '../domain/report';
import { splitBots } from '../domain/humans';
import type { MetricsAnswer } from '../domain/metrics';
import type { Trend } from '../domain/trend';
import { resolveWindow } from '../domain/window';
import type { CallOptions } from '../liveperson/client/client';
import type { LookupOptions } from '../liveperson/directory';
import { Deadline, raceDeadline } from '../shared/deadline';
import type { KmmRequest } from '../liveperson/contract/metrics-request';
import { toClosedTrend, toMetricsAnswer } from '../liveperson/mapper';
import { planReport, planTrend, type MetricsPlan, type ResolvedScope } from '../liveperson/planner';
import { runAgents } from './agents-run';
import { fetchComparisons } from './comparisons';
import { resolveScope } from './resolve-scope';
import type { ReportServiceDeps, Scoped } from './service-deps';
import { runTrend } from './trend-run';

export type { ReportServiceDeps } from './service-deps';

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

export interface ReportService {
  run(query: ReportQuery, opts?: RunOptions): Promise<ReportOutcome>;
}

/** Creates the report pipeline over a LivePerson client and directory. */
export function createReportService(deps: ReportServiceDeps): ReportService {
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

  return {
    async run(query, opts = {}) {
      // The window is resolved now, at run time: a query stores intent, so a re-run tomorrow asks
      // for tomorrow's window. Comparisons and trends read the wall clock too ("yesterday" is a
      // calendar day; a trend's points are labelled by the clock), so they look the zone up.
      const zone = readsWallClock(query)
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
        const r = await resolveScope(deps, named, query, opts.id, lookup);
        if (!r.ok) return r.outcome;
        resolution = r;
      }
      if (query.kind === 'agents') {
        if (!resolution) throw new TypeError('run: an agents query resolves its scope first');
        return runAgents(deps, query, resolved.window, resolution, opts.page, call);
      }
      if (query.kind === 'trend') return runTrend(deps, query, resolved.window, resolution, call, resolvedAt);
      const plan = planReport(query, resolved.window, resolution?.scope, opts.page);
      const pendingTrend = trendOf(query, resolved.window, resolution?.scope, call, resolvedAt);
      const pendingComparisons = isKpiQuery(query)
        ? fetchComparisons(deps, query, resolved.window, resolution?.scope, call, resolvedAt)
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
