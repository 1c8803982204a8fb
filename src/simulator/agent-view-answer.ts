/**
 * POST …/agent_view: one record per agent, metrics flattened into the record as LivePerson does,
 * plus agentMetadata, under the field names LivePerson's agent_view page gives. Events count for
 * the agent holding the conversation at the event's time (see attribution.ts). Status durations
 * cover the window: agentStatusDurationList (per logged-in status), agentStatusWithReasonDurationList
 * (per status and reason), loginDuration and onlineDuration; as documented they leave out bots.
 * fcr, nps and intentMatchedRate are left out of every record: the synthetic center asks no
 * surveys and matches no intents, and an invented number would read as data.
 */
import { DEFAULT_AGENT_STATUSES, type NormalizedAgentViewRequest } from '../liveperson/contract/agent-view';
import { tallyAgents, tallyByTime, tallyOpen } from './attribution';
import type { AnswerContext } from './metrics-answer';
import { compareIds, pageLinks } from './paging';
import { OFFLINE, ONLINE, STATES, type ShiftModel } from './shifts';
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
  const window = { from, to };
  const records = selected.map((i) => {
    const agent = center.agents[i]!;
    const t = tallies.get(i)!;
    const held = snapshot.agents[i]!;
    const state = STATES[held.state]!;
    const values: Record<string, unknown> = {};
    for (const m of requested) {
      switch (m) {
        case 'agent_current_status':
          values.agentCurrentStatus = state;
          break;
        case 'agent_current_status_start_time':
        case 'agent_current_status_reason_start_time':
          // A reason is set with its status, so both start together.
          values[fieldName(m)] = shifts.stateSince(i, now);
          break;
        case 'agent_current_status_reason':
          values.agentCurrentStatusReason = shifts.reasonOf(i, now);
          break;
        case 'agent_status_duration':
        case 'agent_status_with_reason_duration':
        case 'agent_login_duration':
        case 'agent_online_duration':
          if (agent.type !== 'BOT') Object.assign(values, statusDurations(m, shifts, i, window));
          break;
        case 'agent_load':
          values.agentLoad = Math.round((held.weight / agent.maxSlots) * 1000) / 1000;
          break;
        case 'close_rate':
        case 'closed_rate':
          values.closeRate = metricValue(t, 'closedRate');
          break;
        case 'fcr':
        case 'nps':
        case 'intent_matched_rate':
          break;
        default:
          // A ratio with nothing under it (CSAT with no answers) is left out, not sent as 0.
          if (hasValue(t, fieldName(m))) values[fieldName(m)] = metricValue(t, fieldName(m));
      }
    }
    const record: Record<string, unknown> = {
      agentId: agent.id,
      // Longs in agent_view, as documented (metrics keys are strings).
      agentGroupId: Number(agent.groupId),
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
          skillId: Number(id),
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
    if (key === 'agentName' || key === 'agentStatus') {
      const text = (r: { i: number }) =>
        key === 'agentName' ? center.agents[r.i]!.name : STATES[snapshot.agents[r.i]!.state]!;
      const x = text(a);
      const y = text(b);
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

/** The status-duration fields one requested metric stands for, over the window. */
function statusDurations(
  metric:
    | 'agent_status_duration'
    | 'agent_status_with_reason_duration'
    | 'agent_login_duration'
    | 'agent_online_duration',
  shifts: ShiftModel,
  agent: number,
  window: { from: number; to: number },
): Record<string, unknown> {
  const { from, to } = window;
  if (metric === 'agent_login_duration')
    return { loginDuration: to < from ? 0 : shifts.durationIn(agent, from, to, (s) => s !== OFFLINE) };
  if (metric === 'agent_online_duration')
    return { onlineDuration: to < from ? 0 : shifts.durationIn(agent, from, to, (s) => s === ONLINE) };
  const spans = to < from ? [] : shifts.durationsByStatus(agent, from, to);
  if (metric === 'agent_status_with_reason_duration') {
    return {
      agentStatusWithReasonDurationList: spans.map((s) => ({
        agentStatus: s.state,
        agentStatusReasonId: s.reason,
        agentStatusDuration: s.ms,
      })),
    };
  }
  const byStatus = new Map<string, number>();
  for (const s of spans) byStatus.set(s.state, (byStatus.get(s.state) ?? 0) + s.ms);
  return {
    agentStatusDurationList: [...byStatus].map(([agentStatus, agentStatusDuration]) => ({
      agentStatus,
      agentStatusDuration,
    })),
  };
}
