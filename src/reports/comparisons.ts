/** The earlier windows a report compares with, fetched beside it. */
import { shiftWindow, withinRetention } from '../domain/compare';
import type { CompareWith, OverviewQuery, ScopeQuery } from '../domain/query';
import type { ComparisonInput } from '../domain/report';
import type { ResolvedWindow } from '../domain/window';
import type { CallOptions } from '../liveperson/client/client';
import { toMetricsAnswer } from '../liveperson/mapper';
import { planComparison, type ResolvedScope } from '../liveperson/planner';
import type { ReportServiceDeps } from './service-deps';

/**
 * The same window in each earlier period the query compares with, asked in parallel with the
 * report itself. A window past LivePerson's 14 days is not asked; one that fails is noted and
 * the report goes out without it.
 */
export async function fetchComparisons(
  deps: Pick<ReportServiceDeps, 'client' | 'log' | 'loadScale'>,
  query: OverviewQuery | ScopeQuery,
  window: ResolvedWindow,
  scope: ResolvedScope | undefined,
  call: CallOptions,
  resolvedAt: number,
): Promise<ComparisonInput[] | undefined> {
  const wanted = [...new Set<CompareWith>(query.compare ?? [])];
  if (!wanted.length) return undefined;
  return Promise.all(
    wanted.map(async (withWhat): Promise<ComparisonInput> => {
      const earlier = shiftWindow(window, withWhat, window.zone);
      const base = { with: withWhat, window: earlier };
      if (!withinRetention(earlier, resolvedAt)) return { ...base, missing: 'beyond-retention' };
      const request = planComparison(query, earlier, scope);
      if (!request) return { ...base, missing: 'unavailable' };
      try {
        return {
          ...base,
          answer: toMetricsAnswer(await deps.client.metrics(request, call), deps.loadScale ?? 'ratio'),
        };
      } catch (error) {
        deps.log?.warn('Comparison unavailable; the report goes without it', {
          err: error,
          with: withWhat,
        });
        return { ...base, missing: 'unavailable' };
      }
    }),
  );
}
