/**
 * Query → Slack message, shared by the slash command and the buttons: run the report pipeline,
 * attach the chart, pick the view. Every failure becomes a readable message; the detail goes to
 * the log, never to Slack.
 */
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ReportQuery } from '../domain/query';
import { describeError, problemOf } from '../reports/problem-of';
import type { ReportService, RunOptions } from '../reports/report-service';
import {
  renderAmbiguous,
  renderNotFound,
  renderProblem,
  renderReport,
  renderWindowProblem,
  type SlackMessage,
} from './views';
import type { ChartDelivery } from './chart-delivery';

export interface AnswerDeps {
  reports: ReportService;
  charts: ChartDelivery;
}

/** Runs `query` and renders whatever came of it. Never throws. */
export async function answerQuery(
  deps: AnswerDeps,
  query: ReportQuery,
  opts: RunOptions,
  ctx: { client: WebClient; logger: Logger },
): Promise<SlackMessage> {
  try {
    const outcome = await deps.reports.run(query, opts);
    switch (outcome.kind) {
      case 'report': {
        const chart = await deps.charts.chartFor(outcome.report, ctx.client, ctx.logger);
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
    ctx.logger.error(`queue report failed: ${describeError(err)}`);
    return renderProblem(problemOf(err));
  }
}
