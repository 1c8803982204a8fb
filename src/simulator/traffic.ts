/**
 * Synthetic conversations. Each (skill, minute) draws its arrivals from a PRNG seeded by
 * hash(seed, skill id, minute), and each conversation's own choices (patience, replies, close,
 * CSAT) from a PRNG of its own, so nothing depends on the order things are generated in.
 *
 * Bot conversations need no routing (bots have far more slots than traffic): their lives are
 * decided at arrival, an hour per skill at a time. Human conversations compete for the agents'
 * slots, so they are routed by an event-driven pass over a whole routing day (routing.ts). Both
 * are generated lazily and cached; the account at any instant is a pure function of seed and time.
 */
import { HOUR_MS, MINUTE_MS } from '../domain/time';
import { NO_SKILL_DAILY_VOLUME, NO_SKILL_ID, NO_SKILL_SLA_MS, type ContactCenter } from './contact-center';
import { capLifetime, survey, type Conversation, type Route } from './conversation';
import { arrivalsPerMinute } from './daily-curve';
import { between, clamp, exponential, hashInts, poisson, rngFrom, type Rng } from './random';
import { bucketKey, routeDay, routingDayOf, type Arrival, type RoutedDay } from './routing';
import type { ShiftModel } from './shifts';

export {
  LOOKBACK_MS,
  MAX_LIFETIME_MS,
  agentAt,
  type Assignment,
  type Closer,
  type Conversation,
  type Route,
  type TransferKind,
} from './conversation';

// Weeks of bot traffic (more than the 15 days a query can reach); the oldest hours go first and
// are regenerated, identically, if asked for again.
const MAX_CACHED_CONVERSATIONS = 250_000;
const MAX_CACHED_CHUNKS = 400_000;
/** Routed human days kept: the 15 days a query can reach, and the day after a seam. */
const MAX_CACHED_DAYS = 17;
const SALT_LIFE = 21;
const S = 1000;
const MIN = MINUTE_MS;
const NONE: readonly Conversation[] = [];

export class TrafficModel {
  readonly routes: Route[];
  private readonly routeBySkill = new Map<string, number>();
  private readonly botChunks = new Map<number, Conversation[]>();
  private cachedCount = 0;
  private readonly days = new Map<number, RoutedDay>();

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
      const bots: number[] = [];
      center.agents.forEach((a, i) => {
        // Conversations without a skill may go to any human (LivePerson's default routing).
        const eligible = s.skillId === NO_SKILL_ID ? a.type === 'HUMAN' : a.skillIds.includes(s.skillId);
        if (!eligible) return;
        if (a.type === 'BOT') bots.push(i);
        else humans.push(i);
      });
      return {
        skillId: s.skillId,
        name: s.name,
        slaMs: s.slaMs,
        dailyVolume: s.dailyVolume,
        botShare: s.botShare,
        humans,
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
        for (const c of this.humanChunk(route, hour, to)) {
          if (c.start >= from && c.start <= to) fn(c);
        }
        for (const c of this.botChunk(route, hour)) {
          if (c.start >= from && c.start <= to) fn(c);
        }
      }
    }
  }

  /** The routed human traffic of a routing day, final up to `to` (the pass is cached and resumed). */
  routedDay(day: number, to = Infinity): RoutedDay {
    let hit = this.days.get(day);
    if (hit) {
      hit.advance(to);
      return hit;
    }
    hit = routeDay(
      {
        center: this.center,
        shifts: this.shifts,
        routes: this.routes,
        humanArrivals: (route, from, to) => this.humanArrivals(route, from, to),
      },
      day,
    );
    if (this.days.size >= MAX_CACHED_DAYS) this.days.delete(this.days.keys().next().value!);
    this.days.set(day, hit);
    hit.advance(to);
    return hit;
  }

  /** An hour's human conversations, with everything that happens to them up to `to` decided. */
  private humanChunk(route: number, hour: number, to: number): readonly Conversation[] {
    return this.routedDay(routingDayOf(hour * HOUR_MS), to).buckets.get(bucketKey(route, hour)) ?? NONE;
  }

  /**
   * The arrivals of a minute: when, and whether each goes to a bot, from the minute's stream;
   * everything else a conversation decides comes from its own stream (`lifeRng`).
   */
  private arrivalsInMinute(routeIndex: number, minute: number): { start: number; k: number; bot: boolean }[] {
    const route = this.routes[routeIndex]!;
    const t = minute * MIN;
    const mean = arrivalsPerMinute(route.dailyVolume, t);
    if (mean <= 0) return [];
    const rng = rngFrom(hashInts(this.seed, Number(route.skillId), minute));
    const n = poisson(rng, mean);
    const starts: number[] = [];
    for (let i = 0; i < n; i++) starts.push(t + Math.floor(rng() * MIN));
    starts.sort((a, b) => a - b);
    return starts.map((start, k) => ({
      start,
      k,
      bot: route.bots.length > 0 && (route.humans.length === 0 || rng() < route.botShare),
    }));
  }

  private lifeRng(routeIndex: number, minute: number, k: number): Rng {
    return rngFrom(hashInts(this.seed, SALT_LIFE, Number(this.routes[routeIndex]!.skillId), minute, k));
  }

  private humanArrivals(route: number, from: number, to: number): Arrival[] {
    const out: Arrival[] = [];
    for (let m = Math.floor(from / MIN); m * MIN < to; m++) {
      for (const a of this.arrivalsInMinute(route, m)) {
        if (a.bot || a.start < from || a.start >= to) continue;
        out.push({ route, start: a.start, minute: m, k: a.k, rng: this.lifeRng(route, m, a.k) });
      }
    }
    return out;
  }

  private botChunk(route: number, hour: number): Conversation[] {
    const key = bucketKey(route, hour);
    let hit = this.botChunks.get(key);
    if (hit) return hit;
    hit = [];
    if (this.routes[route]!.bots.length > 0) {
      for (let m = hour * 60; m < (hour + 1) * 60; m++) {
        for (const a of this.arrivalsInMinute(route, m)) {
          if (a.bot) hit.push(this.botConversation(route, a.start, this.lifeRng(route, m, a.k)));
        }
      }
    }
    while (
      (this.cachedCount + hit.length > MAX_CACHED_CONVERSATIONS ||
        this.botChunks.size >= MAX_CACHED_CHUNKS) &&
      this.botChunks.size > 0
    ) {
      const [oldest, list] = this.botChunks.entries().next().value!;
      this.botChunks.delete(oldest);
      this.cachedCount -= list.length;
    }
    this.botChunks.set(key, hit);
    this.cachedCount += hit.length;
    return hit;
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
    survey(c, rng, 0.25);
    return capLifetime(c);
  }
}
