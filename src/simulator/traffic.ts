/**
 * Synthetic conversations. Each (skill, minute) bucket draws its arrivals from a PRNG seeded by
 * hash(seed, skill id, minute); every conversation's life (queue wait, agent, responses, transfer,
 * close, CSAT) is decided at once from that stream and from the agents' shift states. Nothing
 * depends on earlier buckets, so the account at any instant is a pure function of seed and time,
 * and buckets are generated lazily, an hour per skill at a time, and cached.
 *
 * Queueing is modelled, not simulated: the expected wait grows with the skill's utilization
 * (offered load over the slots of its online agents), so busy hours build queues and quiet
 * hours do not, without carrying state from one bucket to the next. A skill with nobody online
 * waits for the next slot when someone is; consumers give up after their patience runs out.
 */
import { HOUR_MS, MINUTE_MS } from '../domain/time';
import {
  NO_SKILL_DAILY_VOLUME,
  NO_SKILL_ID,
  NO_SKILL_SLA_MS,
  type AgentType,
  type ContactCenter,
} from './contact-center';
import { arrivalsPerMinute } from './daily-curve';
import { between, clamp, exponential, hashInts, logNormal, poisson, rngFrom, type Rng } from './random';
import { ONLINE, SLOT_MS, type ShiftModel } from './shifts';

export type Closer = 'AGENT' | 'CONSUMER' | 'SYSTEM';
export type TransferKind = 'TRANSFER' | 'BACK_TO_QUEUE';

export interface Assignment {
  agent: number;
  at: number;
}

export interface Conversation {
  /** Index into TrafficModel.routes. */
  route: number;
  /** Routed to a human or a bot queue; only agents of that type are assigned. */
  userType: AgentType;
  start: number;
  /** First assignment, and a second one after a transfer. */
  assignments: Assignment[];
  /** Ends the first assignment: the conversation goes back to the skill's queue. */
  transfer?: { at: number; kind: TransferKind };
  /** Agent messages, ascending. */
  responseAt: number[];
  /** How long the consumer had waited for each (the first includes the queue). */
  responseWait: number[];
  /** Index of the first response of the second assignment, or -1. */
  secondFirstResponse: number;
  /** After this the consumer went quiet (the conversation is no longer active). */
  idleAt: number;
  closedAt: number;
  closedBy: Closer;
  csatAt?: number;
  /** 1..5 */
  csatScore?: number;
}

/** A skill as traffic sees it (the live skills plus "-1", no skill). */
export interface Route {
  skillId: string;
  name: string;
  slaMs: number;
  dailyVolume: number;
  botShare: number;
  humans: number[];
  /** Capacity weight per eligible human: max slots shared over the agent's skills. */
  humanWeights: number[];
  bots: number[];
}

/** Conversations end within this long after they start (auto-close at the latest). */
export const MAX_LIFETIME_MS = 3 * HOUR_MS;
/** How far before a window to look for conversations with events inside it. */
export const LOOKBACK_MS = MAX_LIFETIME_MS + 5 * MINUTE_MS;
/** Average handling time (assignment to close) used to turn arrivals into offered load. */
const HANDLING_MINUTES = 11;
// Weeks of traffic (more than the 15 days a query can reach); the oldest hours go first and are
// regenerated, identically, if asked for again.
const MAX_CACHED_CONVERSATIONS = 250_000;
const MAX_CACHED_CHUNKS = 400_000;
const S = 1000;
const MIN = MINUTE_MS;

/** Mean queue wait at a utilization (offered load / capacity). */
function meanQueueWait(u: number): number {
  const x = Math.min(u, 0.93);
  return 10 * S + 75 * S * (x / (1 - x));
}

export function agentAt(c: Conversation, t: number): number {
  const first = c.assignments[0];
  if (!first || t < first.at) return -1;
  if (c.transfer && t >= c.transfer.at) {
    const second = c.assignments[1];
    return second && t >= second.at ? second.agent : -1;
  }
  return first.agent;
}

export class TrafficModel {
  readonly routes: Route[];
  private readonly routeBySkill = new Map<string, number>();
  private readonly chunks = new Map<number, Conversation[]>();
  private cachedCount = 0;
  private readonly capacityCache = new Map<number, Float64Array>();

