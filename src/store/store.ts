/**
 * The bot's persistent state, behind small typed repositories: SQLite under DATA_DIR by default,
 * Redis when REDIS_URL is set (state shared by every instance). Each repository owns a namespace
 * and a versioned record shape; a record that no longer decodes reads as absent, never as garbage.
 */

/** How a repository's values are stored: a version, and a decoder that validates on the way out. */
export interface RecordCodec<T> {
  /** Bumped when the stored shape changes; records of another version read as absent. */
  version: number;
  /** The value, or undefined when `data` is not a valid one. */
  decode(data: unknown): T | undefined;
}

export interface Repository<T> {
  /** The value under `key`, or undefined when there is none (or it no longer decodes). */
  get(key: string): Promise<T | undefined>;
  /** Stores `value`; with `ttlMs` it expires after that long. */
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
}

export interface Store {
  readonly kind: 'sqlite' | 'redis';
  /** Where the state lives, for the start-up line ("SQLite at data/queue-pulse.sqlite"); no password. */
  readonly where: string;
  /** A typed repository in its own namespace. */
  repository<T>(namespace: string, codec: RecordCodec<T>): Repository<T>;
  /**
   * Claims `key` for `ttlMs`, atomically across every instance sharing the store: true for the
   * one caller that got it, false while someone else's claim lives. keyv alone has no atomic
   * set-if-absent, so each backend does it natively (Redis SET NX PX, a SQLite unique insert).
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim up before it expires (only the holder's own claim: `claim` returned true). */
  release(key: string): Promise<void>;
  /**
   * Sets what remains of this instance's own claim to `ttlMs` from now (longer, or shorter: a
   * click's claim is cut to its settle window once answered); false when it is no longer ours (it
   * expired, and perhaps someone else holds it now). A holder checks before an irreversible step.
   */
  renew(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** The store cannot be used; the message names the variable to fix. */
export class StoreError extends Error {
  override name = 'StoreError';
}
