/**
 * What each lead watches on App Home: skills and agent groups by id, kept per user in the store
 * (a versioned record, on every instance). Names are kept for the view; the id is what counts.
 */
import { z } from 'zod';
import type { RecordCodec, Repository } from '../../store/store';
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

/** One user's watch list. */
export class Watches {
  constructor(private readonly repo: Repository<Watch[]>) {}

  list(teamId: string | undefined, userId: string): Promise<Watch[]> {
    return this.repo.get(keyOf(teamId, userId)).then((w) => w ?? []);
  }

  async add(teamId: string | undefined, userId: string, watch: Watch): Promise<WatchChange> {
    const list = await this.list(teamId, userId);
    if (list.some((w) => same(w.scope, watch.scope))) return 'already';
    if (list.length >= MAX_WATCHES) return 'full';
    await this.repo.set(keyOf(teamId, userId), [...list, watch]);
    return 'added';
  }

  async remove(teamId: string | undefined, userId: string, scope: ScopeRef): Promise<WatchChange> {
    const list = await this.list(teamId, userId);
    const kept = list.filter((w) => !same(w.scope, scope));
    if (kept.length === list.length) return 'absent';
    await this.repo.set(keyOf(teamId, userId), kept);
    return 'removed';
  }
}
