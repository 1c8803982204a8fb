/**
 * The skills & agent-groups directory: names ↔ ids, fuzzy lookup and the group tree, over the
 * Account Configuration API. Lists are cached and revalidated with If-Match (the revision LivePerson
 * sent as ac-revision or ETag), so a busy bot costs LivePerson one 304 per TTL where the account
 * answers 304. What LivePerson answers to a conditional read is not documented (a changed list may
 * well answer 412), so any 4xx to one is followed by a plain read, never by serving the old names.
 * Only an outage (5xx, timeout, 429) keeps the last good list, for errorRetryMs at a time.
 */
import type { AccountConfigSource, ConfigKind } from './contract/account-config';
import { DeadlineExceededError, raceDeadline, type Deadline } from '../shared/deadline';
import { LivePersonTimeoutError, isLivePersonError } from './client/errors';
import { isRecord } from '../shared/guards';
import { matchName, type NameMatch } from './name-match';
import type { LivePersonObserver } from './client/observer';

export interface Skill {
  id: string;
  name: string;
}

export interface AgentGroup {
  id: string;
  name: string;
  /** null for the root (the Main Group, id -1, on a LivePerson account). */
  parentId: string | null;
}

/** Per-call options: the answer's deadline bounds a list fetch or revalidation it has to wait for. */
export interface LookupOptions {
  deadline?: Deadline;
  /**
   * The retry schedule of a fetch this call starts: 'background' (schedules) follows LivePerson's
   * 5/10/15 s. A call that joins a fetch already under way shares that fetch's schedule.
   */
  budget?: 'interactive' | 'background';
}

export interface Directory {
  /** Live skills (deleted ones ignored), sorted by name. */
  skills(opts?: LookupOptions): Promise<Skill[]>;
  /** Live agent groups, sorted by name. */
  agentGroups(opts?: LookupOptions): Promise<AgentGroup[]>;
  findSkill(query: string, opts?: LookupOptions): Promise<NameMatch<Skill>>;
  findGroup(query: string, opts?: LookupOptions): Promise<NameMatch<AgentGroup>>;
  skillName(id: string, opts?: LookupOptions): Promise<string | undefined>;
  groupName(id: string, opts?: LookupOptions): Promise<string | undefined>;
  /** Every descendant of the group (children, grandchildren, …), breadth first; cycle-safe. */
  subGroupIds(groupId: string, opts?: LookupOptions): Promise<string[]>;
  /** Direct children of the group, sorted by name. */
  childGroups(groupId: string, opts?: LookupOptions): Promise<AgentGroup[]>;
  /** Revalidates both lists now, regardless of the TTL. */
  refresh(opts?: LookupOptions): Promise<void>;
}

/** The slice of a logger the directory uses; Bolt's logger and `console` both fit. */
export interface DirectoryLogger {
  warn(message: string, ...details: unknown[]): void;
}

export interface DirectoryOptions {
  source: AccountConfigSource;
  /** How long a list is served without asking LivePerson (default 10 min). */
  ttlMs?: number;
  /**
   * After a failed revalidation with a list in hand, wait this long before trying again (default
   * 30 s, never more than ttlMs) so an outage does not make every command wait on a failing call.
   */
  errorRetryMs?: number;
  now?: () => number;
  logger?: DirectoryLogger;
  /** Told whether each look-up was served from the cached list (/metrics). */
  observer?: Pick<LivePersonObserver, 'cache'>;
}

export const DEFAULT_DIRECTORY_TTL_MS = 10 * 60_000;
export const DEFAULT_ERROR_RETRY_MS = 30_000;

/** Ids arrive as strings or numbers depending on the API version; anything else is unusable. */
function idOf(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}

function isDeleted(raw: Record<string, unknown>): boolean {
  return raw.deleted === true || raw.deleted === 'true';
}

function nameOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = <T extends { id: string; name: string }>(a: T, b: T): number =>
  collator.compare(a.name, b.name) || collator.compare(a.id, b.id);

/** Live skills from a raw Account Configuration list: deleted, nameless or id-less items dropped. */
export function parseSkills(items: readonly unknown[]): Skill[] {
  const byId = new Map<string, Skill>();
  for (const raw of items) {
    if (!isRecord(raw) || isDeleted(raw)) continue;
    const id = idOf(raw.id);
    const name = nameOf(raw.name);
    if (id !== undefined && name !== undefined && !byId.has(id)) byId.set(id, { id, name });
  }
  return [...byId.values()].sort(byName);
}

