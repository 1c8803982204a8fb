/**
 * Which events count where. Attribution choices (LivePerson documents only some of them):
 *
 * - Skill: a conversation keeps its skill for life (transfers go back to the same skill's queue),
 *   so every event of it counts under that skill; traffic without a skill counts under "-1" ("NA").
 * - Agent group: an event counts under the group of the agent who holds the conversation at the
 *   event's time: a response under the responding agent, a close under the agent holding it at
 *   the close, a transfer under the agent who let it go, a CSAT answer under the closing agent.
 *   Events with no agent — a consumer who gives up in the queue, a conversation waiting in the
 *   queue now — belong to no group: they count in `all` and under groupBy skillId, under no
 *   groupBy agentGroupId key, and drop out as soon as agentIds/agentGroupIds filters are set.
 * - userTypes: a conversation is routed to a human or a bot queue at arrival and only agents of
 *   that type take it, so the filter applies to the conversation (queued ones included).
 * - Response-time metrics (avg wait, time to response, first response) follow the documentation:
 *   human agent messages only. Response counts (total / outside SL) count bots too.
 * - Agent-state metrics (online/away/back soon agents, available slots, loads) are agent-centric:
 *   filters pick agents (skillIds: agents having any of them), and an agent counts under each of
 *   its skills (the documentation's rule for availableSlots) and under its group. A load is the
 *   held weight (all the agent's conversations, any skill) over the max slots of agents logged in
 *   (not OFFLINE); human online/away loads use ONLINE / AWAY humans only.
 * - includeSubGroups: a group's numbers also contain its descendants' events (added per event,
 *   so averages come from the underlying sums).
 */
import { AWAY, BACK_SOON, ONLINE } from './shifts';
import type { Snapshot } from './snapshot';
import type { Tally } from './tally';
import { LOOKBACK_MS, agentAt, type Conversation, type TrafficModel } from './traffic';
import type { AgentType, ContactCenter } from './contact-center';

export interface Scope {
  /** Route indices (skills) to include; undefined: all. */
  routes?: number[];
  userTypes?: ReadonlySet<AgentType>;
  /** Set when agentIds/agentGroupIds filter: an event needs an agent that passes. */
  agentOk?: (agent: number) => boolean;
}

/** Tallies an event adds to (e.g. `all` plus its group's); `at` is the event time. */
export type Target = (c: Conversation, agent: number, at: number) => readonly Tally[];

function inScope(scope: Scope, c: Conversation): boolean {
  return !scope.userTypes || scope.userTypes.has(c.userType);
}

function agentPasses(scope: Scope, agent: number): boolean {
  return !scope.agentOk || (agent >= 0 && scope.agentOk(agent));
}

/** Adds every event inside [from, to] (responses, transfers, closes, CSAT answers). */
export function tallyByTime(
  traffic: TrafficModel,
  from: number,
  to: number,
  scope: Scope,
  target: Target,
): void {
  if (to < from) return;
  const within = (at: number | undefined): at is number => at !== undefined && at >= from && at <= to;
  traffic.forEach(from - LOOKBACK_MS, to, scope.routes, (c) => {
    if (!inScope(scope, c)) return;
    const sla = traffic.routes[c.route]!.slaMs;
    const human = c.userType === 'HUMAN';
    for (let i = 0; i < c.responseAt.length; i++) {
      const at = c.responseAt[i]!;
      if (at < from) continue;
      if (at > to) break;
      const agent = agentAt(c, at);
      if (!agentPasses(scope, agent)) continue;
      const wait = c.responseWait[i]!;
      const assignment =
        i === 0 ? c.assignments[0] : i === c.secondFirstResponse ? c.assignments[1] : undefined;
      const latency = assignment ? at - assignment.at : wait;
      for (const t of target(c, agent, at)) {
        t.responses++;
        if (wait > sla) t.outsideSl++;
        if (!human) continue;
        t.humanResponses++;
        t.humanWaitSum += wait;
        t.humanLatencySum += latency;
        if (assignment) {
          t.assignmentFirstResponses++;
          t.assignmentLatencySum += latency;
        }
        if (i === 0) {
          t.firstResponses++;
          t.firstWaitSum += wait;
          t.firstLatencySum += latency;
        }
      }
    }
    if (c.transfer && within(c.transfer.at)) {
      const agent = c.assignments[0]!.agent;
      if (agentPasses(scope, agent)) {
        for (const t of target(c, agent, c.transfer.at)) {
          if (c.transfer.kind === 'TRANSFER') t.transfers++;
          else t.backToQueue++;
        }
      }
    }
    const closer = agentAt(c, c.closedAt);
    if (within(c.closedAt) && agentPasses(scope, closer)) {
      for (const t of target(c, closer, c.closedAt)) {
        t.closed++;
        if (c.closedBy === 'AGENT') t.closedByAgent++;
        else if (c.closedBy === 'CONSUMER') t.closedByConsumer++;
        else t.autoClosed++;
        t.durationSum += c.closedAt - c.start;
      }
    }
    if (within(c.csatAt) && agentPasses(scope, closer)) {
      for (const t of target(c, closer, c.csatAt)) {
        t.csatAnswers++;
        if ((c.csatScore ?? 0) >= 4) t.csatTop++;
      }
    }
  });
}

/** Adds the open conversations of the snapshot (queue, assigned, active, overdue, waits). */
export function tallyOpen(snapshot: Snapshot, traffic: TrafficModel, scope: Scope, target: Target): void {
  const routes = scope.routes ? new Set(scope.routes) : undefined;
  const now = snapshot.now;
  for (const o of snapshot.open) {
    if (routes && !routes.has(o.c.route)) continue;
    if (!inScope(scope, o.c) || !agentPasses(scope, o.agent)) continue;
    const sla = traffic.routes[o.c.route]!.slaMs;
    for (const t of target(o.c, o.agent, now)) {
      if (o.agent < 0) {
        t.unassigned++;
        t.queueWaits.push(now - o.queueSince);
        if (now - o.queueSince > sla) t.overdueQueue++;
        continue;
      }
      t.assigned++;
      if (o.active) t.active++;
      if (o.waitingSince !== undefined) {
        t.pending++;
        if (now - o.waitingSince > sla) t.overdueAssigned++;
      }
    }
  }
}

/** Adds agent states and loads for the agents `target` names tallies for. */
export function tallyAgents(
  snapshot: Snapshot,
  center: ContactCenter,
  target: (agent: number) => readonly Tally[],
): void {
  center.agents.forEach((agent, i) => {
    const now = snapshot.agents[i]!;
    const human = agent.type === 'HUMAN';
    for (const t of target(i)) {
      t.configuredSlots += agent.maxSlots;
      if (now.state === ONLINE) {
        t.online++;
        t.availableSlots += Math.max(0, agent.maxSlots - now.assigned);
      } else if (now.state === AWAY) t.away++;
      else if (now.state === BACK_SOON) t.backSoon++;
      else continue;
      t.weightAll += now.weight;
      t.slotsAll += agent.maxSlots;
      if (!human) continue;
      t.weightHuman += now.weight;
      t.slotsHuman += agent.maxSlots;
      if (now.state === ONLINE) {
        t.weightHumanOnline += now.weight;
        t.slotsHumanOnline += agent.maxSlots;
      } else if (now.state === AWAY) {
        t.weightHumanAway += now.weight;
        t.slotsHumanAway += agent.maxSlots;
      }
    }
  });
}