  constructor(
    private readonly center: ContactCenter,
    private readonly shifts: ShiftModel,
    private readonly seed: number,
  ) {
    const live = center.skills.filter((s) => !s.deleted);
    const specs = [
      ...live.map((s) => ({ ...s, skillId: s.id })),
      {
        skillId: NO_SKILL_ID,
        name: 'NA',
        slaMs: NO_SKILL_SLA_MS,
        dailyVolume: NO_SKILL_DAILY_VOLUME,
        botShare: 0,
      },
    ];
    this.routes = specs.map((s) => {
      const humans: number[] = [];
      const humanWeights: number[] = [];
      const bots: number[] = [];
      center.agents.forEach((a, i) => {
        // Conversations without a skill may go to any human (LivePerson's default routing).
        const eligible = s.skillId === NO_SKILL_ID ? a.type === 'HUMAN' : a.skillIds.includes(s.skillId);
        if (!eligible) return;
        if (a.type === 'BOT') bots.push(i);
        else {
          humans.push(i);
          humanWeights.push(a.maxSlots / Math.max(1, a.skillIds.length));
        }
      });
      return {
        skillId: s.skillId,
        name: s.name,
        slaMs: s.slaMs,
        dailyVolume: s.dailyVolume,
        botShare: s.botShare,
        humans,
        humanWeights,
        bots,
      };
    });
    this.routes.forEach((r, i) => this.routeBySkill.set(r.skillId, i));
  }

  routeOf(skillId: string): number | undefined {
    return this.routeBySkill.get(skillId);
  }

  /** Calls `fn` for each conversation of `routes` (default all) that starts in [from, to]. */
  forEach(
    from: number,
    to: number,
    routes: readonly number[] | undefined,
    fn: (c: Conversation) => void,
  ): void {
    const list = routes ?? this.routes.map((_r, i) => i);
    const firstHour = Math.floor(from / HOUR_MS);
    const lastHour = Math.floor(to / HOUR_MS);
    for (const route of list) {
      for (let hour = firstHour; hour <= lastHour; hour++) {
        for (const c of this.chunk(route, hour)) {
          if (c.start >= from && c.start <= to) fn(c);
        }
      }
    }
  }

  private chunk(route: number, hour: number): Conversation[] {
    const key = hour * 8192 + route;
    let hit = this.chunks.get(key);
    if (hit) return hit;
    hit = [];
    for (let m = hour * 60; m < (hour + 1) * 60; m++) this.generateMinute(route, m, hit);
    while (
      (this.cachedCount + hit.length > MAX_CACHED_CONVERSATIONS || this.chunks.size >= MAX_CACHED_CHUNKS) &&
      this.chunks.size > 0
    ) {
      const [oldest, list] = this.chunks.entries().next().value!;
      this.chunks.delete(oldest);
      this.cachedCount -= list.length;
    }
    this.chunks.set(key, hit);
    this.cachedCount += hit.length;
    return hit;
  }

  private generateMinute(routeIndex: number, minute: number, out: Conversation[]): void {
    const route = this.routes[routeIndex]!;
    const t = minute * MIN;
    const mean = arrivalsPerMinute(route.dailyVolume, t);
    if (mean <= 0) return;
    const rng = rngFrom(hashInts(this.seed, Number(route.skillId), minute));
    const n = poisson(rng, mean);
    const starts: number[] = [];
    for (let i = 0; i < n; i++) starts.push(t + Math.floor(rng() * MIN));
    starts.sort((a, b) => a - b);
    for (const start of starts) {
      const bot = route.bots.length > 0 && (route.humans.length === 0 || rng() < route.botShare);
      out.push(
        bot ? this.botConversation(routeIndex, start, rng) : this.humanConversation(routeIndex, start, rng),
      );
    }
  }

  /** Slots of online eligible humans, per route, in the slot containing `t`. */
  private capacity(route: number, t: number): number {
    const slot = Math.floor(t / SLOT_MS);
    let caps = this.capacityCache.get(slot);
    if (!caps) {
      const states = this.shifts.statesAt(t);
      caps = new Float64Array(this.routes.length);
      this.routes.forEach((r, i) => {
        let sum = 0;
        r.humans.forEach((a, k) => {
          if (states[a] === ONLINE) sum += r.humanWeights[k]!;
        });
        caps![i] = sum;
      });
      if (this.capacityCache.size > 4 * 24 * 40)
        this.capacityCache.delete(this.capacityCache.keys().next().value!);
      this.capacityCache.set(slot, caps);
    }
    return caps[route]!;
  }

