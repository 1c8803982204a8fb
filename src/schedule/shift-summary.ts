/**
 * What a digest posts: the shift summary for the window ending at its fire time, built through the
 * report service (the one place that asks LivePerson) and its chart through the chart delivery.
 * When a digest fires is the scheduler's business; this only builds the content, on the background
 * retry schedule and under one deadline. Every digest of one fire minute resolves its window at
 * the fire time, so identical scopes ask identical questions, which the LivePerson client answers
 * once (single-flight, then its background cache).
 */
import type { Digest, DigestTarget } from '../domain/digest';
import type { ReportOutcome } from '../domain/outcome';
import { MAX_TOP, type KpiQueryOptions, type RankingQuery, type ReportQuery } from '../domain/query';
import { rankRows } from '../domain/report';
import {
  STANDING_METRIC,
  mainReportOf,
  rankStandings,
  standingsOf,
  type ShiftItem,
  type ShiftSummary,
  type Standings,
} from '../domain/shift-summary';
import { DEFAULT_TARGETS, thresholdsForSkill, type Targets } from '../domain/targets';
import type { ReportService, RunOptions } from '../reports/report-service';
import { Deadline } from '../shared/deadline';
import type { AppLogger } from '../shared/logger';
import type { ChartDelivery } from '../slack/chart-delivery';
import type { ReportChart } from '../slack/views';

/**
 * A summary's whole budget. Room for LivePerson's background schedule (5/10/15 s between
 * attempts) on a slow answer, short enough that a summary is still about the shift that just ended
 * when it is posted.
 */
export const SHIFT_SUMMARY_BUDGET_MS = 4 * 60_000;

export interface ShiftSummaryDeps {
  reports: ReportService;
  /** Rates the account's skills for best and worst (default: DEFAULT_TARGETS), as their reports do. */
  targets?: Targets;
  log?: Pick<AppLogger, 'warn'>;
}

export interface ShiftSummaryOptions {
  /** The summary's one deadline (default: SHIFT_SUMMARY_BUDGET_MS from now). */
  deadline?: Deadline;
}

function runOptions(digest: Digest, fireAt: number, deadline: Deadline): RunOptions {
  // The zone is the digest's: "a week earlier" is seven calendar days back on its clock.
  return { now: fireAt, budget: 'background', deadline, timezone: digest.schedule.zone };
}

/** What every query of the summary shares: the shift, the digest's audience, posted for everyone. */
function optionsOf(digest: Digest): KpiQueryOptions {
  return {
    window: { kind: 'last', ms: digest.windowMs },
    public: true,
    ...(digest.audience ? { audience: digest.audience } : {}),
  };
}

function unexpected(what: string, outcome: ReportOutcome): Error {
  return new TypeError(`shift summary: the ${what} came back as ${outcome.kind}`);
}

/** The account's skills by the shift's average wait, each rated by its own targets. */
async function accountStandings(
  digest: Digest,
  run: (query: ReportQuery) => Promise<ReportOutcome>,
  targets: Targets,
  log: ShiftSummaryDeps['log'],
): Promise<Standings> {
  const ranking: RankingQuery = {
    kind: 'ranking',
    dimension: 'skills',
    by: 'wait',
    top: MAX_TOP,
    ...optionsOf(digest),
  };
  try {
    const outcome = await run(ranking);
    if (outcome.kind !== 'report' || outcome.report.kind !== 'ranking') throw unexpected('ranking', outcome);
    // The ranking by wait fetches every skill with its average wait beside the queue's p90.
    const rows = rankRows(outcome.report.rows, STANDING_METRIC, 'desc', (row) =>
      thresholdsForSkill(targets, row),
    );
    return rankStandings(
      'skills',
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        value: r.value,
        status: r.status,
        ...(r.rule ? { rule: r.rule } : {}),
      })),
    );
  } catch (error) {
    // Best and worst are a footnote to the account's figures: the summary goes without them.
    log?.warn('Skills unavailable; the shift summary goes without best and worst', { err: error });
    return { kind: 'unavailable', of: 'skills' };
  }
}

