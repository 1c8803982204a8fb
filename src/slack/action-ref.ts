/**
 * Button state: what a click should do, as a compact versioned value validated on the way back in.
 *
 * - action_id is `qp:<kind>[:<n>]` (the suffix keeps ids unique within a block); the router maps
 *   the kind to its handler.
 * - value is `1|<json>` (version 1, the state itself) or, when that would not fit a button,
 *   `1@<key>`: the state lives in the store behind a short key (its content's digest) and expires
 *   with the data it points at (LivePerson keeps 14 days).
 *
 * Views stay pure: they encode state with `encodeActionValue`, which marks state too big for a
 * button; the outbox seals the message (stores those and writes the keys) right before sending.
 * A value that does not decode (an older bot, a tampered payload, an expired key) is undefined,
 * and the caller answers with a friendly note.
 */
import { createHash } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import {
  COMPARE_WITH,
  MAX_TOP,
  RANK_METRICS,
  type AgentsQuery,
  type NamedQuery,
  type QueryOptions,
  type RankingQuery,
  type ReportQuery,
} from '../domain/query';
import { AUDIENCES } from '../domain/audience';
import { DIGEST_ID_PATTERN } from '../domain/digest-command';
import { checkSpan, isTimeZone } from '../domain/window';
import { isRecord } from '../shared/guards';
import type { RecordCodec, Repository } from '../store/store';

