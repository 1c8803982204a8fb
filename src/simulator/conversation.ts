/**
 * One synthetic conversation as every answer reads it, and the parts of its life that do not
 * depend on routing (the CSAT survey, the auto-close cap). Shared by the bot traffic (traffic.ts)
 * and the routed human traffic (routing.ts).
 */
import { HOUR_MS, MINUTE_MS } from '../domain/time';
import type { AgentType } from './contact-center';
import { between, clamp, type Rng } from './random';

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
  /** Roster indices of the humans who may take it. */
  humans: number[];
  bots: number[];
}

/** Conversations end within this long after they start (auto-close at the latest). */
export const MAX_LIFETIME_MS = 3 * HOUR_MS;
/** How far before a window to look for conversations with events inside it. */
export const LOOKBACK_MS = MAX_LIFETIME_MS + 5 * MINUTE_MS;
const S = 1000;
const MIN = MINUTE_MS;

export function agentAt(c: Conversation, t: number): number {
  const first = c.assignments[0];
  if (!first || t < first.at) return -1;
  if (c.transfer && t >= c.transfer.at) {
    const second = c.assignments[1];
    return second && t >= second.at ? second.agent : -1;
  }
  return first.agent;
}

/** Some consumers answer the CSAT question after the close; long waits and transfers hurt. */
export function survey(c: Conversation, rng: Rng, rate: number): void {
  if (c.closedBy === 'SYSTEM' || rng() >= rate) return;
  const firstWait = c.responseWait[0] ?? 0;
  const top = clamp(0.92 - 0.4 * Math.min(1, firstWait / (10 * MIN)) - (c.transfer ? 0.1 : 0), 0.3, 0.95);
  c.csatAt = c.closedAt + Math.floor(between(rng, 15 * S, 90 * S));
  c.csatScore = rng() < top ? (rng() < 0.6 ? 5 : 4) : 1 + Math.floor(rng() * 3);
}

/** Auto-closes whatever is still open MAX_LIFETIME_MS after the start. */
export function capLifetime(c: Conversation): Conversation {
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
