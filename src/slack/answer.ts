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

export interface AnswerOptions extends Pick<RunOptions, 'page' | 'id' | 'fresh' | 'timezone'> {
  /** Edit the clicked message (paging) instead of answering beside it. */
  inPlace?: boolean;
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
  deps: Pick<AnswerDeps, 'reports' | 'charts'>,
  query: ReportQuery,
  opts: Omit<AnswerOptions, 'inPlace'>,
  deadline: Deadline,
): Promise<Answer> {
  const note = (message: SlackMessage): Answer => ({ message, isReport: false });
  try {
    const outcome = await deps.reports.run(query, { timezone: () => ctx.timezone(), ...opts, deadline });
    switch (outcome.kind) {
      case 'report': {
        const chart = await deps.charts.chartFor(outcome.report, { log: ctx.log, deadline });
        return { message: renderReport(outcome.report, chart ? { chart } : {}), isReport: true };
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
  let done = false;
  // Posts are chained so a "still waiting" already on its way lands before the answer, never after.
  let posting: Promise<unknown> = Promise.resolve();
  // A clicked message is left as it is until its new version is ready: no placeholder over it.
  const stillWaiting = inPlace ? [] : (deps.stillWaitingAfterMs ?? STILL_WAITING_AFTER_MS);
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
  let answer: Answer;
  try {
    const { inPlace: _inPlace, ...run } = opts;
    answer = await buildAnswer(ctx, deps, query, run, deadline);
  } finally {
    done = true;
    for (const t of timers) clearTimeout(t);
  }
  await posting;
  const send = (message: SlackMessage) =>
    inPlace && !answer.isReport
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
