/**
 * Human routing, simulated event by event. Agents have several skills and a conversation taken
 * in one skill holds a slot in all of them, so the skills' queues depend on each other and on the
 * past: the account is simulated as one system, a routing day at a time.
 *
 * - An arriving conversation goes to an online eligible human with a free slot (a random one,
 *   weighted by max slots), after a routing delay of at most ROUTING_DELAY_MS; the slot is held
 *   for it from the decision on. With nobody free it waits in its skill's queue, FIFO.
 * - When a slot frees (a close, a transfer) or an agent comes back ONLINE, the agent takes the
 *   oldest conversation waiting in any of its skills' queues, at once. So a conversation waits
 *   only while every online eligible agent is full (or within the routing delay of one arrival),
 *   and long waits coincide with full capacity.
 * - A consumer waiting longer than their patience gives up (after a transfer too); whatever is
 *   still open MAX_LIFETIME_MS after the start is auto-closed.
 *
 * Determinism without carrying the past forever: a routing day runs DAY_START_OFFSET_MS to
 * DAY_START_OFFSET_MS (UTC), the quietest hour, and its pass starts empty LEAD_IN_MS earlier; the
 * lead-in replays the previous day's last arrivals so the day begins with the agents as busy as
 * they really are. The night has free slots everywhere, and the agent choice depends only on
 * which agents have a free slot (not on how loaded they are), so the lead-in's version of those
 * conversations is the previous day's own (checked by the tests). The pass also replays the
 * next day's first MAX_LIFETIME_MS of arrivals so the day's last conversations meet the same
 * competition as in the next day's pass. A day is therefore a pure function of seed and day.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/time';
import type { ContactCenter } from './contact-center';
import {
  MAX_LIFETIME_MS,
  capLifetime,
  survey,
  type Conversation,
  type Route,
  type TransferKind,
} from './conversation';
import { between, clamp, exponential, logNormal, type Rng } from './random';
import { ONLINE, SLOT_MS, type ShiftModel } from './shifts';

/** The longest an arriving conversation waits for a free slot that was already there. */
export const ROUTING_DELAY_MS = 8_000;
/** Routing days start at this time of day (UTC): 04:00, the quietest hour of the daily curve. */
export const DAY_START_OFFSET_MS = 4 * HOUR_MS;
/** How long before its day a pass starts (empty): the quiet night before. */
export const LEAD_IN_MS = 6 * HOUR_MS;

const S = 1000;
const MIN = MINUTE_MS;

/** One arrival: `k` tells it apart from the others of its (route, minute). */
export interface Arrival {
  route: number;
  start: number;
  minute: number;
  k: number;
  rng: Rng;
}

export interface DayInput {
  center: ContactCenter;
  shifts: ShiftModel;
  routes: readonly Route[];
  /** The human arrivals of a route in [from, to), ascending. */
  humanArrivals: (route: number, from: number, to: number) => Arrival[];
}

export interface RoutedDay {
  /**
   * The day's own conversations (start in the day) by hour * 8192 + route, ascending by start,
   * as far as the pass has got: a conversation still waiting there has closedAt Infinity.
   */
  buckets: Map<number, Conversation[]>;
  /** The lead-in's versions of the previous day's last conversations (for seam checks). */
  leadIn: Conversation[];
  /**
   * Runs the pass up to `to` (never back): every event at or before it is then final, so a
   * query up to `to` reads the same whatever was asked before.
   */
  advance(to: number): void;
}

export function routingDayOf(t: number): number {
  return Math.floor((t - DAY_START_OFFSET_MS) / DAY_MS);
}

export function routingDayStart(day: number): number {
  return day * DAY_MS + DAY_START_OFFSET_MS;
}

export function bucketKey(route: number, hour: number): number {
  return hour * 8192 + route;
}

/** A conversation on its way through the pass. */
interface Live {
  c: Conversation;
  rng: Rng;
  seq: number;
  limit: number;
  patience: number;
  /** Routing delay when a slot is free on arrival (or on a transfer). */
  delay: number;
  pick: number;
  fast: boolean;
  responses: number;
  transferAfter: number;
  /** Next response index to lay out after a second assignment. */
  next: number;
  /** The consumer message the second agent answers first. */
  pendingMessage: number;
  queueSince: number;
  /** Bumped on every enqueue, so a stale give-up event is ignored. */
  epoch: number;
  queued: boolean;
  /** The agent who transferred it (taken again only if nobody else is free). */
  previous: number;
}

const RELEASE = 0;
const TRANSFER = 1;
const GIVE_UP = 2;

interface Event {
  t: number;
  seq: number;
  kind: number;
  agent: number;
  live: Live | undefined;
  epoch: number;
}