  private utilization(route: number, t: number): number {
    const cap = this.capacity(route, t);
    if (cap <= 0) return 1;
    return (arrivalsPerMinute(this.routes[route]!.dailyVolume, t) * HANDLING_MINUTES) / cap;
  }

  /** An online eligible human at `t` or, failing that, at the start of the next slot with one. */
  private pickHuman(route: number, t: number, rng: Rng, exclude: number): Assignment | undefined {
    const r = this.routes[route]!;
    const slot0 = Math.floor(t / SLOT_MS);
    for (let k = 0; k <= MAX_LIFETIME_MS / SLOT_MS; k++) {
      const states = this.shifts.statesAt((slot0 + k) * SLOT_MS);
      let total = 0;
      r.humans.forEach((a, i) => {
        if (states[a] === ONLINE && a !== exclude) total += r.humanWeights[i]!;
      });
      if (total <= 0) continue;
      let x = rng() * total;
      let agent = -1;
      for (let i = 0; i < r.humans.length; i++) {
        const a = r.humans[i]!;
        if (states[a] !== ONLINE || a === exclude) continue;
        agent = a;
        x -= r.humanWeights[i]!;
        if (x < 0) break;
      }
      const at = k === 0 ? t : (slot0 + k) * SLOT_MS + Math.floor(between(rng, 5 * S, 60 * S));
      return { agent, at };
    }
    return undefined;
  }

  private humanConversation(route: number, start: number, rng: Rng): Conversation {
    const r = this.routes[route]!;
    const patience = clamp(exponential(rng, 25 * MIN), MIN, 90 * MIN);
    const abandoned = (): Conversation => ({
      route,
      userType: 'HUMAN',
      start,
      assignments: [],
      responseAt: [],
      responseWait: [],
      secondFirstResponse: -1,
      idleAt: start + Math.floor(patience),
      closedAt: start + Math.floor(patience),
      closedBy: 'CONSUMER',
    });
    const wait = exponential(rng, meanQueueWait(this.utilization(route, start)));
    const first = this.pickHuman(route, start + Math.floor(wait), rng, -1);
    if (!first || first.at - start >= patience) return abandoned();

    const fast = r.slaMs <= 30 * S;
    const responses = 2 + Math.floor(rng() * 10);
    const transferAfter = responses >= 3 && rng() < 0.07 ? 1 + Math.floor(rng() * (responses - 2)) : -1;
    const c: Conversation = {
      route,
      userType: 'HUMAN',
      start,
      assignments: [first],
      responseAt: [],
      responseWait: [],
      secondFirstResponse: -1,
      idleAt: 0,
      closedAt: 0,
      closedBy: 'AGENT',
    };
    let t = first.at + Math.floor(clamp(logNormal(rng, fast ? 20 * S : 35 * S, 0.6), 5 * S, 8 * MIN));
    c.responseAt.push(t);
    c.responseWait.push(t - start);
    for (let i = 1; i < responses; i++) {
      const consumerMessage = t + Math.floor(clamp(exponential(rng, 60 * S), 8 * S, 5 * MIN));
      if (i === transferAfter) {
        const at = consumerMessage + Math.floor(between(rng, 15 * S, 90 * S));
        const kind: TransferKind = rng() < 0.7 ? 'TRANSFER' : 'BACK_TO_QUEUE';
        const requeue = exponential(rng, 0.6 * meanQueueWait(this.utilization(route, at)));
        const second = this.pickHuman(route, at + Math.floor(requeue), rng, first.agent);
        if (second) {
          c.transfer = { at, kind };
          c.assignments.push(second);
          c.secondFirstResponse = i;
          t = second.at + Math.floor(clamp(logNormal(rng, 30 * S, 0.6), 5 * S, 5 * MIN));
          c.responseAt.push(t);
          c.responseWait.push(t - consumerMessage);
          continue;
        }
      }
      const latency = Math.floor(clamp(logNormal(rng, fast ? 25 * S : 40 * S, 0.7), 3 * S, 10 * MIN));
      t = consumerMessage + latency;
      c.responseAt.push(t);
      c.responseWait.push(latency);
    }
    const p = rng();
    if (p < 0.55) {
      c.closedBy = 'AGENT';
      c.closedAt = c.idleAt = t + Math.floor(between(rng, 20 * S, 120 * S));
    } else if (p < 0.85) {
      c.closedBy = 'CONSUMER';
      c.closedAt = c.idleAt = t + Math.floor(clamp(exponential(rng, 90 * S), 10 * S, 10 * MIN));
    } else {
      c.closedBy = 'SYSTEM';
      c.idleAt = t + Math.floor(between(rng, 2 * MIN, 5 * MIN));
      c.closedAt = t + Math.floor(between(rng, 20 * MIN, 40 * MIN));
    }
    this.survey(c, rng, 0.35);
    return capLifetime(c);
  }

