/**
 * Button state: what a click should do, as a compact versioned value validated on the way back in.
 *
 * - action_id is `qp:<kind>[:<n>]` (the suffix keeps ids unique within a block); the router maps
 *   the kind to its handler.
 * - value is `1|<json>` (version 1, the state itself) or, when that would not fit a button,
 *   `1@<key>`: the state lives in the store behind a short random key and expires with the data
 *   it points at (LivePerson keeps 14 days).
 *
 * Views stay pure: they encode state with `encodeActionValue`, which marks state too big for a
 * button; the outbox seals the message (stores those and writes the keys) right before sending.
 * A value that does not decode (an older bot, a tampered payload, an expired key) is undefined,
 * and the caller answers with a friendly note.
 */
import { randomBytes } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import {
  AUDIENCES,
  COMPARE_WITH,
  MAX_TOP,
  RANK_METRICS,
  type NamedQuery,
  type RankingQuery,
} from '../domain/query';
import { checkSpan, isTimeZone } from '../domain/window';
import { isRecord } from '../shared/guards';
import type { RecordCodec, Repository } from '../store/store';

export const ACTION_KINDS = ['pick', 'page'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export type ActionRef =
  /** "Did you mean …?": run the query for this skill or group id. */
  | { kind: 'pick'; query: NamedQuery; id: string }
  /**
   * Previous / Next on a ranking. `zone`: the zone its wall-clock window was read in, so a
   * colleague paging a shared ranking sees the asker's "since 08:00", not their own.
   */
  | { kind: 'page'; query: RankingQuery; page: number; zone?: string };

const VERSION = '1';
const INLINE = `${VERSION}|`;
const STORED = `${VERSION}@`;
/** Never sent to Slack: the outbox replaces it by a stored key before the message leaves. */
const UNSEALED = `${VERSION}~`;
/** Slack's limit for a button value. */
export const MAX_BUTTON_VALUE = 2000;
/** How long stored state is kept: as long as LivePerson keeps the data it points at. */
export const STORED_STATE_TTL_MS = 14 * 24 * 3_600_000;
/** Longest skill or group name a button carries (a command is at most 500 characters). */
const MAX_NAME = 500;
const ACTION_ID = /^qp:([a-z-]+)(?::[\w-]{1,40})?$/;

/** `qp:pick:3`: the action_id of a button of this kind (the suffix keeps ids unique in a block). */
export function actionId(kind: ActionKind, suffix?: string | number): string {
  return suffix === undefined ? `qp:${kind}` : `qp:${kind}:${suffix}`;
}

/** Every action_id this bot makes (the router listens to these only). */
export const ACTION_ID_PATTERN = /^qp:/;

/** The kind an action_id names, or undefined when it is not one of ours. */
export function kindOfActionId(id: string): ActionKind | undefined {
  const kind = ACTION_ID.exec(id)?.[1];
  return (ACTION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ActionKind) : undefined;
}

const windowSpec = z.union([
  z.object({
    kind: z.literal('last'),
    ms: z
      .number()
      .int()
      .refine((ms) => checkSpan(ms) === undefined),
  }),
  z.object({
    kind: z.literal('since'),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
    day: z.enum(['auto', 'today', 'yesterday']),
  }),
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('yesterday') }),
  z.object({
    kind: z.literal('shift'),
    ms: z
      .number()
      .int()
      .refine((ms) => checkSpan(ms) === undefined),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
  }),
]);
const options = {
  window: windowSpec,
  audience: z.enum(AUDIENCES).optional(),
  public: z.boolean(),
};
const compare = z.array(z.enum(COMPARE_WITH)).min(1).max(COMPARE_WITH.length).optional();
const scopeQuery = z.object({
  kind: z.enum(['skill', 'group']),
  name: z.string().min(1).max(MAX_NAME),
  compare,
  ...options,
});
/** A trend about a named skill or group: what a "Did you mean" button under a trend re-runs. */
const scopeTrendQuery = z.object({
  kind: z.literal('trend'),
  of: z.enum(['skill', 'group']),
  name: z.string().min(1).max(MAX_NAME),
  ...options,
});
const rankingQuery = z.object({
  kind: z.literal('ranking'),
  dimension: z.enum(['skills', 'groups']),
  by: z.enum(RANK_METRICS),
  top: z.number().int().min(1).max(MAX_TOP),
  ...options,
});
const actionRef = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pick'),
    query: z.union([scopeQuery, scopeTrendQuery]),
    id: z.string().min(1).max(100),
  }),
  z.object({
    kind: z.literal('page'),
    query: rankingQuery,
    page: z.number().int().min(1).max(1_000_000),
    zone: z
      .string()
      .max(64)
      .refine((zone) => isTimeZone(zone))
      .optional(),
  }),
]);

