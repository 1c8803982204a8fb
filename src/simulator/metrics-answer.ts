/**
 * POST …/metrics: a validated request in, the KMM response body out. Pure given the simulation
 * and the clock. Every metric is computed for every key (sorting may need any of them); only the
 * requested ones are returned.
 */
import { fieldOf, type RequestMetric } from '../liveperson/contract/catalog';
import { type NormalizedKmmRequest } from '../liveperson/contract/metrics-request';
import { tallyAgents, tallyByTime, tallyOpen, type Scope, type Target } from './attribution';
import { NO_SKILL_ID, NO_SKILL_NAME, groupWithAncestors, groupWithDescendants } from './contact-center';
import { compareIds, pageLinks } from './paging';
import type { Simulation } from './simulation';
import { Tally, hasValue, metricValue } from './tally';

export type AllShape = 'flat' | 'nested';

export interface AnswerContext {
  sim: Simulation;
  now: number;
  /** The simulator's own URL, e.g. http://127.0.0.1:4010 (for metadata links). */
  baseUrl: string;
  accountId: string;
}

interface Key {
  key: string;
  name: string;
  tally: Tally;
}

function hasData(t: Tally): boolean {
  return t.responses + t.closed + t.transfers + t.backToQueue + t.assigned + t.unassigned + t.csatAnswers > 0;
}

/** Answers a metrics call; `allShape` picks `all: {...}` or `all: {metrics: {...}}`. */
export function answerMetrics(
  ctx: AnswerContext,
  req: NormalizedKmmRequest,
  allShape: AllShape,
): Record<string, unknown> {
  const { sim, now } = ctx;
  const { center, traffic } = sim;
  const body = req.body;
  const f = body.filters;

  const skillFilter = f.skillIds ? new Set(f.skillIds) : undefined;
  const routes = f.skillIds?.flatMap((id) => {
    const r = traffic.routeOf(id);
    return r === undefined ? [] : [r];
  });
  const groupFilter = f.agentGroupIds
    ? new Set(
        f.includeSubGroups
          ? f.agentGroupIds.flatMap((g) => groupWithDescendants(center, g))
          : f.agentGroupIds,
      )
    : undefined;
  const agentIdFilter = f.agentIds ? new Set(f.agentIds) : undefined;
  const userTypes = f.userTypes ? new Set(f.userTypes) : undefined;
  const agentOk = (i: number): boolean => {
    const a = center.agents[i]!;
    return (!agentIdFilter || agentIdFilter.has(a.id)) && (!groupFilter || groupFilter.has(a.groupId));
  };
  const scope: Scope = {};
  if (routes) scope.routes = routes;
  if (userTypes) scope.userTypes = userTypes;
  if (groupFilter || agentIdFilter) scope.agentOk = agentOk;
  const agentSelected = (i: number): boolean => {
    const a = center.agents[i]!;
    return (
      agentOk(i) &&
      (!userTypes || userTypes.has(a.type)) &&
      (!skillFilter || a.skillIds.some((s) => skillFilter.has(s)))
    );
  };

  const all = new Tally();
  const justAll = [all];
  let keys: Key[] = [];
  let target: Target = () => justAll;
  let agentTarget = (i: number): readonly Tally[] => (agentSelected(i) ? justAll : []);

  if (body.groupBy === 'skillId') {
    const byRoute = traffic.routes.map(() => new Tally());
    const routeTargets = byRoute.map((t) => [all, t]);
    target = (c) => routeTargets[c.route]!;
    const agentTargets = center.agents.map((a, i) =>
      agentSelected(i)
        ? [
            all,
            ...a.skillIds.flatMap((s) => {
              const r = traffic.routeOf(s);
              return r === undefined || (skillFilter && !skillFilter.has(s)) ? [] : [byRoute[r]!];
            }),
          ]
        : [],
    );
    agentTarget = (i) => agentTargets[i]!;
    keys = traffic.routes.flatMap((r, i) =>
      !skillFilter || skillFilter.has(r.skillId)
        ? [{ key: r.skillId, name: r.skillId === NO_SKILL_ID ? NO_SKILL_NAME : r.name, tally: byRoute[i]! }]
        : [],
    );
  } else if (body.groupBy === 'agentGroupId') {
    const listed = center.agentGroups.filter((g) => !g.deleted && (!groupFilter || groupFilter.has(g.id)));
    const byGroup = new Map(listed.map((g) => [g.id, new Tally()]));
    const agentTargets = center.agents.map((a) => [
      all,
      ...(f.includeSubGroups ? groupWithAncestors(center, a.groupId) : [a.groupId]).flatMap((g) => {
        const t = byGroup.get(g);
        return t ? [t] : [];
      }),
    ]);
    target = (_c, agent) => (agent >= 0 ? agentTargets[agent]! : justAll);
    agentTarget = (i) => (agentSelected(i) ? agentTargets[i]! : []);
    keys = listed.map((g) => ({ key: g.id, name: g.name, tally: byGroup.get(g.id)! }));
  }

  tallyByTime(traffic, f.time.from, Math.min(f.time.to, now), scope, target);
  const snapshot = sim.snapshot(now);
  tallyOpen(snapshot, traffic, scope, target);
  tallyAgents(snapshot, center, agentTarget);

  // "-1" appears only when traffic without a skill fell inside the filters.
  keys = keys.filter((k) => k.key !== NO_SKILL_ID || hasData(k.tally));

  const fields = [
    ...new Set([...(body.metricsToRetrieveCurrentValue ?? []), ...(body.metricsToRetrieveByTime ?? [])]),
  ].map((m: RequestMetric) => fieldOf(m));
  // A ratio of no answers is not 0: with no CSAT answer in the window the record has no csat.
  const metricsOf = (t: Tally): Record<string, number> =>
    Object.fromEntries(
      fields.flatMap((field) => (hasValue(t, field) ? [[field, metricValue(t, field)]] : [])),
    );

  const sections = body.responseSections ?? ['all', 'groupBy'];
  const withGroups = body.groupBy !== undefined && sections.includes('groupBy');
  const { key: sortKey, order } = req.sort;
  const sign = order === 'desc' ? -1 : 1;
  if (sortKey === 'key') keys.sort((a, b) => sign * compareIds(a.key, b.key));
  else {
    const value = new Map(keys.map((k) => [k, metricValue(k.tally, sortKey)]));
    keys.sort((a, b) => sign * (value.get(a)! - value.get(b)!) || compareIds(a.key, b.key));
  }
  const count = withGroups ? keys.length : 0;
  const base = `${ctx.baseUrl}/manager_workspace/api/account/${ctx.accountId}/metrics`;
  const out: Record<string, unknown> = {
    metadata: { count, ...pageLinks(base, req.offset, req.limit, count, `${sortKey}:${order}`) },
  };
  if (withGroups) {
    out.groupBy = {
      groupByField: body.groupBy,
      groups: keys.slice(req.offset, req.offset + req.limit).map((k) => ({
        key: k.key,
        keyDescription: k.name,
        metrics: metricsOf(k.tally),
      })),
    };
  }
  if (sections.includes('all')) {
    out.all = allShape === 'flat' ? metricsOf(all) : { metrics: metricsOf(all) };
  }
  return out;
}