export const ACTION_KINDS = [
  'pick',
  'page',
  'run',
  'open',
  'share',
  'watch',
  'unwatch',
  'home',
  'digest',
  'digest-add',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** What a button on the digest list does to its digest. */
export const DIGEST_OPS = ['pause', 'resume', 'run', 'edit', 'delete'] as const;
export type DigestOp = (typeof DIGEST_OPS)[number];

/** A skill or agent group by id, as App Home and the overview's menu name it. */
export interface ScopeRef {
  of: 'skill' | 'group';
  id: string;
}

export type ActionRef =
  /** "Did you mean …?": run the query (a skill or group report, its agents or trend) for this id. */
  | { kind: 'pick'; query: NamedQuery; id: string }
  /**
   * Previous / Next on a ranking or an agent list. `zone`: the zone its wall-clock window was
   * read in, so a colleague paging a shared ranking sees the asker's "since 08:00", not their own.
   */
  | { kind: 'page'; query: RankingQuery | AgentsQuery; page: number; id?: string; zone?: string }
  /**
   * Run `query` in place of the clicked message: drill-downs, trend, compare, refresh, another
   * window. `id`: the skill or group the query names, already resolved (no name matching again;
   * a deleted one falls back to its name). `zone` as for `page`.
   */
  | {
      kind: 'run';
      query: ReportQuery;
      id?: string;
      zone?: string;
      fresh?: boolean;
      page?: number;
      /** A shared report's refresh keeps its "Shared by" line. */
      sharedBy?: string;
    }
  /** The overview's menu: a skill or group by id, over the overview's window. */
  | { kind: 'open'; scope: ScopeRef; query: QueryOptions }
  /** Post the asker's private answer for everyone. */
  | { kind: 'share'; query: ReportQuery; id?: string; zone?: string; page?: number }
  /** Add the skill or group to the clicker's App Home. */
  | { kind: 'watch'; scope: ScopeRef; name: string }
  /** Remove it from App Home. */
  | { kind: 'unwatch'; scope: ScopeRef }
  /** Refresh App Home. */
  | { kind: 'home' }
  /** A digest list's Pause, Resume, Run now, Edit or Delete. */
  | { kind: 'digest'; op: DigestOp; id: string }
  /** The digest list's "Add a digest": the form. */
  | { kind: 'digest-add' };

const VERSION = '1';
const INLINE = `${VERSION}|`;
const STORED = `${VERSION}@`;
/** Never sent to Slack: the outbox replaces it by a stored key before the message leaves. */
const UNSEALED = `${VERSION}~`;

/**
 * True for a value the outbox will replace by a short stored key before sending: the limits
 * checker measures what is sent, so such a value counts as the key, not as its state.
 */
export function isUnsealedValue(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(UNSEALED);
}
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
const name = z.string().min(1).max(MAX_NAME);
const compare = z.array(z.enum(COMPARE_WITH)).min(1).max(COMPARE_WITH.length).optional();
const skillQuery = z.object({ kind: z.literal('skill'), name, compare, ...options });
const groupQuery = z.object({ kind: z.literal('group'), name, compare, ...options });
const overviewQuery = z.object({ kind: z.literal('overview'), compare, ...options });
/** A trend: the account's, or a named skill's or group's. */
const trendQuery = z
  .object({
    kind: z.literal('trend'),
    of: z.enum(['account', 'skill', 'group']),
    name: name.optional(),
    ...options,
  })
  .refine((q) => (q.of === 'account') === (q.name === undefined));
/** A trend about a named skill or group: what a "Did you mean" button under a trend re-runs. */
const scopeTrendQuery = z.object({
  kind: z.literal('trend'),
  of: z.enum(['skill', 'group']),
  name,
  ...options,
});
const rankingQuery = z.object({
  kind: z.literal('ranking'),
  dimension: z.enum(['skills', 'groups']),
  by: z.enum(RANK_METRICS),
  top: z.number().int().min(1).max(MAX_TOP),
  within: z.object({ kind: z.enum(['skill', 'group']), name }).optional(),
  ...options,
});
const agentsQuery = z.object({ kind: z.literal('agents'), of: z.enum(['skill', 'group']), name, ...options });
const reportQuery = z.discriminatedUnion('kind', [
  overviewQuery,
  skillQuery,
  groupQuery,
  rankingQuery,
  agentsQuery,
  trendQuery,
]);
const id = z.string().min(1).max(100);
const zone = z
  .string()
  .max(64)
  .refine((zone) => isTimeZone(zone))
  .optional();
const scopeRef = z.object({ of: z.enum(['skill', 'group']), id });
const page = z.number().int().min(1).max(1_000_000);
const actionRef = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pick'),
    query: z.union([skillQuery, groupQuery, agentsQuery, scopeTrendQuery]),
    id,
  }),
  z.object({
    kind: z.literal('page'),
    query: z.discriminatedUnion('kind', [rankingQuery, agentsQuery]),
    page,
    id: id.optional(),
    zone,
  }),
  z.object({
    kind: z.literal('run'),
    query: reportQuery,
    id: id.optional(),
    zone,
    fresh: z.literal(true).optional(),
    page: page.optional(),
    sharedBy: z
      .string()
      .regex(/^[UW][A-Z0-9]{1,20}$/)
      .optional(),
  }),
  z.object({ kind: z.literal('open'), scope: scopeRef, query: z.object(options) }),
  z.object({ kind: z.literal('share'), query: reportQuery, id: id.optional(), zone, page: page.optional() }),
  z.object({ kind: z.literal('watch'), scope: scopeRef, name }),
  z.object({ kind: z.literal('unwatch'), scope: scopeRef }),
  z.object({ kind: z.literal('home') }),
  // Strict: a digest button carries exactly its op and id, nothing a tampered value could add.
  z.strictObject({
    kind: z.literal('digest'),
    op: z.enum(DIGEST_OPS),
    id: z.string().regex(DIGEST_ID_PATTERN),
  }),
  z.strictObject({ kind: z.literal('digest-add') }),
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

/**
 * The options of one menu (a select, an overflow), stored together: option values are short
 * (75 characters) and a menu of a hundred skills is one record, not a hundred.
 */
export interface ActionMenu {
  kind: 'menu';
  options: ActionRef[];
}
/** What the store keeps behind a key: one button's state, or a whole menu's. */
export type StoredState = ActionRef | ActionMenu;

/** Slack's limit for a select menu's options. */
const MAX_MENU_OPTIONS = 100;

