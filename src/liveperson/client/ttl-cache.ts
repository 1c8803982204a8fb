/**
 * A small time-to-live cache with an injectable clock. Bounded: the oldest entries go first when it
 * is full, so a busy workspace asking many distinct questions cannot grow it without limit.
 */

export interface TtlCacheOptions {
  /** Lifetime of an entry in ms; 0 disables the cache (get always misses, set stores nothing). */
  ttlMs: number;
  /** Epoch-ms clock; injectable so tests can move time. */
  now?: () => number;
  /** Entry limit (default 500). */
  maxEntries?: number;
}

/** A TTL cache keyed by string. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; storedAt: number; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(opts: TtlCacheOptions) {
    if (!(opts.ttlMs >= 0)) throw new RangeError(`ttlMs must be 0 or more (got ${opts.ttlMs})`);
    this.ttlMs = opts.ttlMs;
    this.now = opts.now ?? Date.now;
    this.maxEntries = Math.max(1, opts.maxEntries ?? 500);
  }

  /**
   * The live value for `key`, or undefined when absent or expired. `maxAgeMs`: a caller that wants
   * fresher answers than the cache keeps misses on older ones (the entry stays for other callers).
   */
  get(key: string, maxAgeMs?: number): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    const now = this.now();
    if (now >= hit.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    if (maxAgeMs !== undefined && now - hit.storedAt >= maxAgeMs) return undefined;
    return hit.value;
  }

  /** Stores `value` for the configured TTL (no-op when the TTL is 0). */
  set(key: string, value: V): void {
    if (this.ttlMs === 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.evict();
    const now = this.now();
    this.entries.set(key, { value, storedAt: now, expiresAt: now + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    const now = this.now();
    for (const [k, e] of this.entries) if (now >= e.expiresAt) this.entries.delete(k);
    // Map iteration order is insertion order: the first key is the oldest.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