/** Drops absent optional fields, so a decoded ref equals the one encoded. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The ref, validated; undefined for anything that is not a current ActionRef. */
export function parseActionRef(raw: unknown): ActionRef | undefined {
  const r = actionRef.safeParse(raw);
  return r.success ? compact(r.data) : undefined;
}

/** Codec of the store's action-state repository. */
export const ACTION_STATE_CODEC: RecordCodec<ActionRef> = { version: 1, decode: parseActionRef };

// < > & as \u escapes: the same JSON to a parser, and never markup in a value however it is echoed.
const UNICODE_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };
function json(ref: ActionRef): string {
  return JSON.stringify(ref).replace(/[<>&]/g, (c) => UNICODE_ESCAPES[c] ?? c);
}

/**
 * A button value for `ref`: inline when it fits in `maxLength` (Slack's 2000, or less when a view
 * shares its budget between many buttons), else marked for the store (see sealActionValues).
 */
export function encodeActionValue(ref: ActionRef, maxLength = MAX_BUTTON_VALUE): string {
  const body = json(ref);
  return INLINE.length + body.length <= Math.min(maxLength, MAX_BUTTON_VALUE)
    ? INLINE + body
    : UNSEALED + body;
}

/** Every element of the blocks (section accessories, actions elements). */
function* elements(blocks: readonly KnownBlock[]): Generator<Record<string, unknown>> {
  for (const b of blocks as unknown as Record<string, unknown>[]) {
    if (isRecord(b.accessory)) yield b.accessory;
    if (Array.isArray(b.elements)) for (const e of b.elements) if (isRecord(e)) yield e;
  }
}

/** True when a message still holds state that must go to the store before it is sent. */
export function needsSealing(blocks: readonly KnownBlock[]): boolean {
  for (const e of elements(blocks))
    if (typeof e.value === 'string' && e.value.startsWith(UNSEALED)) return true;
  return false;
}

/**
 * Stores every state marked too big for its button and puts its key in the button instead.
 * Returns new blocks; the input is not modified.
 */
export async function sealActionValues(
  blocks: readonly KnownBlock[],
  repo: Repository<ActionRef>,
): Promise<KnownBlock[]> {
  const copy = structuredClone(blocks) as KnownBlock[];
  for (const e of elements(copy)) {
    if (typeof e.value !== 'string' || !e.value.startsWith(UNSEALED)) continue;
    const ref = parseActionRef(JSON.parse(e.value.slice(UNSEALED.length)));
    if (!ref) throw new TypeError('an unsealed button value is not an ActionRef');
    const key = randomBytes(12).toString('base64url');
    await repo.set(key, ref, STORED_STATE_TTL_MS);
    e.value = STORED + key;
  }
  return copy;
}

/**
 * The blocks without the buttons whose state could not be stored: a message with fewer buttons
 * beats no message. An actions block left empty goes too (Slack refuses one with no elements).
 */
export function dropUnsealed(blocks: readonly KnownBlock[]): KnownBlock[] {
  const unsealed = (e: unknown): boolean =>
    isRecord(e) && typeof e.value === 'string' && e.value.startsWith(UNSEALED);
  const out: KnownBlock[] = [];
  for (const block of structuredClone(blocks) as unknown as Record<string, unknown>[]) {
    if (unsealed(block.accessory)) delete block.accessory;
    if (Array.isArray(block.elements)) {
      const kept = block.elements.filter((e) => !unsealed(e));
      if (kept.length === 0 && block.type === 'actions') continue;
      block.elements = kept;
    }
    out.push(block as unknown as KnownBlock);
  }
  return out;
}

/**
 * The ref a clicked button carries, read from the value (or from the store behind it) and
 * validated; undefined for anything else, including a stored key that expired.
 */
export async function decodeActionValue(
  value: unknown,
  repo: Pick<Repository<ActionRef>, 'get'>,
): Promise<ActionRef | undefined> {
  if (typeof value !== 'string' || value.length > MAX_BUTTON_VALUE) return undefined;
  if (value.startsWith(INLINE)) {
    try {
      return parseActionRef(JSON.parse(value.slice(INLINE.length)));
    } catch {
      return undefined;
    }
  }
  if (value.startsWith(STORED)) {
    const key = value.slice(STORED.length);
    return /^[\w-]{8,64}$/.test(key) ? repo.get(key) : undefined;
  }
  return undefined;
}
