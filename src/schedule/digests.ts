/**
 * The DigestService over the shared store: digests added, edited, paused and removed here are
 * what every instance's scheduler reads on its next tick; "Run now" posts through the same runner
 * as a scheduled fire, outside the ledger's schedule (marked as run by hand).
 */
import { randomBytes } from 'node:crypto';
import type { Digest, DigestDraft } from '../domain/digest';
import { nextOccurrence } from '../domain/occurrences';
import type { DigestRunner } from './digest-runner';
import type { DigestOwner, DigestService } from './digest-service';
import type { DigestStore } from './digest-store';

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A short id a lead can type (`/queue digest remove k3v9xq`): no 0/o, 1/l to misread. */
export function newDigestId(): string {
  return [...randomBytes(6)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

export interface DigestsDeps {
  store: DigestStore;
  runner: Pick<DigestRunner, 'deliver'>;
  now: () => number;
}

export function createDigestService(deps: DigestsDeps): DigestService {
  const { store, now } = deps;
  const nextFire = (digest: Digest, at: number): number | undefined =>
    digest.paused ? undefined : nextOccurrence(digest.id, digest.schedule, at)?.at;
  const byNextFire = (list: Digest[]): Digest[] => {
    const at = now();
    const key = (d: Digest) => nextFire(d, at) ?? Number.MAX_SAFE_INTEGER;
    return list.sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id));
  };
  const change = async (id: string, edit: (d: Digest) => Digest): Promise<Digest | undefined> => {
    const current = await store.get(id);
    if (!current) return undefined;
    // updatedAt also tells the scheduler which fires the change came after (see Scheduler).
    const next = { ...edit(current), updatedAt: now() };
    await store.put(next);
    return next;
  };
  const draftOf = (draft: DigestDraft): DigestDraft => ({
    channelId: draft.channelId,
    schedule: draft.schedule,
    windowMs: draft.windowMs,
    scope: draft.scope,
    chart: draft.chart,
    ...(draft.audience ? { audience: draft.audience } : {}),
  });

  return {
    async add(draft: DigestDraft, owner: DigestOwner) {
      const at = now();
      const digest: Digest = {
        id: newDigestId(),
        teamId: owner.teamId,
        createdBy: owner.userId,
        createdAt: at,
        updatedAt: at,
        paused: false,
        ...draftOf(draft),
      };
      await store.put(digest);
      return digest;
    },
    update: (id, draft) =>
      change(id, (d) => {
        const { audience: _audience, ...rest } = d;
        return { ...rest, ...draftOf(draft) };
      }),
    setPaused: (id, paused) =>
      change(id, (d) => {
        const { pausedReason: _reason, ...rest } = d;
        return paused ? { ...rest, paused: true, pausedReason: 'user' } : { ...rest, paused: false };
      }),
    remove: (id) => store.remove(id),
    get: (id) => store.get(id),
    async listForChannel(teamId, channelId) {
      return byNextFire((await store.list()).filter((d) => d.teamId === teamId && d.channelId === channelId));
    },
    async listForUser(teamId, userId) {
      return byNextFire((await store.list()).filter((d) => d.teamId === teamId && d.createdBy === userId));
    },
    async runNow(id) {
      const digest = await store.get(id);
      if (!digest) return { ok: false, reason: 'not-found' };
      const at = now();
      const r = await deps.runner.deliver(
        digest,
        { digestId: id, at, key: `manual-${at}` },
        { manual: true },
      );
      if (r.kind === 'posted') return { ok: true };
      // Run now holds no claim, so it cannot lose one; the rest say why nothing was posted.
      return { ok: false, reason: r.kind === 'retry' ? r.detail : r.kind };
    },
    nextFire,
  };
}
