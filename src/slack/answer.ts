/**
 * A report query answered in Slack, for every trigger that has an asker (the slash command, a
 * "Did you mean" pick, a page button): one deadline for the whole answer, the placeholder told
 * when LivePerson is slow, the report with its chart, and delivery through the conversation.
 * Never throws; every failure becomes a readable message and a log line.
 */
import { readsWallClock, type ReportQuery } from '../domain/query';
import { describeError, problemOf } from '../reports/problem-of';
import type { ReportService, RunOptions } from '../reports/report-service';
import { Deadline } from '../shared/deadline';
import { nextTurn } from '../shared/loop-turn';
import type { SharedBuilds } from '../shared/shared-builds';
import { stableKey } from '../shared/stable-key';
import type { ChartDelivery } from './chart-delivery';
import type { QueueContext } from './context';
import {
  renderAmbiguous,
  renderNotFound,
  renderProblem,
  renderReport,
  renderStillWaiting,
  renderWindowProblem,
  type RenderOptions,
  type ReportChart,
  type SlackMessage,
} from './views';
import type { Report } from '../domain/report';
import type { ScopeMenu } from './views/report-actions';

/**
 * How long an answer may take in all. The response_url lives 30 minutes, so the limit is the
 * lead's patience, not Slack's: two minutes, with the placeholder saying why it takes so long.
 */
export const ANSWER_BUDGET_MS = 120_000;
/** Identical asks share a build begun in the same stretch of this many ms (see shareKey). */
export const JOIN_WINDOW_MS = 10_000;
/** When the placeholder says it is still waiting on LivePerson (ms after the answer started). */
export const STILL_WAITING_AFTER_MS: readonly number[] = [4_000, 30_000];

export interface AnswerDeps {
  reports: ReportService;
  charts: ChartDelivery;
  /** The skills and groups the overview's menu offers; undefined when they cannot be had. */
  scopeMenu?: (deadline: Deadline) => Promise<ScopeMenu | undefined>;
  answerBudgetMs?: number;
  stillWaitingAfterMs?: readonly number[];
  /**
   * Answers being built, shared by identical concurrent asks (shareKey): a burst of leads asking
   * the same thing costs one report, one chart and one message, not one each.
   */
  builds?: SharedBuilds<Answer>;
}

export interface AnswerOptions extends Pick<RunOptions, 'page' | 'id' | 'fresh' | 'timezone'> {
  /** Edit the clicked message (paging) instead of answering beside it. */
  inPlace?: boolean;
  /** A new message only the asker sees, beside the clicked one (a drill-down from a shared report). */
  beside?: boolean;
  /** How the report is rendered (a shared copy's "Shared by"). */
  render?: Pick<RenderOptions, 'sharedBy' | 'actions'>;
}

/** The answer to a query: a report, or a message saying why there is none (not found, a problem …). */
export interface Answer {
  message: SlackMessage;
  /** True for a report; false for a note about the query (it must not replace a shared message). */
  isReport: boolean;
}

/** The message that answers `query`: the report, a not-found or window note, or a problem. */
export async function buildAnswer(
  ctx: QueueContext,
  deps: Pick<AnswerDeps, 'reports' | 'charts' | 'scopeMenu'>,
  query: ReportQuery,
  opts: Omit<AnswerOptions, 'inPlace' | 'beside'>,
  deadline: Deadline,
): Promise<Answer & { report?: Report; chart?: ReportChart }> {
  const note = (message: SlackMessage): Answer => ({ message, isReport: false });
  const { render, ...run } = opts;
  try {
    const outcome = await deps.reports.run(query, { timezone: () => ctx.timezone(), ...run, deadline });
    // Many answers get their data at once (a shared LivePerson answer, a cache hit): each builds
    // its report in a turn of its own, so acks of requests still arriving go in between.
    await nextTurn();
    switch (outcome.kind) {
      case 'report': {
        const [chart, menu] = await Promise.all([
          deps.charts.chartFor(outcome.report, { log: ctx.log, deadline }),
          outcome.report.kind === 'overview' ? menuOf(ctx, deps, deadline) : undefined,
        ]);
        await nextTurn();
        const actions = render?.actions === false ? false : { ...(menu ? { menu } : {}), ...render?.actions };
        const message = renderReport(outcome.report, {
          ...(chart ? { chart } : {}),
          ...(render?.sharedBy ? { sharedBy: render.sharedBy } : {}),
          actions,
        });
        return { message, isReport: true, report: outcome.report, ...(chart ? { chart } : {}) };
      }
      case 'not-found':
        return note(renderNotFound(outcome.query, outcome.suggestions));
      case 'ambiguous':
        return note(renderAmbiguous(outcome.query, outcome.candidates));
      case 'window':
        return note(renderWindowProblem(outcome.problem));
    }
  } catch (err) {
    ctx.log.error(`queue report failed: ${describeError(err)}`, { waitedMs: Math.round(deadline.elapsed()) });
    return note(renderProblem(problemOf(err)));
  }
}

