/**
 * What each lead watches on App Home: skills and agent groups by id, kept per user in the store
 * (a versioned record, on every instance). Names are kept for the view; the id is what counts.
 */
import { z } from 'zod';
import type { RecordCodec, Repository, Store } from '../../store/store';
import type { ScopeRef } from '../action-ref';

/** Each watched scope costs a LivePerson call per Home refresh: a short list stays fast. */
export const MAX_WATCHES = 20;

export interface Watch {
  scope: ScopeRef;
  name: string;
}

const watchList = z.array(
  z.object({
    scope: z.object({ of: z.enum(['skill', 'group']), id: z.string().min(1).max(100) }),
    name: z.string().min(1).max(500),
  }),
);

export const WATCHES_CODEC: RecordCodec<Watch[]> = {
  version: 1,
  decode: (raw) => {
    const r = watchList.max(MAX_WATCHES).safeParse(raw);
    return r.success ? r.data : undefined;
  },
};

const keyOf = (teamId: string | undefined, userId: string): string => `${teamId ?? '-'}:${userId}`;
const same = (a: ScopeRef, b: ScopeRef): boolean => a.of === b.of && a.id === b.id;

export type WatchChange = 'added' | 'already' | 'full' | 'removed' | 'absent';

const LOCK_MS = 5_000;

/**
 * Each user's watch list. Changes are read-modify-write, so they run under a short claim per user
 * in the shared store: two Watch clicks at once, on two instances, keep both.
 */
export class Watches {
  constructor(
    private readonly repo: Repository<Watch[]>,
    private readonly locks: Pick<Store, 'claim' | 'release'>,
  ) {}

  list(teamId: string | undefined, userId: string): Promise<Watch[]> {
    return this.repo.get(keyOf(teamId, userId)).then((w) => w ?? []);
  }

  async add(teamId: string | undefined, userId: string, watch: Watch): Promise<WatchChange> {
    return this.locked(teamId, userId, async (list, save) => {
      if (list.some((w) => same(w.scope, watch.scope))) return 'already';
      if (list.length >= MAX_WATCHES) return 'full';
      await save([...list, watch]);
      return 'added';
    });
  }

  async remove(teamId: string | undefined, userId: string, scope: ScopeRef): Promise<WatchChange> {
    return this.locked(teamId, userId, async (list, save) => {
      const kept = list.filter((w) => !same(w.scope, scope));
      if (kept.length === list.length) return 'absent';
      await save(kept);
      return 'removed';
    });
  }

  private async locked(
    teamId: string | undefined,
    userId: string,
    change: (list: Watch[], save: (list: Watch[]) => Promise<void>) => Promise<WatchChange>,
  ): Promise<WatchChange> {
    const key = keyOf(teamId, userId);
    const lock = `lock:watches:${key}`;
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await this.locks.claim(lock, LOCK_MS)) {
        try {
          return await change(await this.list(teamId, userId), (list) => this.repo.set(key, list));
        } finally {
          await this.locks.release(lock);
        }
      }
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    }
    throw new Error('the watch list stayed locked for seconds');
  }
}