/**
 * Live agent groups. The Main Group (id -1) is the root and its direct children carry
 * parentGroupId -1, so -1 is a real parent; only a null, absent or self parent means root.
 */
export function parseAgentGroups(items: readonly unknown[]): AgentGroup[] {
  const byId = new Map<string, AgentGroup>();
  for (const raw of items) {
    if (!isRecord(raw) || isDeleted(raw)) continue;
    const id = idOf(raw.id);
    const name = nameOf(raw.name);
    if (id === undefined || name === undefined || byId.has(id)) continue;
    const parent = idOf(raw.parentGroupId);
    byId.set(id, {
      id,
      name,
      parentId: parent === undefined || parent === id ? null : parent,
    });
  }
  return [...byId.values()].sort(byName);
}

interface Snapshot<T> {
  items: T[];
  byId: Map<string, T>;
  revision: string | undefined;
}

/** A load in progress, with the deadline it runs under (its starter's). */
interface Flight<T> {
  run: Promise<Snapshot<T>>;
  deadline: Deadline | undefined;
}

/**
 * Whether a caller with `mine` could have given a load more time than the `theirs` it ran under:
 * then a failure of that load is (or may be) the starter's lack of time, not the caller's.
 */
function hasMoreTime(mine: Deadline | undefined, theirs: Deadline | undefined): boolean {
  if (!theirs) return false;
  if (!mine) return true;
  return !mine.expired() && mine.remaining() > theirs.remaining();
}

/** A failure that says the load's deadline ran out, not that LivePerson refused or failed. */
function ranOutOfTime(error: unknown): boolean {
  return error instanceof DeadlineExceededError || error instanceof LivePersonTimeoutError;
}

/**
 * A 4xx other than 429: LivePerson refused the request as sent, and the same request will be
 * refused again, so it is no outage to wait out with the old list.
 */
