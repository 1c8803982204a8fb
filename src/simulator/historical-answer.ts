/**
 * POST …/historical: trend points. Each point's values cover the interval that ends at its
 * timestamp ((timestamp − interval, timestamp]); points start at the window's start, and a point
 * whose interval begins after `now` is left out (the future has no data yet).
 */
import type { NormalizedHistoricalRequest } from '../liveperson/contract/historical';
import { MINUTE_MS } from '../domain/time';
import { tallyByTime, type Scope } from './attribution';
import type { AnswerContext } from './metrics-answer';
import { Tally, fieldName, metricValue } from './tally';

/** Answers a historical call. */
export function answerHistorical(
  ctx: AnswerContext,
  req: NormalizedHistoricalRequest,
): Record<string, unknown> {
  const { sim, now } = ctx;
  const { center, traffic } = sim;
  const f = req.body.filters;
  const step = req.intervalMinutes * MINUTE_MS;
  const { from, to } = f.time;
  const n = Math.max(1, Math.ceil((to - from) / step));
  const points = Array.from({ length: n }, () => new Tally());
  const targets = points.map((t) => [t]);

  const ids = f.agentIds ? new Set(f.agentIds) : undefined;
  const groups = f.agentGroupIds ? new Set(f.agentGroupIds) : undefined;
  const scope: Scope = {};
  if (f.skillIds) {
    scope.routes = f.skillIds.flatMap((id) => {
      const r = traffic.routeOf(id);
      return r === undefined ? [] : [r];
    });
  }
  if (f.userTypes) scope.userTypes = new Set(f.userTypes);
  if (ids || groups) {
    scope.agentOk = (i) => {
      const a = center.agents[i]!;
      return (!ids || ids.has(a.id)) && (!groups || groups.has(a.groupId));
    };
  }
  tallyByTime(traffic, from, Math.min(to, now), scope, (_c, _agent, at) => {
    const k = Math.min(n - 1, Math.max(0, Math.ceil((at - from) / step) - 1));
    return targets[k]!;
  });

  const fields = req.body.metricsToRetrieveByTime.map((m) => fieldName(m));
  const intervals = points.flatMap((t, k) => {
    const timestamp = from + (k + 1) * step;
    if (timestamp - step > now) return [];
    return [{ timestamp, values: Object.fromEntries(fields.map((field) => [field, metricValue(t, field)])) }];
  });
  return { historicalMetricsIntervals: intervals };
}
