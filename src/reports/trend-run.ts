/** A trend report: closed, concluded and transfers per interval from the historical method. */
import type { ReportOutcome } from '../domain/outcome';
import type { TrendQuery } from '../domain/query';
import { toReport, type ReportInput } from '../domain/report';
import { trendSpan } from '../domain/trend-report';
import type { ResolvedWindow } from '../domain/window';
import type { CallOptions } from '../liveperson/client/client';
import { toTrendPoints } from '../liveperson/mapper';
import { planTrendReport } from '../liveperson/planner';
import type { ReportServiceDeps, Scoped } from './service-deps';

/** A trend report: the historical method's series over the window, cut to the trend's 24 h. */
export async function runTrend(
  deps: Pick<ReportServiceDeps, 'client' | 'now' | 'source'>,
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
