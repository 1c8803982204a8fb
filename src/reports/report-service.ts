/**
 * The one place a report query meets LivePerson: resolve the window (now, in the asker's zone),
 * resolve names (directory), plan and make the LivePerson calls, map the answer to domain rows and
 * build the Report. Slash commands, buttons and schedules all run queries through it; it knows
 * nothing of Slack.
 */
import type { Named, ReportOutcome } from '../domain/outcome';
import { isScopeQuery, type ReportQuery, type ScopeQuery } from '../domain/query';
import { toReport } from '../domain/report';
import type { Thresholds } from '../domain/thresholds';
import { needsTimezone, resolveWindow } from '../domain/window';
import type { CallOptions, LivePersonClient } from '../liveperson/client/client';
import type { LoadScale } from '../liveperson/contract/load-scale';
import type { Directory, LookupOptions } from '../liveperson/directory';
import type { Deadline } from '../shared/deadline';
import { toMetricsAnswer } from '../liveperson/mapper';
import { planReport, type LivePersonPlan, type ResolvedScope } from '../liveperson/planner';

export interface RunOptions {
  /** The asker's IANA zone, looked up only when the window reads the wall clock (default UTC). */
  timezone?: string | (() => Promise<string>);
  /** Ranking page, 1-based. */
  page?: number;
  /** A skill/group id already resolved (a "Did you mean" button): skips name matching. */
  id?: string;
  /** Bypass the KMM cache (Refresh). */
  fresh?: boolean;
  /** 'background' for schedules: LivePerson's 5/10/15 s retry schedule. */
  budget?: CallOptions['budget'];
  /** The answer's one deadline: name lookups and LivePerson calls all end by then. */
  deadline?: Deadline;
}

export interface ReportServiceDeps {
  client: Pick<LivePersonClient, 'metrics' | 'metricsAllPages'>;
  directory: Directory;
  now: () => number;
  /** e.g. "LivePerson account 13350576" or "LivePerson simulator". */
  source: string;
  thresholds?: Thresholds;
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

/** Creates the report pipeline over a LivePerson client and directory. */
export function createReportService(deps: ReportServiceDeps): ReportService {
  async function resolveScope(
    query: ScopeQuery,
    id: string | undefined,
    call: LookupOptions,
  ): Promise<Resolution> {
    const skill = query.kind === 'skill';
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
        ? await deps.directory.findSkill(query.name, call)
        : await deps.directory.findGroup(query.name, call);
      if (match.kind === 'ambiguous')
        return { ok: false, outcome: { kind: 'ambiguous', query, candidates: match.candidates } };
      if (match.kind === 'not-found')
        return { ok: false, outcome: { kind: 'not-found', query, suggestions: match.suggestions } };
      item = { id: match.item.id, name: match.item.name };
    }
    const ids = skill ? [item.id] : [item.id, ...(await deps.directory.subGroupIds(item.id, call))];
    return { ok: true, scope: { ids }, item };
  }

  async function execute(plan: LivePersonPlan, call: CallOptions) {
    const loadScale = deps.loadScale ?? 'ratio';
    if (!plan.allPages) return toMetricsAnswer(await deps.client.metrics(plan.request, call), loadScale);
    const pages = await deps.client.metricsAllPages(plan.request, call);
    // Past 1000 keys LivePerson's paging cannot reach the rest, however they are fetched.
    return toMetricsAnswer(pages, loadScale, pages.truncated);
  }

  return {
    async run(query, opts = {}) {
      // The window is resolved now, at run time: a query stores intent, so a re-run tomorrow asks
      // for tomorrow's window.
      const zone = needsTimezone(query.window)
        ? typeof opts.timezone === 'function'
          ? await opts.timezone()
          : (opts.timezone ?? 'UTC')
        : 'UTC';
      const resolved = resolveWindow(query.window, deps.now(), zone);
      if (!resolved.ok) return { kind: 'window', problem: resolved.problem };
      const call: CallOptions = {};
      if (opts.fresh) call.fresh = true;
      if (opts.budget) call.budget = opts.budget;
      if (opts.deadline) call.deadline = opts.deadline;
      let resolution: Scoped | undefined;
      if (isScopeQuery(query)) {
        const lookup: LookupOptions = {};
        if (opts.deadline) lookup.deadline = opts.deadline;
        if (opts.budget) lookup.budget = opts.budget;
        const r = await resolveScope(query, opts.id, lookup);
        if (!r.ok) return r.outcome;
        resolution = r;
      }
      const plan = planReport(query, resolved.window, resolution?.scope, opts.page);
      const answer = await execute(plan, call);
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
        ...(deps.thresholds ? { thresholds: deps.thresholds } : {}),
        ...((plan.page ?? opts.page) ? { page: plan.page ?? opts.page } : {}),
      });
      return { kind: 'report', report };
    },
  };
}
