/**
 * What a digest posts, assembled: the shift summary from LivePerson, its chart when one can be
 * had, rendered. The chart is a picture beside the text: when it fails the text goes alone.
 */
import type { Targets } from '../domain/targets';
import type { ReportService } from '../reports/report-service';
import type { AppLogger } from '../shared/logger';
import type { ChartDelivery } from '../slack/chart-delivery';
import { renderShiftSummary } from '../slack/views/shift-summary';
import type { DigestContent } from './digest-runner';
import { buildShiftSummary, shiftSummaryChart } from './shift-summary';

export interface DigestContentDeps {
  reports: ReportService;
  charts: Pick<ChartDelivery, 'chartFor'>;
  targets?: Targets;
  log: AppLogger;
}

export function digestContent(deps: DigestContentDeps): DigestContent {
  return async (digest, fireAt, marks) => {
    const summary = await buildShiftSummary(digest, fireAt, {
      reports: deps.reports,
      log: deps.log,
      ...(deps.targets ? { targets: deps.targets } : {}),
    });
    const chart = await shiftSummaryChart(summary, digest, deps.charts, { log: deps.log });
    return renderShiftSummary(summary, {
      digest,
      ...(chart ? { chart } : {}),
      ...(marks.late ? { late: true } : {}),
      ...(marks.manual ? { manual: true } : {}),
    });
  };
}
