/**
 * The Store on keyv: @keyv/sqlite (a file under DATA_DIR) or @keyv/redis (REDIS_URL). Opening it
 * proves it works (a write, a read and a delete), so a read-only DATA_DIR or an unreachable Redis
 * stops the start with a message naming the variable instead of failing on the first click.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type KeyvRedis from '@keyv/redis';
import type KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { isRecord } from '../shared/guards';
import type { AppLogger } from '../shared/logger';
import { OutageLog } from './outage';
import { StoreError, type RecordCodec, type Repository, type Store } from './store';

export interface StoreOptions {
  /** REDIS_URL: when set, state lives in Redis. */
  redisUrl?: string | undefined;
  /** DATA_DIR: where the SQLite file lives otherwise. */
  dataDir: string;
  /** Key prefix of everything this bot stores (tests use their own). */
  namespace?: string;
  logger: AppLogger;
  /** How long opening may take before it counts as unreachable. */
  timeoutMs?: number;
  /** How often SQLite's expired rows are swept (default hourly). */
  purgeEveryMs?: number;
}

const SQLITE_FILE = 'queue-pulse.sqlite';
/** How often expired SQLite rows are swept. */
export const SQLITE_PURGE_EVERY_MS = 60 * 60_000;

/** Deletes every row whose Keyv expiry has passed; rows without one stay. */
export async function purgeExpired(adapter: Pick<KeyvSqlite, 'query'>, nowMs: number): Promise<void> {
  // Keyv keeps the expiry inside the JSON it stores ({"value":…,"expires":ms}); `keyv` is the
  // adapter's default table.
  // json_valid first: one row that is not JSON must not make the whole sweep fail every hour.
  await adapter.query(
    "DELETE FROM keyv WHERE json_valid(value) AND json_extract(value, '$.expires') < ?",
    nowMs,
  );
  await adapter.query(`DELETE FROM ${CLAIMS_TABLE} WHERE expires <= ?`, nowMs);
}

/** Claims live beside keyv's table: a unique key is what makes a SQLite claim atomic. */
const CLAIMS_TABLE = 'queue_pulse_claims';

/** The atomic claim of one backend; tokens tell a holder's own claim from a later one. */
interface Claims {
  claim(key: string, token: string, ttlMs: number): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
  renew(key: string, token: string, ttlMs: number): Promise<boolean>;
}

function sqliteClaims(adapter: Pick<KeyvSqlite, 'query'>, now: () => number): Claims {
  return {
    async claim(key, token, ttlMs) {
      const at = now();
      // One statement, so two instances on the same file cannot both win: the insert succeeds, or
      // it replaces a claim that has expired, or it returns no row.
      const rows = (await adapter.query(
        `INSERT INTO ${CLAIMS_TABLE} (key, token, expires) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET token = excluded.token, expires = excluded.expires
         WHERE ${CLAIMS_TABLE}.expires <= ?
         RETURNING token`,
        key,
        token,
        at + ttlMs,
        at,
      )) as { token: string }[];
      return rows.length === 1 && rows[0]!.token === token;
    },
    async release(key, token) {
      await adapter.query(`DELETE FROM ${CLAIMS_TABLE} WHERE key = ? AND token = ?`, key, token);
    },
    async renew(key, token, ttlMs) {
      const at = now();
      const rows = (await adapter.query(
        `UPDATE ${CLAIMS_TABLE} SET expires = ? WHERE key = ? AND token = ? AND expires > ? RETURNING token`,
        at + ttlMs,
        key,
        token,
        at,
      )) as { token: string }[];
      return rows.length === 1;
    },
  };
}

/** Deletes the key only while it still holds the caller's token (another may hold it since). */
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
/** Extends the key's expiry only while it still holds the caller's token. */
const RENEW_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0";

function redisClaims(adapter: KeyvRedis<unknown>): Claims {
  return {
    async claim(key, token, ttlMs) {
      return (
        (await adapter.client.set(key, token, { NX: true, PX: Math.max(1, Math.round(ttlMs)) })) === 'OK'
      );
    },
    async release(key, token) {
      await adapter.client.eval(RELEASE_SCRIPT, { keys: [key], arguments: [token] });
    },
    async renew(key, token, ttlMs) {
      const ms = String(Math.max(1, Math.round(ttlMs)));
      return (await adapter.client.eval(RENEW_SCRIPT, { keys: [key], arguments: [token, ms] })) === 1;
    },
  };
}

/** redis://user:password@host → redis://user:***@host, for messages. */
export function safeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return 'REDIS_URL';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  // Node's own messages already start with the code ("ENOTDIR: not a directory, mkdir …").
  const code = typeof e?.code === 'string' && !message.startsWith(e.code) ? `${e.code}: ` : '';
  return `${code}${message}`;
}

