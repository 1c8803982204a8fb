/**
 * A report query answered in Slack, for every trigger that has an asker (the slash command, a
 * "Did you mean" pick, a page button): one deadline for the whole answer, the placeholder told
 * when LivePerson is slow, the report with its chart, and delivery through the conversation.
 * Never throws; every failure becomes a readable message and a log line.
 */
import type { ReportQuery } from '../domain/query';
import { describeError, problemOf } from '../reports/problem-of';
import type { ReportService, RunOptions } from '../reports/report-service';
import { Deadline } from '../shared/deadline';
import type { ChartDelivery } from './chart-delivery';
import type { QueueContext } from './context';
import {
  renderAmbiguous,
  renderNotFound,
  renderProblem,
  renderReport,
  renderStillWaiting,
  renderWindowProblem,
  type SlackMessage,
} from './views';

/**
 * How long an answer may take in all. The response_url lives 30 minutes, so the limit is the
 * lead's patience, not Slack's: two minutes, with the placeholder saying why it takes so long.
 */
export const ANSWER_BUDGET_MS = 120_000;
/** When the placeholder says it is still waiting on LivePerson (ms after the answer started). */
export const STILL_WAITING_AFTER_MS: readonly number[] = [4_000, 30_000];

export interface AnswerDeps {
  reports: ReportService;
  charts: ChartDelivery;
  answerBudgetMs?: number;
  stillWaitingAfterMs?: readonly number[];
}

export interface AnswerOptions extends Pick<RunOptions, 'page' | 'id' | 'fresh'> {
  /** Edit the clicked message (paging) instead of answering beside it. */
  inPlace?: boolean;
}

/** The message that answers `query`: the report, a not-found or window note, or a problem. */
export async function buildAnswer(
  ctx: QueueContext,
  deps: Pick<AnswerDeps, 'reports' | 'charts'>,
  query: ReportQuery,
  opts: Pick<RunOptions, 'page' | 'id' | 'fresh'>,
  deadline: Deadline,
): Promise<SlackMessage> {
  try {
    const outcome = await deps.reports.run(query, { ...opts, deadline, timezone: () => ctx.timezone() });
    switch (outcome.kind) {
      case 'report': {
        const chart = await deps.charts.chartFor(outcome.report, { log: ctx.log, deadline });
        return renderReport(outcome.report, chart ? { chart } : {});
      }
      case 'not-found':
        return renderNotFound(outcome.query, outcome.suggestions);
      case 'ambiguous':
        return renderAmbiguous(outcome.query, outcome.candidates);
      case 'window':
        return renderWindowProblem(outcome.problem);
    }
  } catch (err) {
    ctx.log.error(`queue report failed: ${describeError(err)}`, { waitedMs: Math.round(deadline.elapsed()) });
    return renderProblem(problemOf(err));
  }
}

/** Answers `query` to the asker; never throws. */
export async function answerQuery(
  ctx: QueueContext,
  deps: AnswerDeps,
  query: ReportQuery,
  opts: AnswerOptions = {},
): Promise<void> {
  const deadline = Deadline.after(deps.answerBudgetMs ?? ANSWER_BUDGET_MS);
  let done = false;
  // Posts are chained so a "still waiting" already on its way lands before the answer, never after.
  let posting: Promise<unknown> = Promise.resolve();
  const timers = (deps.stillWaitingAfterMs ?? STILL_WAITING_AFTER_MS).map((ms) =>
    setTimeout(() => {
      posting = posting.then(() =>
        done ? undefined : ctx.conversation.replace(renderStillWaiting(query, deadline.elapsed())),
      );
    }, ms),
  );
  let message: SlackMessage;
  try {
    const { inPlace: _inPlace, ...run } = opts;
    message = await buildAnswer(ctx, deps, query, run, deadline);
  } finally {
    done = true;
    for (const t of timers) clearTimeout(t);
  }
  await posting;
  const inPlace = opts.inPlace ?? false;
  const sent = await ctx.conversation.answer(message, { inPlace });
  if (!sent.ok && sent.reason === 'limits') {
    // Slack would refuse it (invalid_blocks) and the user would see nothing: say so instead.
    ctx.log.error('answer breaks Slack limits; sent an explanation instead', { detail: sent.detail });
    await ctx.conversation.answer(renderProblem({ kind: 'too-big' }), { inPlace });
  } else if (!sent.ok) {
    ctx.log.error('answer could not be delivered', { reason: sent.reason, detail: sent.detail });
  }
}
