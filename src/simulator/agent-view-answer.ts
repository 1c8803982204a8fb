/**
 * POST …/agent_view: one record per agent, metrics flattened into the record as LivePerson does,
 * plus agentMetadata. Events count for the agent holding the conversation at the event's time
 * (see attribution.ts). Status durations: agentStatusDuration is the time in the current status
 * so far; agentLoginDuration / agentOnlineDuration are the time logged in / ONLINE inside the window.
 */
import { DEFAULT_AGENT_STATUSES, type NormalizedAgentViewRequest } from '../liveperson/contract/agent-view';
import { tallyAgents, tallyByTime, tallyOpen } from './attribution';
import type { AnswerContext } from './metrics-answer';
import { compareIds, pageLinks } from './paging';
import { OFFLINE, ONLINE, STATES } from './shifts';
import { Tally, fieldName, hasValue, metricValue } from './tally';

/** Answers an agent_view call. */
export function answerAgentView(
  ctx: AnswerContext,
  req: NormalizedAgentViewRequest,
): Record<string, unknown> {
  const { sim, now } = ctx;
  const { center, traffic, shifts } = sim;
  const body = req.body;
  const f = body.filters;
  const snapshot = sim.snapshot(now);
  const statuses = new Set<string>(f.effectiveAgentStatus ?? DEFAULT_AGENT_STATUSES);
  const ids = f.agentIds ? new Set(f.agentIds) : undefined;
  const groups = f.agentGroupIds ? new Set(f.agentGroupIds) : undefined;
  const skills = f.agentSkillIds ? new Set(f.agentSkillIds) : undefined;
  const types = f.userTypes ? new Set<string>(f.userTypes) : undefined;

  const selected = center.agents.flatMap((a, i) => {
    const state = STATES[snapshot.agents[i]!.state]!;
    const pass =
      (!ids || ids.has(a.id)) &&
      (!groups || groups.has(a.groupId)) &&
      (!skills || a.skillIds.some((s) => skills.has(s))) &&
      (!types || types.has(a.type)) &&
      statuses.has(state);
    return pass ? [i] : [];
  });
  const tallies = new Map(selected.map((i) => [i, new Tally()]));
  const targets = center.agents.map((_a, i) => {
    const t = tallies.get(i);
    return t ? [t] : [];
  });
  const none: Tally[] = [];
  const target = (_c: unknown, agent: number) => (agent >= 0 ? targets[agent]! : none);
  const from = f.time.from;
  const to = Math.min(f.time.to, now);
  tallyByTime(traffic, from, to, { agentOk: (i) => tallies.has(i) }, target);
  tallyOpen(snapshot, traffic, { agentOk: (i) => tallies.has(i) }, target);
  tallyAgents(snapshot, center, (i) => targets[i]!);

  const requested = [...(body.metricsToRetrieveByTime ?? []), ...(body.metricsToRetrieveCurrentValue ?? [])];
  const records = selected.map((i) => {
    const agent = center.agents[i]!;
    const t = tallies.get(i)!;
    const held = snapshot.agents[i]!;
    const state = STATES[held.state]!;
    const values: Record<string, number | string> = {};
    for (const m of requested) {
      const field = fieldName(m);
      switch (m) {
        case 'agent_current_status':
          values[field] = state;
          break;
        case 'agent_current_status_start_time':
          values[field] = shifts.stateSince(i, now);
          break;
        case 'agent_current_status_reason':
          values[field] = shifts.reasonOf(i, now);
          break;
        case 'agent_status_duration':
          values[field] = now - shifts.stateSince(i, now);
          break;
        case 'agent_login_duration':
          values[field] = to < from ? 0 : shifts.durationIn(i, from, to, (s) => s !== OFFLINE);
          break;
        case 'agent_online_duration':
          values[field] = to < from ? 0 : shifts.durationIn(i, from, to, (s) => s === ONLINE);
          break;
        case 'agent_load':
          values[field] = Math.round((held.weight / agent.maxSlots) * 1000) / 1000;
          break;
        default:
          if (hasValue(t, field)) values[field] = metricValue(t, field);
      }
    }
    const record: Record<string, unknown> = {
      agentId: agent.id,
      agentGroupId: agent.groupId,
      agentCurrentStatus: state,
      ...values,
    };
    if (body.includeAgentMetadata !== false) {
      record.agentMetadata = {
        agentName: agent.name,
        agentNickname: agent.nickname,
        agentLoginName: agent.loginName,
        agentGroupName: center.agentGroups.find((g) => g.id === agent.groupId)?.name ?? 'NA',
        configuredMaxSlots: agent.maxSlots,
        agentSkills: agent.skillIds.map((id) => ({
          skillId: id,
          skillName: center.skills.find((s) => s.id === id)?.name ?? 'NA',
        })),
      };
    }
    return { i, record, t };
  });

  const { key, order } = req.sort;
  const sign = order === 'desc' ? -1 : 1;
  const byId = (a: { i: number }, b: { i: number }) =>
    compareIds(center.agents[a.i]!.id, center.agents[b.i]!.id);
  const sortValue = (r: { i: number; t: Tally }): number =>
    key === 'agentLoad'
      ? Math.round((snapshot.agents[r.i]!.weight / center.agents[r.i]!.maxSlots) * 1000) / 1000
      : metricValue(r.t, key);
  records.sort((a, b) => {
    if (key === 'agentId') return sign * byId(a, b);
    if (key === 'agentName') {
      const x = center.agents[a.i]!.name;
      const y = center.agents[b.i]!.name;
      return sign * (x < y ? -1 : x > y ? 1 : 0) || byId(a, b);
    }
    return sign * (sortValue(a) - sortValue(b)) || byId(a, b);
  });
  const count = records.length;
  const base = `${ctx.baseUrl}/manager_workspace/api/account/${ctx.accountId}/agent_view`;
  return {
    metadata: { count, ...pageLinks(base, req.offset, req.limit, count, `${key}:${order}`) },
    agentViewRecords: records.slice(req.offset, req.offset + req.limit).map((r) => r.record),
  };
}
