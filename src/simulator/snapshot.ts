/**
 * The account at one instant: which conversations are open, where each one is (queue or agent,
 * active or idle, consumer waiting since when) and each agent's state and load.
 */
import type { ContactCenter } from './contact-center';
import { OFFLINE, type ShiftModel } from './shifts';
import { LOOKBACK_MS, type Conversation, type TrafficModel } from './traffic';

export interface OpenConversation {
  c: Conversation;
  /** Roster index of the agent holding it, or -1 while it waits in the queue. */
  agent: number;
  /** Assigned and the consumer still engaged (not idling towards auto-close). */
  active: boolean;
  /** Since when it has been in the queue (start, or the transfer). */
  queueSince: number;
  /** Since when the consumer has waited for the assigned agent's reply; undefined when not waiting. */
  waitingSince: number | undefined;
}

export interface AgentNow {
  /** Index into STATES. */
  state: number;
  assigned: number;
  active: number;
  pending: number;
  /** Assigned weight: an active conversation weighs 1, an idle one 0.5. */
  weight: number;
}

export interface Snapshot {
  now: number;
  open: OpenConversation[];
  agents: AgentNow[];
}

export const IDLE_WEIGHT = 0.5;

export function takeSnapshot(
  center: ContactCenter,
  shifts: ShiftModel,
  traffic: TrafficModel,
  now: number,
): Snapshot {
  const states = shifts.statesAt(now);
  const agents: AgentNow[] = center.agents.map((_a, i) => ({
    state: states[i] ?? OFFLINE,
    assigned: 0,
    active: 0,
    pending: 0,
    weight: 0,
  }));
  const open: OpenConversation[] = [];
  traffic.forEach(now - LOOKBACK_MS, now, undefined, (c) => {
    if (c.closedAt <= now) return;
    const first = c.assignments[0];
    let agent = -1;
    let queueSince = c.start;
    if (first && first.at <= now) {
      if (c.transfer && c.transfer.at <= now) {
        const second = c.assignments[1];
        if (second && second.at <= now) agent = second.agent;
        else queueSince = c.transfer.at;
      } else agent = first.agent;
    }
    let waitingSince: number | undefined;
    if (agent >= 0) {
      const next = c.responseAt.findIndex((at) => at > now);
      if (next >= 0) {
        const since = c.responseAt[next]! - c.responseWait[next]!;
        if (since <= now) waitingSince = since;
      }
    }
    const active = agent >= 0 && now < c.idleAt;
    open.push({ c, agent, active, queueSince, waitingSince });
    if (agent >= 0) {
      const a = agents[agent]!;
      a.assigned++;
      a.weight += active ? 1 : IDLE_WEIGHT;
      if (active) a.active++;
      if (waitingSince !== undefined) a.pending++;
    }
  });
  return { now, open, agents };
}
