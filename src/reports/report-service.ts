/**
 * The one place a report query meets LivePerson: resolve names (directory), fetch KMM, build the
 * Report. Slash commands, buttons and (later) schedules all run queries through it.
 */
import type { Directory } from '../liveperson/directory';
import type { LivePersonClient, CallOptions } from '../liveperson/client/client';
import { MAX_OFFSET_PLUS_LIMIT } from '../liveperson/contract/catalog';
import { loadsAsRatios, type LoadScale } from '../liveperson/contract/load-scale';
import { type KmmResponse } from '../liveperson/contract/metrics-response';
import { toKmmRequest, type ResolvedScope } from '../liveperson/planner';
import type { ReportQuery } from '../domain/query';
import { needsTimezone, resolveWindow, type WindowProblem } from '../domain/window';
import { toReport, type Report } from '../domain/report';
import type { Thresholds } from '../domain/thresholds';

export interface NamedItem {
  id: string;
  name: string;
}

export type ReportOutcome =
  | { kind: 'report'; report: Report }
  | { kind: 'not-found'; what: 'skill' | 'group'; typed: string; suggestions: NamedItem[] }
  | { kind: 'ambiguous'; what: 'skill' | 'group'; typed: string; candidates: NamedItem[] }
  /** The window cannot be answered right now (e.g. `since 20:00 today` at 16:00). */
  | { kind: 'window'; problem: WindowProblem };

export interface RunOptions {
  /** The asker's IANA zone, looked up only when the window reads the wall clock (default UTC). */
  timezone?: string | (() => Promise<string>);
  /** Ranking page, 1-based. */
  page?: number;
  /** A skill/group id already resolved (a "Did you mean" button): skips name matching. */
  id?: string;
  /** Bypass the KMM cache (Refresh). */
  fresh?: boolean;
  budget?: CallOptions['budget'];
}

export interface ReportServiceDeps {
  client: Pick<LivePersonClient, 'metrics' | 'metricsAllPages'>;
  directory: Directory;
  now: () => number;
  /** e.g. "LivePerson account 13350576" or "LivePerson simulator". */
  source: string;
  thresholds?: Thresholds;
  /** LP_LOAD_SCALE: answers in percent are brought to ratios here, at the edge. */
  loadScale?: LoadScale;
}

export interface ReportService {
  run(query: ReportQuery, opts?: RunOptions): Promise<ReportOutcome>;
}

type Resolution = { ok: true; scope: ResolvedScope; item: NamedItem } | { ok: false; outcome: ReportOutcome };

/** Creates the report pipeline over a LivePerson client and directory. */
export function createReportService(deps: ReportServiceDeps): ReportService {
  async function resolve(query: ReportQuery, id: string | undefined): Promise<Resolution | undefined> {
    if (query.kind !== 'skill' && query.kind !== 'group') return undefined;
    const what = query.kind;
    let item: NamedItem | undefined;
    if (id !== undefined) {
      const name = what === 'skill' ? await deps.directory.skillName(id) : await deps.directory.groupName(id);
      // An id from a button whose skill was deleted since: fall back to matching the typed name.
      if (name !== undefined) item = { id, name };
    }
    if (!item) {
      const match =
        what === 'skill'
          ? await deps.directory.findSkill(query.name)
          : await deps.directory.findGroup(query.name);
      if (match.kind === 'ambiguous') {
        return {
          ok: false,
          outcome: { kind: 'ambiguous', what, typed: query.name, candidates: match.candidates },
        };
      }
      if (match.kind === 'not-found') {
        return {
          ok: false,
          outcome: { kind: 'not-found', what, typed: query.name, suggestions: match.suggestions },
        };
      }
      item = { id: match.item.id, name: match.item.name };
    }
    const ids = what === 'skill' ? [item.id] : [item.id, ...(await deps.directory.subGroupIds(item.id))];
    return { ok: true, scope: { ids }, item };
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
      const resolution = await resolve(query, opts.id);
      if (resolution && !resolution.ok) return resolution.outcome;
      const plan = toKmmRequest(query, resolved.window, resolution?.scope, opts.page);
      const call: CallOptions = {};
      if (opts.fresh) call.fresh = true;
      if (opts.budget) call.budget = opts.budget;
      const response: KmmResponse & { truncated?: boolean } = loadsAsRatios(
        plan.allPages
          ? await deps.client.metricsAllPages(plan.request, call)
          : await deps.client.metrics(plan.request, call),
        deps.loadScale ?? 'ratio',
      );
      const report = toReport({
        query,
        window: resolved.window,
        responses: response,
        fetchedAt: deps.now(),
        source: deps.source,
        rowsOffset: plan.rowsOffset,
        // Past 1000 keys LivePerson's paging cannot reach the rest, however they are fetched.
        truncated: response.truncated ?? (!plan.allPages && response.count > MAX_OFFSET_PLUS_LIMIT),
        ...(resolution ? { scope: { id: resolution.item.id, name: resolution.item.name } } : {}),
        ...(deps.thresholds ? { thresholds: deps.thresholds } : {}),
        ...((plan.page ?? opts.page) ? { page: plan.page ?? opts.page } : {}),
      });
      return { kind: 'report', report };
    },
  };
}
