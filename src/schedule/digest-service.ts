/**
 * What the Slack surfaces (the `/queue digest` commands, the modal, the list's buttons) need from
 * the digest scheduler: digests kept in the shared store, changed for every instance at once.
 * Who may change a digest is decided by the caller (see digest-permissions); this is storage and
 * scheduling only.
 */
import type { Digest, DigestDraft } from '../domain/digest';

export interface DigestOwner {
  teamId: string;
  userId: string;
}

export interface DigestService {
  /** Stores a new digest and schedules it; returns it with its id. */
  add(draft: DigestDraft, owner: DigestOwner): Promise<Digest>;
  /** Replaces the draft part of a digest (its id, owner and creation time stay). */
  update(id: string, draft: DigestDraft): Promise<Digest | undefined>;
  /** Pauses or resumes (a resumed digest's missed fires are not posted). */
  setPaused(id: string, paused: boolean): Promise<Digest | undefined>;
  /** True when it existed. */
  remove(id: string): Promise<boolean>;
  get(id: string): Promise<Digest | undefined>;
  /** The digests posting to a channel, by next fire. */
  listForChannel(teamId: string, channelId: string): Promise<Digest[]>;
  /** The digests a user created, by next fire (a DM's `/queue digest list`). */
  listForUser(teamId: string, userId: string): Promise<Digest[]>;
  /** Posts it now, outside its schedule (marked as such); resolves when posted or failed. */
  runNow(id: string): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** When it fires next (epoch ms), for the views; undefined when paused. */
  nextFire(digest: Digest, now: number): number | undefined;
}