  private botConversation(route: number, start: number, rng: Rng): Conversation {
    const bots = this.routes[route]!.bots;
    const agent = bots[Math.floor(rng() * bots.length)]!;
    const at = start + Math.floor(between(rng, 1 * S, 4 * S));
    const c: Conversation = {
      route,
      userType: 'BOT',
      start,
      assignments: [{ agent, at }],
      responseAt: [],
      responseWait: [],
      secondFirstResponse: -1,
      idleAt: 0,
      closedAt: 0,
      closedBy: 'AGENT',
    };
    let t = at + Math.floor(between(rng, 1 * S, 3 * S));
    c.responseAt.push(t);
    c.responseWait.push(t - start);
    const responses = 2 + Math.floor(rng() * 4);
    for (let i = 1; i < responses; i++) {
      const consumerMessage = t + Math.floor(clamp(exponential(rng, 20 * S), 4 * S, 2 * MIN));
      const latency = Math.floor(between(rng, 1 * S, 3 * S));
      t = consumerMessage + latency;
      c.responseAt.push(t);
      c.responseWait.push(latency);
    }
    const p = rng();
    if (p < 0.4) {
      c.closedBy = 'AGENT';
      c.closedAt = c.idleAt = t + Math.floor(between(rng, 5 * S, 30 * S));
    } else if (p < 0.8) {
      c.closedBy = 'CONSUMER';
      c.closedAt = c.idleAt = t + Math.floor(clamp(exponential(rng, 40 * S), 5 * S, 5 * MIN));
    } else {
      c.closedBy = 'SYSTEM';
      c.idleAt = t + MIN;
      c.closedAt = t + 10 * MIN;
    }
    this.survey(c, rng, 0.25);
    return capLifetime(c);
  }

  /** Some consumers answer the CSAT question after the close; long waits and transfers hurt. */
  private survey(c: Conversation, rng: Rng, rate: number): void {
    if (c.closedBy === 'SYSTEM' || rng() >= rate) return;
    const firstWait = c.responseWait[0] ?? 0;
    const top = clamp(0.92 - 0.4 * Math.min(1, firstWait / (10 * MIN)) - (c.transfer ? 0.1 : 0), 0.3, 0.95);
    c.csatAt = c.closedAt + Math.floor(between(rng, 15 * S, 90 * S));
    c.csatScore = rng() < top ? (rng() < 0.6 ? 5 : 4) : 1 + Math.floor(rng() * 3);
  }
}

/** Auto-closes whatever is still open MAX_LIFETIME_MS after the start. */
function capLifetime(c: Conversation): Conversation {
  const limit = c.start + MAX_LIFETIME_MS;
  if (c.closedAt <= limit) return c;
  c.closedAt = limit;
  c.closedBy = 'SYSTEM';
  c.idleAt = Math.min(c.idleAt, limit);
  delete c.csatAt;
  delete c.csatScore;
  while (c.responseAt.length && c.responseAt[c.responseAt.length - 1]! > limit) {
    c.responseAt.pop();
    c.responseWait.pop();
  }
  if (c.secondFirstResponse >= c.responseAt.length) c.secondFirstResponse = -1;
  if (c.transfer && c.transfer.at > limit) {
    delete c.transfer;
    c.assignments.length = 1;
  }
  if (c.assignments.length > 1 && c.assignments[1]!.at > limit) c.assignments.length = 1;
  return c;
}
