/**
 * Posts one occurrence of a digest: builds its content, posts it marked with the occurrence (Slack
 * message metadata), and says what became of it. A channel the bot lost pauses the digest and tells
 * its owner by DM; anything else that failed is left for the next tick to try again.
 */
import type { Digest, Occurrence } from '../domain/digest';
import type { AppLogger } from '../shared/logger';
import type { MessageMetadata, Outbox } from '../slack/outbox';
import { renderDigestPaused } from '../slack/views/digest-paused';
import type { SlackMessage } from '../slack/views/message';
import type { DigestStore } from './digest-store';

/** The message a digest posts for the shift ending at `fireAt`. Never throws for LivePerson trouble. */
export type DigestContent = (
  digest: Digest,
  fireAt: number,
  marks: { late?: boolean; manual?: boolean },
) => Promise<SlackMessage>;

export type DeliverResult =
  | { kind: 'posted'; ts?: string }
  /** The channel is gone or the bot is out of it: the digest is paused, its owner told. */
  | { kind: 'channel-lost' }
  /** Not posted; a later try may work. */
  | { kind: 'retry'; detail: string }
  /** Not posted: the claim lapsed while the content was built, and another instance has it now. */
  | { kind: 'claim-lost' };

export const DIGEST_EVENT = 'queue_pulse_digest';

/** The metadata a digest's post carries: which digest, which occurrence. */
export function digestMetadata(o: Occurrence): MessageMetadata {
  return { event_type: DIGEST_EVENT, event_payload: { digest: o.digestId, occurrence: o.key } };
}

export function isDigestPost(m: MessageMetadata, o: Occurrence): boolean {
  return (
    m.event_type === DIGEST_EVENT &&
    m.event_payload.digest === o.digestId &&
    m.event_payload.occurrence === o.key
  );
}

const LOST: readonly string[] = ['not_in_channel', 'channel_not_found', 'is_archived'];

export interface RunnerDeps {
  outbox: Pick<Outbox, 'post' | 'dm' | 'findPosted'>;
  content: DigestContent;
  digests: Pick<DigestStore, 'get' | 'put'>;
  log: AppLogger;
  now: () => number;
}

export class DigestRunner {
  constructor(private readonly deps: RunnerDeps) {}

  /**
   * The ts of this occurrence's post if it is in the channel already (posted before a crash);
   * undefined when it is not there. Throws when the channel could not be read: "don't know" must
   * not be taken for "not posted".
   */
  async findPosted(digest: Digest, o: Occurrence): Promise<string | undefined> {
    const r = await this.deps.outbox.findPosted(digest.channelId, Math.floor(o.at / 1000) - 60, (m) =>
      isDigestPost(m, o),
    );
    if (!r.ok) throw new Error(`could not look for an earlier post of digest ${digest.id}: ${r.detail}`);
    return r.ts;
  }

  /**
   * `stillOurs` is asked once the content is built, right before the post: building it can take
   * minutes (LivePerson's background retries), longer than a claim's lease.
   */
  async deliver(
    digest: Digest,
    o: Occurrence,
    marks: { late?: boolean; manual?: boolean },
    stillOurs: () => Promise<boolean> = () => Promise.resolve(true),
  ): Promise<DeliverResult> {
    let message: SlackMessage;
    try {
      message = await this.deps.content(digest, o.at, marks);
    } catch (err) {
      return { kind: 'retry', detail: `content: ${(err as Error).message}` };
    }
    if (!(await stillOurs())) return { kind: 'claim-lost' };
    const r = await this.deps.outbox.post(digest.channelId, message, digestMetadata(o));
    if (r.ok) return { kind: 'posted', ...(r.ts ? { ts: r.ts } : {}) };
    if (LOST.includes(r.reason)) {
      await this.pause(digest, r.reason as NonNullable<Digest['pausedReason']>);
      return { kind: 'channel-lost' };
    }
    if (r.maybeDelivered) {
      // Slack may have taken it: look before trying again, so a slow answer is not a second post.
      const ts = await this.findPosted(digest, o).catch(() => undefined);
      if (ts) return { kind: 'posted', ts };
    }
    return { kind: 'retry', detail: r.detail };
  }

  private async pause(digest: Digest, reason: NonNullable<Digest['pausedReason']>): Promise<void> {
    const current = await this.deps.digests.get(digest.id);
    // Removed meanwhile: nothing to pause, and writing it back would bring it back.
    if (!current) return;
    const paused: Digest = { ...current, paused: true, pausedReason: reason, updatedAt: this.deps.now() };
    await this.deps.digests.put(paused);
    this.deps.log.warn('digest paused: its channel was lost', { digest: digest.id, reason });
    const dm = await this.deps.outbox.dm(digest.createdBy, renderDigestPaused(paused));
    if (!dm.ok)
      this.deps.log.warn('could not tell the digest owner', { digest: digest.id, detail: dm.detail });
  }
}