/** A binary min-heap on (t, seq): same-time events in the order they were scheduled. */
class EventQueue {
  private readonly items: Event[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  peekTime(): number {
    return this.items.length > 0 ? this.items[0]!.t : Infinity;
  }

  push(t: number, kind: number, agent: number, live?: Live): void {
    const e: Event = { t, seq: this.seq++, kind, agent, live, epoch: live?.epoch ?? 0 };
    const a = this.items;
    let i = a.push(e) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, a[p]!)) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = e;
  }

  pop(): Event {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && before(a[r]!, a[l]!) ? r : l;
        if (!before(a[c]!, last)) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

function before(x: Event, y: Event): boolean {
  return x.t < y.t || (x.t === y.t && x.seq < y.seq);
}

/** Routes one day's human traffic (see the module comment), lazily: see RoutedDay.advance. */
export function routeDay(input: DayInput, day: number): RoutedDay {
  const { center, shifts, routes } = input;
  const dayStart = routingDayStart(day);
  const dayEnd = dayStart + DAY_MS;
  const passStart = dayStart - LEAD_IN_MS;
  const passEnd = dayEnd + MAX_LIFETIME_MS;

  // Arrivals are drawn an hour at a time, as the pass gets there.
  let arrivals: Arrival[] = [];
  let next = 0;
  let drawnUntil = passStart;
  const drawHour = (): void => {
    const to = Math.min(drawnUntil + HOUR_MS, passEnd);
    const hour: Arrival[] = [];
    routes.forEach((_r, i) => hour.push(...input.humanArrivals(i, drawnUntil, to)));
    hour.sort((a, b) => a.start - b.start || a.route - b.route || a.minute - b.minute || a.k - b.k);
    // Only drawn once the previous hour's arrivals are all in.
    arrivals = hour;
    next = 0;
    drawnUntil = to;
  };

  const agents = center.agents;
  const free = agents.map((a) => a.maxSlots);
  const online = agents.map(() => false);
  const humans = agents.flatMap((a, i) => (a.type === 'HUMAN' ? [i] : []));
  // The routes each human serves, for "the oldest conversation waiting in any of my skills".
  const routesOf: number[][] = agents.map(() => []);
  routes.forEach((r, i) => r.humans.forEach((a) => routesOf[a]!.push(i)));
  const queues: { items: Live[]; epochs: number[]; head: number }[] = routes.map(() => ({
    items: [],
    epochs: [],
    head: 0,
  }));
  const events = new EventQueue();
  const buckets = new Map<number, Conversation[]>();
  const leadIn: Conversation[] = [];

  const headOf = (route: number): Live | undefined => {
    const q = queues[route]!;
    while (q.head < q.items.length) {
      const l = q.items[q.head]!;
      if (l.queued && l.epoch === q.epochs[q.head]) return l;
      q.head++;
    }
    return undefined;
  };

  const enqueue = (l: Live, t: number, giveUpAt: number): void => {
    l.queued = true;
    l.queueSince = t;
    l.epoch++;
    const q = queues[l.c.route]!;
    q.items.push(l);
    q.epochs.push(l.epoch);
    events.push(giveUpAt, GIVE_UP, -1, l);
  };

  /** An online eligible human with a free slot, weighted by max slots; -1 when there is none. */
  const choose = (l: Live): number => {
    const eligible = routes[l.c.route]!.humans;
    let total = 0;
    let totalOthers = 0;
    for (const a of eligible) {
      if (!online[a] || free[a]! <= 0) continue;
      total += agents[a]!.maxSlots;
      if (a !== l.previous) totalOthers += agents[a]!.maxSlots;
    }
    if (total <= 0) return -1;
    const avoid = totalOthers > 0 ? l.previous : -1;
    let x = l.pick * (avoid >= 0 ? totalOthers : total);
    let agent = -1;
    for (const a of eligible) {
      if (!online[a] || free[a]! <= 0 || a === avoid) continue;
      agent = a;
      x -= agents[a]!.maxSlots;
      if (x < 0) break;
    }
    return agent;
  };

  /** Puts a conversation in its queue or, with a free slot, with an agent. */
  const route = (l: Live, t: number, giveUpAt: number): void => {
    const agent = headOf(l.c.route) ? -1 : choose(l);
    if (agent < 0) {
      enqueue(l, t, giveUpAt);
      return;
    }
    free[agent]!--;
    serve(l, agent, t + l.delay);
  };

  /** The agent takes the oldest conversations waiting in its skills while it has free slots. */
  const drain = (agent: number, t: number): void => {
    while (free[agent]! > 0) {
      let best: Live | undefined;
      for (const r of routesOf[agent]!) {
        const h = headOf(r);
        if (
          h &&
          (!best || h.queueSince < best.queueSince || (h.queueSince === best.queueSince && h.seq < best.seq))
        )
          best = h;
      }
      if (!best) return;
      best.queued = false;
      free[agent]!--;
      serve(best, agent, t);
    }
  };

  /** Lays out the conversation from an assignment at `at` to its transfer or close. */
  const serve = (l: Live, agent: number, at: number): void => {
    const { c, rng } = l;
    c.assignments.push({ agent, at });
    let t: number;
    let i: number;
    if (c.assignments.length === 1) {
      t = at + Math.floor(clamp(logNormal(rng, l.fast ? 20 * S : 35 * S, 0.6), 5 * S, 8 * MIN));
      c.responseAt.push(t);
      c.responseWait.push(t - c.start);
      l.responses = 2 + Math.floor(rng() * 10);
      l.transferAfter = l.responses >= 3 && rng() < 0.07 ? 1 + Math.floor(rng() * (l.responses - 2)) : -1;
      i = 1;
    } else {
      t = at + Math.floor(clamp(logNormal(rng, 30 * S, 0.6), 5 * S, 5 * MIN));
      c.secondFirstResponse = c.responseAt.length;
      c.responseAt.push(t);
      c.responseWait.push(t - l.pendingMessage);
      i = l.next + 1;
    }
    for (; i < l.responses; i++) {
      const consumerMessage = t + Math.floor(clamp(exponential(rng, 60 * S), 8 * S, 5 * MIN));
      if (i === l.transferAfter && c.assignments.length === 1) {
        const transferAt = consumerMessage + Math.floor(between(rng, 15 * S, 90 * S));
        const kind: TransferKind = rng() < 0.7 ? 'TRANSFER' : 'BACK_TO_QUEUE';
        if (transferAt <= l.limit) {
          c.transfer = { at: transferAt, kind };
          l.pendingMessage = consumerMessage;
          l.next = i;
          l.previous = agent;
          events.push(transferAt, TRANSFER, agent, l);
          return;
        }
      }
      const latency = Math.floor(clamp(logNormal(rng, l.fast ? 25 * S : 40 * S, 0.7), 3 * S, 10 * MIN));
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
    survey(c, rng, 0.35);
    capLifetime(c);
    events.push(c.closedAt, RELEASE, agent);
  };

  const giveUp = (l: Live, t: number): void => {
    l.queued = false;
    const c = l.c;
    c.closedAt = c.idleAt = t;
    c.closedBy = t >= l.limit ? 'SYSTEM' : 'CONSUMER';
  };

  const release = (agent: number, t: number): void => {
    free[agent]!++;
    if (online[agent]) drain(agent, t);
  };

  let seq = 0;
  const arrive = (a: Arrival): void => {
    const rng = a.rng;
    const c: Conversation = {
      route: a.route,
      userType: 'HUMAN',
      start: a.start,
      assignments: [],
      responseAt: [],
      responseWait: [],
      secondFirstResponse: -1,
      // Until the pass decides (an assignment lays the rest out, or the consumer gives up).
      idleAt: Infinity,
      closedAt: Infinity,
      closedBy: 'CONSUMER',
    };
    const l: Live = {
      c,
      rng,
      seq: seq++,
      limit: a.start + MAX_LIFETIME_MS,
      patience: Math.floor(clamp(exponential(rng, 25 * MIN), MIN, 90 * MIN)),
      delay: Math.floor(between(rng, 1 * S, ROUTING_DELAY_MS)),
      pick: rng(),
      fast: routes[a.route]!.slaMs <= 30 * S,
      responses: 0,
      transferAfter: -1,
      next: 0,
      pendingMessage: 0,
      queueSince: a.start,
      epoch: 0,
      queued: false,
      previous: -1,
    };
    if (a.start >= dayStart && a.start < dayEnd) {
      const key = bucketKey(a.route, Math.floor(a.start / HOUR_MS));
      const list = buckets.get(key);
      if (list) list.push(c);
      else buckets.set(key, [c]);
    } else if (a.start < dayStart) leadIn.push(c);
    route(l, a.start, a.start + l.patience);
  };

  const boundary = (t: number): void => {
    const states = shifts.statesAt(t);
    for (const a of humans) {
      const was = online[a]!;
      online[a] = states[a] === ONLINE;
      if (!was && online[a]) drain(a, t);
    }
  };

  let nextBoundary = Math.floor(passStart / SLOT_MS) * SLOT_MS;
  let reached = -Infinity;
  const advance = (to: number): void => {
    const until = Math.min(to, passEnd);
    if (until <= reached) return;
    for (;;) {
      if (next >= arrivals.length && drawnUntil <= until && drawnUntil < passEnd) {
        drawHour();
        continue;
      }
      const tArrival = next < arrivals.length ? arrivals[next]!.start : Infinity;
      const t = Math.min(tArrival, events.peekTime(), nextBoundary);
      if (t > until) break;
      // A new slot's states first, then closes and transfers (older conversations get the freed
      // slots), then arrivals.
      if (nextBoundary <= t) {
        boundary(nextBoundary);
        nextBoundary += SLOT_MS;
      } else if (events.peekTime() <= t) {
        const e = events.pop();
        if (e.kind === RELEASE) release(e.agent, e.t);
        else if (e.kind === TRANSFER) {
          const l = e.live!;
          route(l, e.t, Math.min(e.t + l.patience, l.limit));
          release(e.agent, e.t);
        } else if (e.live!.queued && e.live!.epoch === e.epoch) giveUp(e.live!, e.t);
      } else arrive(arrivals[next++]!);
    }
    reached = until;
  };
  return { buckets, leadIn, advance };
}
