/**
 * Digests in the shared store: one versioned record per digest and an index of ids, so every
 * instance lists the same digests. keyv cannot list keys portably, and two instances adding at
 * once must not lose one: index changes happen under a short claim (a lock) in the same store.
 */
import { z } from 'zod';
import type { Digest } from '../domain/digest';
import { MAX_DIGEST_TARGETS, MAX_SHIFT_MS, WEEKDAYS } from '../domain/digest';
import { isTimeZone } from '../domain/window';
import type { RecordCodec, Repository, Store } from '../store/store';

const weekday = z.union(WEEKDAYS.map((d) => z.literal(d)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]]);
const target = z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(500) });
const digestSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{4,16}$/),
  teamId: z.string().min(1).max(40),
  channelId: z.string().min(1).max(40),
  createdBy: z.string().min(1).max(40),
  createdAt: z.number(),
  updatedAt: z.number(),
  schedule: z.object({
    days: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('daily') }),
      z.object({ kind: z.literal('weekdays') }),
      z.object({ kind: z.literal('weekends') }),
      z.object({ kind: z.literal('days'), days: z.array(weekday).min(1).max(7) }),
    ]),
    hour: z.number().int().min(0).max(23),
    minute: z.number().int().min(0).max(59),
    zone: z.string().refine((zone) => isTimeZone(zone)),
  }),
  windowMs: z.number().int().min(60_000).max(MAX_SHIFT_MS),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('account') }),
    z.object({ kind: z.literal('skills'), items: z.array(target).min(1).max(MAX_DIGEST_TARGETS) }),
    z.object({ kind: z.literal('groups'), items: z.array(target).min(1).max(MAX_DIGEST_TARGETS) }),
  ]),
  audience: z.enum(['humans', 'bots']).optional(),
  chart: z.boolean(),
  paused: z.boolean(),
  pausedReason: z.enum(['user', 'not_in_channel', 'channel_not_found', 'is_archived']).optional(),
});

export const DIGEST_CODEC: RecordCodec<Digest> = {
  version: 1,
  decode: (raw) => {
    const r = digestSchema.safeParse(raw);
    return r.success ? (JSON.parse(JSON.stringify(r.data)) as Digest) : undefined;
  },
};

export const DIGEST_INDEX_CODEC: RecordCodec<string[]> = {
  version: 1,
  decode: (raw) => (Array.isArray(raw) && raw.every((x) => typeof x === 'string') ? raw : undefined),
};

const INDEX_KEY = 'all';
const LOCK = 'lock:digest-index';
const LOCK_MS = 5_000;

export class DigestStore {
  constructor(
    private readonly records: Repository<Digest>,
    private readonly index: Repository<string[]>,
    private readonly locks: Pick<Store, 'claim' | 'release'>,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  get(id: string): Promise<Digest | undefined> {
    return this.records.get(id);
  }

  /** Every digest, as stored now (an id whose record is gone is skipped). */
  async list(): Promise<Digest[]> {
    const ids = (await this.index.get(INDEX_KEY)) ?? [];
    const all = await Promise.all(ids.map((id) => this.records.get(id)));
    return all.filter((d): d is Digest => d !== undefined);
  }

  /** Stores the digest (new or changed). */
  async put(digest: Digest): Promise<void> {
    await this.records.set(digest.id, digest);
    await this.locked(async () => {
      const ids = (await this.index.get(INDEX_KEY)) ?? [];
      if (!ids.includes(digest.id)) await this.index.set(INDEX_KEY, [...ids, digest.id]);
    });
  }

  /** True when it existed. */
  async remove(id: string): Promise<boolean> {
    const existed = await this.records.delete(id);
    await this.locked(async () => {
      const ids = (await this.index.get(INDEX_KEY)) ?? [];
      if (ids.includes(id))
        await this.index.set(
          INDEX_KEY,
          ids.filter((x) => x !== id),
        );
    });
    return existed;
  }

  private async locked(work: () => Promise<void>): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await this.locks.claim(LOCK, LOCK_MS)) {
        try {
          return await work();
        } finally {
          await this.locks.release(LOCK);
        }
      }
      await this.sleep(20 + Math.random() * 30);
    }
    throw new Error('the digest index stayed locked for seconds; is another instance stuck?');
  }
}
