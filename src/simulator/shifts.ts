/**
 * Agent states per 15-minute slot, from shift patterns: a human is OFFLINE outside the shift and,
 * inside it, ONLINE except for two short breaks (BACK_SOON), a lunch (AWAY) and the odd meeting.
 * Shift starts jitter by a slot or so from day to day and ~3% of shifts are missed (sick days),
 * all decided by hash(seed, agent, day), so a slot's states are a pure function of seed and time.
 * Bots are always ONLINE.
 */
import { DAY_MS, MINUTE_MS } from '../domain/time';
import type { AgentState, ContactCenter } from './contact-center';
import { hashInts, unitOf } from './random';

export const SLOT_MS = 15 * MINUTE_MS;
export const STATES: readonly AgentState[] = ['OFFLINE', 'ONLINE', 'AWAY', 'BACK_SOON'];
export const OFFLINE = 0;
export const ONLINE = 1;
export const AWAY = 2;
export const BACK_SOON = 3;

const REASONS = ['', '', 'Lunch', 'Break', 'Meeting', 'Personal'] as const;
const R_NONE = 0;
const R_LUNCH = 2;
const R_BREAK = 3;
const R_MEETING = 4;
const R_PERSONAL = 5;

/** Bots report being online since this instant (they never log out). */
export const BOTS_ONLINE_SINCE = Date.UTC(2020, 0, 1);

interface SlotStates {
  state: Uint8Array;
  reason: Uint8Array;
}

const CACHE_SLOTS = 4 * 24 * 40;
const SALT_SHIFT = 11;
const SALT_ABSENT = 12;
const SALT_SLOT = 13;
const SALT_LUNCH = 14;

export class ShiftModel {
  private readonly cache = new Map<number, SlotStates>();

  constructor(
    private readonly center: ContactCenter,
    private readonly seed: number,
  ) {}

  /** States of all agents (by roster index) in the slot containing `t`. */
  statesAt(t: number): Uint8Array {
    return this.slot(Math.floor(t / SLOT_MS)).state;
  }

  stateOf(agent: number, t: number): AgentState {
    return STATES[this.statesAt(t)[agent]!]!;
  }

  reasonOf(agent: number, t: number): string {
    return REASONS[this.slot(Math.floor(t / SLOT_MS)).reason[agent]!]!;
  }

  /** When the agent's current state began (start of the run of equal slots). */
  stateSince(agent: number, t: number): number {
    if (this.center.agents[agent]!.type === 'BOT') return Math.min(BOTS_ONLINE_SINCE, t);
    let slot = Math.floor(t / SLOT_MS);
    const state = this.slot(slot).state[agent];
    // A human's state changes at least daily (shift end), so two days back is always enough.
    for (let back = 0; back < 2 * 96; back++) {
      if (this.slot(slot - 1).state[agent] !== state) break;
      slot--;
    }
    return slot * SLOT_MS;
  }

  /** Milliseconds in [from, to] spent in a state accepted by `which`. */
  durationIn(agent: number, from: number, to: number, which: (state: number) => boolean): number {
    let total = 0;
    for (let slot = Math.floor(from / SLOT_MS); slot * SLOT_MS < to; slot++) {
      if (!which(this.slot(slot).state[agent]!)) continue;
      const start = Math.max(from, slot * SLOT_MS);
      const end = Math.min(to, (slot + 1) * SLOT_MS);
      if (end > start) total += end - start;
    }
    return total;
  }

  /**
   * Milliseconds in [from, to] per logged-in state and reason, in first-seen order ("NA" when the
   * state had no reason): agent_view's agentStatus(WithReason)DurationList.
   */
  durationsByStatus(
    agent: number,
    from: number,
    to: number,
  ): { state: AgentState; reason: string; ms: number }[] {
    const out = new Map<string, { state: AgentState; reason: string; ms: number }>();
    for (let slot = Math.floor(from / SLOT_MS); slot * SLOT_MS < to; slot++) {
      const s = this.slot(slot);
      const state = s.state[agent]!;
      if (state === OFFLINE) continue;
      const ms = Math.min(to, (slot + 1) * SLOT_MS) - Math.max(from, slot * SLOT_MS);
      if (ms <= 0) continue;
      const reason = REASONS[s.reason[agent]!] || 'NA';
      const key = `${state}|${reason}`;
      const entry = out.get(key) ?? { state: STATES[state]!, reason, ms: 0 };
      entry.ms += ms;
      out.set(key, entry);
    }
    return [...out.values()];
  }

  private slot(slot: number): SlotStates {
    let hit = this.cache.get(slot);
    if (hit) return hit;
    const n = this.center.agents.length;
    hit = { state: new Uint8Array(n), reason: new Uint8Array(n) };
    for (let i = 0; i < n; i++) {
      const [state, reason] = this.compute(i, slot);
      hit.state[i] = state;
      hit.reason[i] = reason;
    }
    if (this.cache.size >= CACHE_SLOTS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(slot, hit);
    return hit;
  }

  private compute(i: number, slot: number): [number, number] {
    const agent = this.center.agents[i]!;
    if (!agent.shift) return [ONLINE, R_NONE];
    const t = slot * SLOT_MS;
    const day = Math.floor(t / DAY_MS);
    // A night shift that began yesterday may still be running.
    for (const d of [day, day - 1]) {
      if (unitOf(this.seed, SALT_ABSENT, i, d) < 0.03) continue;
      const jitter = (hashInts(this.seed, SALT_SHIFT, i, d) % 3) - 1;
      const start = d * DAY_MS + agent.shift.startMinute * MINUTE_MS + jitter * SLOT_MS;
      const k = Math.floor((t - start) / SLOT_MS);
      const slots = Math.round((agent.shift.lengthMinutes * MINUTE_MS) / SLOT_MS);
      if (k < 0 || k >= slots) continue;
      const lunch = 15 + (hashInts(this.seed, SALT_LUNCH, i, d) % 3);
      if (k === lunch || k === lunch + 1) return [AWAY, R_LUNCH];
      if (k === 8 || k === 27) return [BACK_SOON, R_BREAK];
      const u = unitOf(this.seed, SALT_SLOT, i, slot);
      if (k > 0 && u < 0.04) return [AWAY, R_MEETING];
      if (k > 0 && u < 0.07) return [BACK_SOON, R_PERSONAL];
      return [ONLINE, R_NONE];
    }
    return [OFFLINE, R_NONE];
  }
}