class KeyvRepository<T> implements Repository<T> {
  constructor(
    private readonly keyv: Keyv,
    private readonly prefix: string,
    private readonly codec: RecordCodec<T>,
    private readonly logger: AppLogger,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const raw: unknown = await this.keyv.get(this.prefix + key);
    if (raw === undefined) return undefined;
    const value = isRecord(raw) && raw.v === this.codec.version ? this.codec.decode(raw.data) : undefined;
    if (value === undefined)
      this.logger.warn('stored record no longer decodes; treated as absent', { key: this.prefix + key });
    return value;
  }

  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    const ok = await this.keyv.set(this.prefix + key, { v: this.codec.version, data: value }, ttlMs);
    if (ok === false) throw new Error(`the store refused to save ${this.prefix}${key}`);
  }

  delete(key: string): Promise<boolean> {
    return this.keyv.delete(this.prefix + key);
  }
}

class KeyvStore implements Store {
  /**
   * The token of each claim this instance holds, so `release` frees only its own; an entry goes
   * when its claim would have expired (most claims, a double click's, are never released).
   */
  private readonly held = new Map<string, { token: string; until: number; releasePending?: boolean }>();

  constructor(
    readonly kind: 'sqlite' | 'redis',
    readonly where: string,
    private readonly keyv: Keyv,
    private readonly logger: AppLogger,
    private readonly claims: Claims,
    private readonly claimPrefix: string,
    /** Stops background upkeep (the SQLite purge) before the connection closes. */
    private readonly stop: () => void = () => undefined,
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    // A release that failed (the store was away) is done first: the claim is still this
    // instance's, and left alone it would keep everyone off, this instance too, until it expired.
    const unreleased = this.held.get(key);
    if (unreleased?.releasePending) {
      await this.claims.release(this.claimPrefix + key, unreleased.token);
      this.held.delete(key);
    }
    const token = randomBytes(9).toString('base64url');
    const won = await this.claims.claim(this.claimPrefix + key, token, ttlMs);
    const now = Date.now();
    for (const [k, h] of this.held) if (h.until <= now) this.held.delete(k);
    if (won) this.held.set(key, { token, until: now + ttlMs });
    return won;
  }

  /** How many claims this instance still holds (tests: the map does not grow without bound). */
  get heldClaims(): number {
    return this.held.size;
  }

  async renew(key: string, ttlMs: number): Promise<boolean> {
    const held = this.held.get(key);
    if (held === undefined || held.releasePending) return false;
    const ok = await this.claims.renew(this.claimPrefix + key, held.token, ttlMs);
    if (ok) held.until = Date.now() + ttlMs;
    else this.held.delete(key);
    return ok;
  }

  async release(key: string): Promise<void> {
    const held = this.held.get(key);
    if (held === undefined) return;
    try {
      await this.claims.release(this.claimPrefix + key, held.token);
      this.held.delete(key);
    } catch (err) {
      held.releasePending = true;
      throw err;
    }
  }

  repository<T>(namespace: string, codec: RecordCodec<T>): Repository<T> {
    return new KeyvRepository<T>(this.keyv, `${namespace}:`, codec, this.logger);
  }

  async close(): Promise<void> {
    this.stop();
    await this.keyv.disconnect();
  }
}

async function probe(keyv: Keyv, timeoutMs: number, what: string): Promise<void> {
  // Unique per open, not per process and millisecond: stores opened together in one process (several
  // instances in a test, a benchmark) must not read or delete each other's probe.
  const key = `_probe:${process.pid}:${Date.now()}:${randomBytes(6).toString('hex')}`;
  await withTimeout(
    (async () => {
      if ((await keyv.set(key, 'ok', 60_000)) === false) throw new Error('the write was refused');
      if ((await keyv.get(key)) !== 'ok') throw new Error('a value just written could not be read back');
      await keyv.delete(key);
    })(),
    timeoutMs,
    what,
  );
}