/**
 * What makes two asks get the same answer: the query, how it is run and rendered, and the zone,
 * only when the answer reads the wall clock (everyone's "last 4h" is the same report).
 */
export async function shareKey(
  ctx: Pick<QueueContext, 'timezone' | 'now'>,
  query: ReportQuery,
  opts: Omit<AnswerOptions, 'inPlace' | 'beside'>,
): Promise<string> {
  const { timezone, ...rest } = opts;
  const zone = !readsWallClock(query)
    ? undefined
    : typeof timezone === 'string'
      ? timezone
      : await (timezone ?? (() => ctx.timezone()))();
  // Asks join a build begun in the same window of time only: a late joiner does not inherit an
  // old build's nearly spent deadline, nor a Refresh an answer fetched long before its click.
  const joinWindow = Math.floor(ctx.now() / JOIN_WINDOW_MS);
  return stableKey({ query, ...rest, zone, joinWindow });
}

/** The overview's menu; a directory that cannot answer costs the menu, not the report. */
async function menuOf(
  ctx: QueueContext,
  deps: Pick<AnswerDeps, 'scopeMenu'>,
  deadline: Deadline,
): Promise<ScopeMenu | undefined> {
  try {
    return await deps.scopeMenu?.(deadline);
  } catch (err) {
    ctx.log.warn('the overview goes without its skill menu', { error: (err as Error).message });
    return undefined;
  }
}

/**
 * Answers `query` to the asker; never throws. With `inPlace` (paging) the clicked message is
 * edited only by a report: it may be a public ranking everyone sees, so a problem, a window note
 * or a "still waiting" goes to the asker alone, beside it.
 */
export async function answerQuery(
  ctx: QueueContext,
  deps: AnswerDeps,
  query: ReportQuery,
  opts: AnswerOptions = {},
): Promise<void> {
  const deadline = Deadline.after(deps.answerBudgetMs ?? ANSWER_BUDGET_MS);
  const inPlace = opts.inPlace ?? false;
  const beside = opts.beside ?? false;
  let done = false;
  // Posts are chained so a "still waiting" already on its way lands before the answer, never after.
  let posting: Promise<unknown> = Promise.resolve();
  // A clicked message is left as it is until its new version is ready: no placeholder over it.
  const stillWaiting = inPlace || beside ? [] : (deps.stillWaitingAfterMs ?? STILL_WAITING_AFTER_MS);
  const timers = stillWaiting.map((ms) =>
    setTimeout(() => {
      posting = posting
        .then(() =>
          done
            ? undefined
            : // In place of the placeholder or not at all: a separate note would never be replaced.
              ctx.conversation.replace(renderStillWaiting(query, deadline.elapsed()), { fallback: false }),
        )
        .catch((err: unknown) =>
          ctx.log.warn('could not say the answer is still coming', { error: (err as Error).message }),
        );
    }, ms),
  );
  const stopWaiting = () => {
    done = true;
    for (const t of timers) clearTimeout(t);
  };
  let answer: Answer;
  try {
    const { inPlace: _inPlace, beside: _beside, ...run } = opts;
    // The ack has just been sent: requests that arrived meanwhile are acked before this work starts.
    await nextTurn();
    // "Still waiting on LivePerson" stops once LivePerson has answered, not once the report is
    // built: for an ask that joined another's build, once that build's data is in.
    const build = (fetched: () => void) => {
      const reports: ReportService = {
        run: (q, o) =>
          deps.reports.run(q, o).finally(() => {
            stopWaiting();
            fetched();
          }),
      };
      return buildAnswer(ctx, { ...deps, reports }, query, run, deadline);
    };
    // Joined builds run on the first asker's deadline and log lines (started at most JOIN_WINDOW_MS
    // before); the answer is the same. Without a key (the zone could not be had), no sharing.
    const key = deps.builds ? await shareKey(ctx, query, run).catch(() => undefined) : undefined;
    answer =
      deps.builds && key ? await deps.builds.run(key, build, stopWaiting) : await build(() => undefined);
  } finally {
    stopWaiting();
  }
  await posting;
  await nextTurn();
  const send = (message: SlackMessage) =>
    beside || (inPlace && !answer.isReport)
      ? ctx.conversation.note(message)
      : ctx.conversation.answer(message, { inPlace });
  const sent = await send(answer.message);
  if (!sent.ok && sent.reason === 'limits') {
    // Slack would refuse it (invalid_blocks) and the user would see nothing: say so instead.
    ctx.log.error('answer breaks Slack limits; sent an explanation instead', { detail: sent.detail });
    answer = { message: renderProblem({ kind: 'too-big' }), isReport: false };
    await send(answer.message);
  } else if (!sent.ok) {
    ctx.log.error('answer could not be delivered', { reason: sent.reason, detail: sent.detail });
  }
}