async function itemOf(
  target: DigestTarget,
  kind: 'skill' | 'group',
  digest: Digest,
  run: (query: ReportQuery, id: string) => Promise<ReportOutcome>,
): Promise<ShiftItem> {
  const outcome = await run({ kind, name: target.name, compare: ['week'], ...optionsOf(digest) }, target.id);
  if (outcome.kind === 'report' && (outcome.report.kind === 'skill' || outcome.report.kind === 'group'))
    return { kind: 'report', target, report: outcome.report };
  // Its id is gone and its name matches nothing (or several): deleted since the digest was set up.
  if (outcome.kind === 'not-found' || outcome.kind === 'ambiguous') return { kind: 'gone', target };
  throw unexpected(kind, outcome);
}

/**
 * The shift summary `digest` posts for its occurrence at `fireAt`: the window `digest.windowMs`
 * long ending then, compared with the same shift a week earlier. A skill or group deleted since is
 * a line, not a failure; one that cannot be fetched is noted while the others go out. Rejects only
 * when nothing could be fetched at all.
 */
export async function buildShiftSummary(
  digest: Digest,
  fireAt: number,
  deps: ShiftSummaryDeps,
  opts: ShiftSummaryOptions = {},
): Promise<ShiftSummary> {
  const deadline = opts.deadline ?? Deadline.after(SHIFT_SUMMARY_BUDGET_MS);
  const run = (query: ReportQuery, id?: string) =>
    deps.reports.run(query, { ...runOptions(digest, fireAt, deadline), ...(id ? { id } : {}) });
  const base = {
    digestId: digest.id,
    fireAt,
    from: fireAt - digest.windowMs,
    to: fireAt,
    zone: digest.schedule.zone,
  };
  const scope = digest.scope;
  if (scope.kind === 'account') {
    const [outcome, standings] = await Promise.all([
      run({ kind: 'overview', compare: ['week'], ...optionsOf(digest) }),
      accountStandings(digest, run, deps.targets ?? DEFAULT_TARGETS, deps.log),
    ]);
    if (outcome.kind !== 'report' || outcome.report.kind !== 'overview')
      throw unexpected('overview', outcome);
    return { ...base, scope: 'account', report: outcome.report, standings };
  }
  const kind = scope.kind === 'skills' ? 'skill' : 'group';
  const settled = await Promise.allSettled(scope.items.map((t) => itemOf(t, kind, digest, run)));
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (settled.length > 0 && failed.length === settled.length) throw failed[0];
  const items = settled.map((s, i): ShiftItem => {
    if (s.status === 'fulfilled') return s.value;
    deps.log?.warn('A digest item is unavailable; the summary goes without it', { err: s.reason as unknown });
    return { kind: 'unavailable', target: scope.items[i]! };
  });
  const standings = rankStandings(
    standingsOf(scope),
    items.flatMap((item) => {
      if (item.kind !== 'report') return [];
      const kpi = item.report.kpis[STANDING_METRIC];
      return [
        {
          id: item.report.id,
          name: item.report.name,
          value: kpi.value,
          status: kpi.status,
          ...(kpi.rule ? { rule: kpi.rule } : {}),
        },
      ];
    }),
  );
  return { ...base, scope: scope.kind, items, standings };
}

/**
 * The summary's chart, when the digest wants one: the main report's (the overview's skills
 * waiting, or the first item's trend). Never fails: a chart that cannot be made leaves the text.
 */
export async function shiftSummaryChart(
  summary: ShiftSummary,
  digest: Pick<Digest, 'chart'>,
  charts: Pick<ChartDelivery, 'chartFor'>,
  opts: { log: AppLogger; deadline?: Deadline },
): Promise<ReportChart | undefined> {
  const report = digest.chart ? mainReportOf(summary) : undefined;
  if (!report) return undefined;
  try {
    return await charts.chartFor(report, opts);
  } catch (error) {
    opts.log.warn('Chart unavailable; the shift summary goes as text', { err: error });
    return undefined;
  }
}