/**
 * `mkdir -p`, one level at a time: Node's own `recursive` spins forever, at full CPU, where mkdir
 * answers ENOENT for a parent that exists (anywhere under /proc), so a DATA_DIR there would hang
 * the start instead of refusing it.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at) && path.dirname(at) !== at; at = path.dirname(at)) missing.unshift(at);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (err) {
      // Made meanwhile by another instance starting beside this one: fine.
      if ((err as { code?: string }).code !== 'EEXIST' || !statSync(level).isDirectory()) throw err;
    }
  }
  if (!statSync(dir).isDirectory())
    throw Object.assign(new Error('a file is in its place'), { code: 'EEXIST' });
}

async function openSqlite(opts: StoreOptions, namespace: string, timeoutMs: number): Promise<Store> {
  const dir = path.resolve(opts.dataDir);
  const hint = 'set DATA_DIR to a directory the bot may write, or set REDIS_URL to keep state in Redis.';
  try {
    makeDirectory(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new StoreError(`DATA_DIR (${opts.dataDir}) is not a writable directory (${reason(err)}); ${hint}`);
  }
  const file = path.join(dir, SQLITE_FILE);
  // Each backend loads only when chosen: a bot on Redis never holds sqlite3, one on SQLite no Redis
  // client. require, not import(): import() would load the packages' ESM builds beside the CommonJS ones.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: SqliteAdapter } = require('@keyv/sqlite') as typeof import('@keyv/sqlite');
  const adapter = new SqliteAdapter({ uri: `sqlite://${file}`, busyTimeout: 5_000 });
  // throwOnErrors: without it Keyv answers a failed read with "nothing stored".
  const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true });
  keyv.on('error', (err: unknown) => opts.logger.error('SQLite store error', { error: reason(err) }));
  try {
    await probe(keyv, timeoutMs, `SQLite at ${file}`);
  } catch (err) {
    await keyv.disconnect().catch(() => undefined);
    throw new StoreError(
      `DATA_DIR (${opts.dataDir}): the SQLite file ${file} cannot be used (${reason(err)}); ${hint}`,
    );
  }
  // Keyv drops an expired SQLite row only when it is read again, and most button state never is:
  // without a sweep the file grows by every report's buttons. Redis expires keys itself.
  const purge = async (): Promise<void> => {
    try {
      await purgeExpired(adapter, Date.now());
    } catch (err) {
      opts.logger.warn('could not purge expired rows from SQLite', { error: reason(err) });
    }
  };
  await adapter.query(
    `CREATE TABLE IF NOT EXISTS ${CLAIMS_TABLE} (key TEXT PRIMARY KEY, token TEXT NOT NULL, expires INTEGER NOT NULL)`,
  );
  await purge();
  const timer = setInterval(() => void purge(), opts.purgeEveryMs ?? SQLITE_PURGE_EVERY_MS);
  timer.unref();
  return new KeyvStore(
    'sqlite',
    `SQLite at ${path.join(opts.dataDir, SQLITE_FILE)}`,
    keyv,
    opts.logger,
    sqliteClaims(adapter, Date.now),
    `${namespace}:`,
    () => clearInterval(timer),
  );
}

async function openRedis(
  url: string,
  opts: StoreOptions,
  namespace: string,
  timeoutMs: number,
): Promise<Store> {
  const shown = safeRedisUrl(url);
  const named = shown === 'REDIS_URL' ? 'REDIS_URL (not a valid URL)' : `REDIS_URL (${shown})`;
  const hint =
    'check that Redis runs and the URL is right, or unset REDIS_URL to keep state in SQLite under DATA_DIR.';
  // Loaded only when chosen (see openSqlite).
  const { default: RedisAdapter, defaultReconnectStrategy } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@keyv/redis') as typeof import('@keyv/redis');
  let adapter: KeyvRedis<unknown>;
  try {
    // disableOfflineQueue: while Redis is away a command fails at once instead of waiting, forever,
    // for the reconnect. throwOnErrors (here and on Keyv below): without it a Redis that went away
    // answers reads with "nothing stored".
    adapter = new RedisAdapter(
      { url, disableOfflineQueue: true, socket: { reconnectStrategy: defaultReconnectStrategy } },
      { namespace, throwOnConnectError: true, throwOnErrors: true, connectionTimeout: timeoutMs },
    );
  } catch (err) {
    // A URL the client cannot parse (a port past 65535, a database that is not a number).
    throw new StoreError(`${named} cannot be used (${reason(err)}); ${hint}`);
  }
  const keyv = new Keyv({ store: adapter, namespace, useKeyPrefix: false, throwOnErrors: true });
  // One line when Redis goes away and one when it is back, not one per reconnect attempt.
  const outage = new OutageLog(`Redis at ${shown}`, opts.logger);
  // A command refused on a live connection (OOM, a timeout) is not an outage: said as it is, so
  // the outage's one line still comes when the connection does go.
  keyv.on('error', (err: unknown) => {
    if ('isReady' in adapter.client && adapter.client.isReady && !outage.down)
      opts.logger.error('Redis store error', { error: reason(err) });
    else outage.failed(reason(err));
  });
  adapter.client.on('ready', () => outage.recovered());
  try {
    await probe(keyv, timeoutMs, `Redis at ${shown}`);
  } catch (err) {
    await adapter.disconnect(true).catch(() => undefined);
    throw new StoreError(`${named} cannot be used (${reason(err)}); ${hint}`);
  }
  return new KeyvStore(
    'redis',
    `Redis at ${shown}`,
    keyv,
    opts.logger,
    redisClaims(adapter),
    `${namespace}:claim:`,
  );
}

/** Opens the configured store, proving it can write, read and delete; throws StoreError if not. */
export function openStore(opts: StoreOptions): Promise<Store> {
  const namespace = opts.namespace ?? 'queue-pulse';
  const timeoutMs = opts.timeoutMs ?? 5_000;
  return opts.redisUrl
    ? openRedis(opts.redisUrl, opts, namespace, timeoutMs)
    : openSqlite(opts, namespace, timeoutMs);
}