function parseStoredState(raw: unknown): StoredState | undefined {
  if (isRecord(raw) && raw.kind === 'menu') {
    if (!Array.isArray(raw.options) || raw.options.length > MAX_MENU_OPTIONS) return undefined;
    const options = raw.options.map(parseActionRef);
    return options.every((o): o is ActionRef => o !== undefined) ? { kind: 'menu', options } : undefined;
  }
  return parseActionRef(raw);
}

/** Codec of the store's action-state repository. */
export const ACTION_STATE_CODEC: RecordCodec<StoredState> = { version: 1, decode: parseStoredState };

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

/** Slack's limit for an option's value (select menus, overflow menus), kept to the safe 75. */
export const MAX_OPTION_VALUE = 75;

/** The options of a select or overflow menu, grouped or not, and its initial option. */
function* optionsOf(e: Record<string, unknown>): Generator<Record<string, unknown>> {
  const lists: unknown[] = [e.options];
  if (Array.isArray(e.option_groups)) for (const g of e.option_groups) if (isRecord(g)) lists.push(g.options);
  for (const list of lists) if (Array.isArray(list)) for (const o of list) if (isRecord(o)) yield o;
  if (isRecord(e.initial_option)) yield e.initial_option;
}

/**
 * Everything of the blocks that carries a value: section accessories, actions elements, and the
 * options of their menus.
 */
function* elements(blocks: readonly KnownBlock[]): Generator<Record<string, unknown>> {
  for (const b of blocks as unknown as Record<string, unknown>[]) {
    const own: Record<string, unknown>[] = [];
    if (isRecord(b.accessory)) own.push(b.accessory);
    if (Array.isArray(b.elements)) for (const e of b.elements) if (isRecord(e)) own.push(e);
    for (const e of own) {
      yield e;
      yield* optionsOf(e);
    }
  }
}

/** True when a message still holds state that must go to the store before it is sent. */
export function needsSealing(blocks: readonly KnownBlock[]): boolean {
  for (const e of elements(blocks))
    if (typeof e.value === 'string' && e.value.startsWith(UNSEALED)) return true;
  return false;
}

/** The ref a value made by encodeActionValue holds (inline or unsealed). */
function refOfEncoded(value: string): ActionRef {
  const body = value.startsWith(UNSEALED) || value.startsWith(INLINE) ? value.slice(INLINE.length) : '';
  const ref = body ? parseActionRef(JSON.parse(body)) : undefined;
  if (!ref) throw new TypeError('a button value is not an encoded ActionRef');
  return ref;
}

/**
 * The key of a stored state is its content's digest (128 bits of SHA-256): identical state gets
 * one record, so two hundred leads asking for the same skill in the same minute store one menu,
 * not two hundred. A key grants nothing a crafted inline value could not, so it need not be secret.
 */
const keyOf = (state: StoredState): string =>
  createHash('sha256').update(JSON.stringify(state)).digest().subarray(0, 16).toString('base64url');

/**
 * Writes this process made in the last minute, by repository and key, so a burst of identical
 * answers writes each record once (concurrent ones share the write). Short, so a record the
 * store lost (a Redis restarted without persistence) is written again by the next message.
 */
const RECENT_WRITE_MS = 60_000;
type RecentWrites = Map<string, { at: number; done: Promise<void> }>;
const recentWrites = new WeakMap<object, RecentWrites>();

function store(repo: Repository<StoredState>, state: StoredState): Promise<string> {
  const key = keyOf(state);
  let writes = recentWrites.get(repo);
  if (!writes) {
    const fresh: RecentWrites = new Map();
    recentWrites.set(repo, fresh);
    writes = fresh;
  }
  const now = Date.now();
  const recent = writes.get(key);
  if (recent && now - recent.at < RECENT_WRITE_MS) return recent.done.then(() => key);
  for (const [k, w] of writes) if (now - w.at >= RECENT_WRITE_MS) writes.delete(k);
  const done = repo.set(key, state, STORED_STATE_TTL_MS);
  writes.set(key, { at: now, done });
  // A failed write is not remembered: the next message tries again.
  done.catch(() => writes.delete(key));
  return done.then(() => key);
}

