/** An agents report: one page of agent_view for a resolved skill or group, bots marked. */
import { toAgentsReport } from '../domain/agents';
import type { ReportOutcome } from '../domain/outcome';
import type { AgentsQuery } from '../domain/query';
import type { ResolvedWindow } from '../domain/window';
import type { CallOptions } from '../liveperson/client/client';
import type { AgentViewResponse } from '../liveperson/contract/agent-view';
import { toAgentsAnswer } from '../liveperson/mapper';
import { planAgents, planBotsProbe, type AgentsPlan } from '../liveperson/planner';
import type { ReportServiceDeps, Scoped } from './service-deps';

type Deps = Pick<ReportServiceDeps, 'client' | 'log' | 'loadScale' | 'now' | 'source'>;

/**
 * The bots among a page's agents. agent_view records do not say who is a bot, so the page's
 * ids are asked again as bots only; undefined when that answer could not be had.
 */
async function botsOn(
  deps: Deps,
  plan: AgentsPlan,
  page: AgentViewResponse,
  call: CallOptions,
): Promise<ReadonlySet<string> | undefined> {
  if (!plan.probeBots || page.records.length === 0) return new Set();
  try {
    const bots = await deps.client.agentView(
      planBotsProbe(
        plan,
        page.records.map((r) => r.agentId),
      ),
      call,
    );
    return new Set(bots.records.map((r) => r.agentId));
  } catch (error) {
    deps.log?.warn('Bots unknown; agents are listed without bot marks', { err: error });
    return undefined;
  }
}

/** One page of the agents of a resolved skill or group, busiest first. */
export async function runAgents(
  deps: Deps,
  query: AgentsQuery,
  window: ResolvedWindow,
  scoped: Scoped,
  page: number | undefined,
  call: CallOptions,
): Promise<ReportOutcome> {
  let plan = planAgents(query, window, scoped.scope, page);
  let response = await deps.client.agentView(plan.request, call);
  // A Next button drawn when more agents were logged in: show the last page there is, not none.
  if (response.records.length === 0 && response.count > 0 && plan.rowsOffset >= response.count) {
    plan = planAgents(query, window, scoped.scope, Math.ceil(response.count / plan.pageSize));
    response = await deps.client.agentView(plan.request, call);
  }
  const bots = await botsOn(deps, plan, response, call);
  const answer = toAgentsAnswer(
    response,
    deps.loadScale ?? 'ratio',
    (id) => query.audience === 'bots' || (bots?.has(id) ?? false),
  );
  const report = toAgentsReport({
    query,
    window,
    scope: { id: scoped.item.id, name: scoped.item.name },
    answer,
    fetchedAt: deps.now(),
    source: deps.source,
    page: plan.page,
    pageSize: plan.pageSize,
    rowsOffset: plan.rowsOffset,
    reachable: plan.reachable,
    ...(bots ? {} : { botsUnknown: true }),
  });
  return { kind: 'report', report };
}