function refused(error: unknown): boolean {
  const status = isLivePersonError(error) ? error.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

/** One cached list with TTL, If-Match revalidation, single-flight and stale-on-outage. */
class CachedList<T extends { id: string; name: string }> {
  private snapshot: Snapshot<T> | undefined;
  /** When the list was last confirmed (200 or 304); the TTL runs from here. */
  private validatedAt = 0;
  /** When the next revalidation may be tried after a failure. */
  private retryAt = 0;
  private inflight: Flight<T> | undefined;

  constructor(
    private readonly kind: ConfigKind,
    private readonly parse: (items: readonly unknown[]) => T[],
    private readonly opts: {
      source: AccountConfigSource;
      ttlMs: number;
      errorRetryMs: number;
      now: () => number;
      logger: DirectoryLogger;
      observer?: Pick<LivePersonObserver, 'cache'> | undefined;
    },
  ) {}

  /**
   * The list: cached, or from the one load in flight, or from a new load under `opts.deadline`.
   * A caller that joins a load started by someone else waits for it at most until its own deadline.
   */
  get(force = false, opts: LookupOptions = {}): Promise<Snapshot<T>> {
    const observer = force ? undefined : this.opts.observer;
    if (this.inflight) {
      observer?.cache('directory', false);
      return this.join(this.inflight, force, opts);
    }
    const now = this.opts.now();
    const snap = this.snapshot;
    const fresh = snap && !force && (now - this.validatedAt < this.opts.ttlMs || now < this.retryAt);
    observer?.cache('directory', Boolean(fresh));
    if (snap && fresh) return Promise.resolve(snap);
    // The starter is not raced: the source ends the load by its deadline, and load() turns that
    // failure into the stale list when there is one.
    const run = this.load(opts).finally(() => {
      if (this.inflight?.run === run) this.inflight = undefined;
    });
    this.inflight = { run, deadline: opts.deadline };
    return run;
  }

  /**
   * Waits for someone else's load under this caller's own deadline. When that passes first, the
   * stale list if there is one (a list in hand beats no answer; the load goes on and will refresh
   * the cache), else the DeadlineExceededError. When the load fails under a deadline shorter than
   * this caller's because that deadline ran out, it asks again itself, through get() so that other
   * joiners share the retry (which runs under the deadline of whoever asks first: a caller with
   * still more time retries again; each retry runs under a longer deadline, so it ends). A failure
   * that is not about time (a 401, a 503) is every caller's: no retry.
   */
  private async join(flight: Flight<T>, force: boolean, opts: LookupOptions): Promise<Snapshot<T>> {
    // The load's own outcome as a value, so that only this caller's deadline can reject the race.
    const settled = flight.run.then(
      (snap) => ({ ok: true as const, snap }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    let outcome: Awaited<typeof settled>;
    try {
      outcome = await raceDeadline(settled, opts.deadline);
    } catch (deadlineExceeded) {
      if (this.snapshot) return this.snapshot;
      throw deadlineExceeded;
    }
    if (outcome.ok) return outcome.snap;
    if (ranOutOfTime(outcome.error) && hasMoreTime(opts.deadline, flight.deadline))
      return this.get(force, opts);
    throw outcome.error;
  }

  /** A conditional read when there is a revision; after any 4xx to it, a plain read. */
  private async read(revision: string | undefined, opts: LookupOptions) {
    const { source, logger } = this.opts;
    if (revision === undefined) return source.accountConfig(this.kind, undefined, opts);
    try {
      return await source.accountConfig(this.kind, revision, opts);
    } catch (err) {
      if (!refused(err)) throw err;
      logger.warn(
        `Account Configuration refused the conditional read of ${this.kind}; reading it again without If-Match`,
        err instanceof Error ? err.message : err,
      );
      return source.accountConfig(this.kind, undefined, opts);
    }
  }

  private async load(opts: LookupOptions): Promise<Snapshot<T>> {
    const previous = this.snapshot;
    try {
      const result = await this.read(previous?.revision, opts);
      if (result.notModified) {
        if (!previous)
          throw new Error(`Account Configuration answered 304 for ${this.kind} with no cached list`);
        this.validatedAt = this.opts.now();
        return previous;
      }
      const items = this.parse(Array.isArray(result.items) ? result.items : []);
      const next: Snapshot<T> = {
        items,
        byId: new Map(items.map((i) => [i.id, i])),
        revision: result.revision,
      };
      this.snapshot = next;
      this.validatedAt = this.opts.now();
      return next;
    } catch (err) {
      if (!previous || refused(err)) throw err;
      this.retryAt = this.opts.now() + this.opts.errorRetryMs;
      this.opts.logger.warn(
        `Could not refresh ${this.kind} from Account Configuration; serving the cached list`,
        err instanceof Error ? err.message : err,
      );
      return previous;
    }
  }
}

/** Builds the directory over an Account Configuration source. */
export function createDirectory(opts: DirectoryOptions): Directory {
  const ttlMs = Math.max(0, opts.ttlMs ?? DEFAULT_DIRECTORY_TTL_MS);
  const shared = {
    source: opts.source,
    ttlMs,
    errorRetryMs: Math.max(0, Math.min(opts.errorRetryMs ?? DEFAULT_ERROR_RETRY_MS, ttlMs)),
    now: opts.now ?? Date.now,
    logger: opts.logger ?? console,
    observer: opts.observer,
  };
  const skills = new CachedList<Skill>('skills', parseSkills, shared);
  const groups = new CachedList<AgentGroup>('agentGroups', parseAgentGroups, shared);

  // The tree is derived once per fetched list, not per call.
  const childrenOf = new WeakMap<AgentGroup[], Map<string, AgentGroup[]>>();
  const children = (snap: Snapshot<AgentGroup>): Map<string, AgentGroup[]> => {
    let map = childrenOf.get(snap.items);
    if (!map) {
      map = new Map();
      for (const g of snap.items) {
        if (g.parentId === null) continue;
        const list = map.get(g.parentId) ?? [];
        list.push(g);
        map.set(g.parentId, list);
      }
      childrenOf.set(snap.items, map);
    }
    return map;
  };

  return {
    skills: async (o) => [...(await skills.get(false, o)).items],
    agentGroups: async (o) => [...(await groups.get(false, o)).items],
    findSkill: async (query, o) => matchName(query, (await skills.get(false, o)).items),
    findGroup: async (query, o) => matchName(query, (await groups.get(false, o)).items),
    skillName: async (id, o) => (await skills.get(false, o)).byId.get(id.trim())?.name,
    groupName: async (id, o) => (await groups.get(false, o)).byId.get(id.trim())?.name,
    childGroups: async (groupId, o) => [...(children(await groups.get(false, o)).get(groupId.trim()) ?? [])],
    subGroupIds: async (groupId, o) => {
      const tree = children(await groups.get(false, o));
      const root = groupId.trim();
      const seen = new Set<string>([root]);
      const out: string[] = [];
      for (let i = -1; i < out.length; i++) {
        const parent = i < 0 ? root : out[i]!;
        for (const child of tree.get(parent) ?? []) {
          if (seen.has(child.id)) continue;
          seen.add(child.id);
          out.push(child.id);
        }
      }
      return out;
    },
    refresh: async (o) => {
      await Promise.all([skills.get(true, o), groups.get(true, o)]);
    },
  };
}