/** Seals a menu: every option's state in one record, each option pointing at its place in it. */
async function sealMenu(e: Record<string, unknown>, repo: Repository<StoredState>): Promise<void> {
  const holders = [e, ...(Array.isArray(e.option_groups) ? (e.option_groups as unknown[]) : [])].filter(
    isRecord,
  );
  const options = holders.flatMap((h) => (Array.isArray(h.options) ? h.options.filter(isRecord) : []));
  const values = options.map((o) => String(o.value));
  // initial_option must equal one of the options, value included (it may be the same object).
  const initial = isRecord(e.initial_option) ? values.indexOf(String(e.initial_option.value)) : -1;
  const key = await store(repo, { kind: 'menu', options: values.map(refOfEncoded) });
  options.forEach((o, i) => (o.value = `${STORED}${key}.${i}`));
  if (initial >= 0) e.initial_option = structuredClone(options[initial]);
  else delete e.initial_option;
}

/**
 * Stores every state marked too big for its button and puts its key in the button instead; a
 * menu with any such option is stored whole, as one record. Returns new blocks; the input is not
 * modified.
 */
export async function sealActionValues(
  blocks: readonly KnownBlock[],
  repo: Repository<StoredState>,
): Promise<KnownBlock[]> {
  const copy = structuredClone(blocks) as KnownBlock[];
  for (const b of copy as unknown as Record<string, unknown>[]) {
    const own: Record<string, unknown>[] = [];
    if (isRecord(b.accessory)) own.push(b.accessory);
    if (Array.isArray(b.elements)) for (const e of b.elements) if (isRecord(e)) own.push(e);
    for (const e of own) {
      if (typeof e.value === 'string' && e.value.startsWith(UNSEALED)) {
        e.value = STORED + (await store(repo, refOfEncoded(e.value)));
      }
      const menu = [...optionsOf(e)];
      if (menu.some((o) => typeof o.value === 'string' && o.value.startsWith(UNSEALED)))
        await sealMenu(e, repo);
    }
  }
  return copy;
}

/**
 * The blocks without the buttons whose state could not be stored: a message with fewer buttons
 * beats no message. An actions block left empty goes too (Slack refuses one with no elements).
 */
export function dropUnsealed(blocks: readonly KnownBlock[]): KnownBlock[] {
  const unsealedValue = (e: unknown): boolean =>
    isRecord(e) && typeof e.value === 'string' && e.value.startsWith(UNSEALED);
  // A menu none of whose state could be stored goes; one with some options left keeps those.
  const unsealed = (e: unknown): boolean => {
    if (!isRecord(e)) return false;
    if (unsealedValue(e)) return true;
    if (unsealedValue(e.initial_option)) delete e.initial_option;
    let left = 0;
    let had = false;
    for (const holder of [e, ...(Array.isArray(e.option_groups) ? (e.option_groups as unknown[]) : [])]) {
      if (!isRecord(holder) || !Array.isArray(holder.options)) continue;
      had = true;
      const kept = (holder.options as unknown[]).filter((o) => !unsealedValue(o));
      holder.options = kept;
      left += kept.length;
    }
    if (Array.isArray(e.option_groups))
      e.option_groups = e.option_groups.filter(
        (g) => isRecord(g) && Array.isArray(g.options) && g.options.length,
      );
    return had && left === 0;
  };
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
  repo: Pick<Repository<StoredState>, 'get'>,
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
    const m = /^([\w-]{8,64})(?:\.(\d{1,3}))?$/.exec(value.slice(STORED.length));
    if (!m) return undefined;
    const stored = await repo.get(m[1]!);
    if (!stored) return undefined;
    if (m[2] === undefined) return stored.kind === 'menu' ? undefined : stored;
    return stored.kind === 'menu' ? stored.options[Number(m[2])] : undefined;
  }
  return undefined;
}
