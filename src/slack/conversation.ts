/**
 * Delivery for one interaction (a command, a click): the policy that decides how an answer reaches
 * the asker, over the outbox. A response_url is used while it lives (30 minutes, 5 posts); after
 * that, or when it fails, the Web API carries the message: chat.update of the clicked message when
 * it is a normal one, else a new message (in the channel for a public answer, to the asker only
 * otherwise). Nothing here renders: a message Slack would refuse comes back as `limits`.
 */
import type { AppLogger } from '../shared/logger';
import type { MessageMetadata, Outbox, SendResult } from './outbox';
import type { SlackMessage } from './views/message';

export interface ConversationTarget {
  userId: string;
  channelId?: string;
  responseUrl?: string;
  /** The message the interaction is about (a clicked button's), when Slack sent it. */
  messageTs?: string;
  /** That message is ephemeral: it cannot be edited through the Web API. */
  messageEphemeral?: boolean;
}

/** Slack accepts five posts to one response_url. */
export const RESPONSE_URL_USES = 5;

export class Conversation {
  private uses = 0;
  private expired = false;

  constructor(
    private readonly outbox: Outbox,
    readonly target: ConversationTarget,
    private readonly log: AppLogger,
  ) {}

  /** Whether the response_url can still take a post. */
  private get canRespond(): boolean {
    return Boolean(this.target.responseUrl) && !this.expired && this.uses < RESPONSE_URL_USES;
  }

  private async respond(payload: Parameters<Outbox['respond']>[1]): Promise<SendResult | undefined> {
    if (!this.canRespond) return undefined;
    this.uses += 1;
    const r = await this.outbox.respond(this.target.responseUrl!, payload);
    // Refused for Slack's limits before sending: nothing reached the response_url, no use spent.
    if (!r.ok && r.reason === 'limits') this.uses -= 1;
    if (!r.ok && r.reason === 'expired') this.expired = true;
    if (!r.ok && r.maybeDelivered)
      this.log.warn('response_url did not answer; not sending again, it may have arrived', {
        detail: r.detail,
      });
    else if (!r.ok && r.reason !== 'limits')
      this.log.warn('response_url failed; using the Web API instead', { detail: r.detail });
    return r;
  }

  /**
   * Replaces the message the interaction is about (a placeholder, a clicked message), keeping its
   * visibility; past the response_url, chat.update, else a new note to the asker.
   */
  async replace(message: SlackMessage, opts: { fallback?: boolean } = {}): Promise<SendResult> {
    const { response_type: _kept, ...rest } = message;
    const viaUrl = await this.respond({ ...rest, replace_original: true });
    if (viaUrl && settled(viaUrl)) return viaUrl;
    // A courtesy (a placeholder) is not worth a second message when it cannot go in place.
    if (opts.fallback === false)
      return viaUrl ?? { ok: false, reason: 'expired', detail: 'no response_url left' };
    const { channelId, messageTs, messageEphemeral } = this.target;
    if (channelId && messageTs && !messageEphemeral) {
      const updated = await this.outbox.update(channelId, messageTs, message);
      if (settled(updated)) return updated;
    }
    return this.toAsker(message);
  }

  /**
   * The final answer in place of the placeholder: a public one is posted for the channel (the
   * placeholder deleted first), a private one replaces the placeholder; `inPlace` edits the clicked
   * message whatever its visibility (paging a public ranking keeps it public).
   */
  async answer(message: SlackMessage, opts: { inPlace?: boolean } = {}): Promise<SendResult> {
    if (opts.inPlace) return this.replace(message);
    if (message.response_type !== 'in_channel') {
      const viaUrl = await this.respond({ ...message, response_type: 'ephemeral', replace_original: true });
      if (viaUrl && settled(viaUrl)) return viaUrl;
      return this.toAsker(message);
    }
    // Deleting the placeholder cannot be undone: first make sure Slack will take the answer.
    const prepared = await this.outbox.prepareMessage(message);
    if (!prepared.ok) return prepared;
    message = prepared.message;
    // Delete, then post: replace_original keeps a message's visibility, and after a post through
    // the response_url which message "original" means is not documented (deleting afterwards could
    // delete the answer). The placeholder may be gone already (deleted by the user): no matter.
    // With a single use of the response_url left, the answer gets it and the placeholder stays.
    if (RESPONSE_URL_USES - this.uses >= 2) await this.respond({ delete_original: true });
    let posted = await this.respond({ ...message, response_type: 'in_channel', replace_original: false });
    if ((!posted || !settled(posted)) && this.target.channelId) {
      // A public answer stays public when the bot may post there (it is a member of the channel).
      const r = await this.outbox.post(this.target.channelId, message);
      if (!r.ok && !settled(r))
        this.log.warn('could not post the public answer; answering the asker only', { detail: r.detail });
      posted = r;
    }
    if (!posted || !settled(posted)) return this.toAsker(message);
    return posted;
  }

  /**
   * A new message for everyone in the conversation (a shared report), beside the clicked one: a
   * channel post when the bot is in the channel, else through the response_url (which posts
   * wherever the interaction happened). `via` says which: after a post through the response_url,
   * which message "original" means is not documented, so the caller must not replace it then.
   */
  async postPublic(
    message: SlackMessage,
    metadata?: MessageMetadata,
  ): Promise<SendResult & { via?: 'channel' | 'response_url' }> {
    const channel = this.target.channelId;
    if (channel) {
      // Slack's ts is Slack's clock: a minute's slack for the skew.
      const oldest = Math.floor(Date.now() / 1000) - 60;
      let r = await this.outbox.post(channel, message, metadata);
      if (!r.ok && r.maybeDelivered && metadata) {
        // The post may be in the channel: look for its mark, post again only when it is not there.
        const found = await this.outbox.findPosted(channel, oldest, (m) => sameMark(m, metadata));
        if (found.ok && found.ts) r = { ok: true, channel, ts: found.ts };
        else if (found.ok) r = await this.outbox.post(channel, message, metadata);
      }
      if (r.ok) return { ...r, via: 'channel' };
      if (r.reason === 'limits' || r.maybeDelivered) return r;
    }
    const viaUrl = await this.respond({ ...message, response_type: 'in_channel', replace_original: false });
    if (!viaUrl) return { ok: false, reason: 'expired', detail: 'no response_url left' };
    return viaUrl.ok ? { ...viaUrl, via: 'response_url' } : viaUrl;
  }

  /** A new message only the asker sees (a note beside the clicked message, not in place of it). */
  async note(message: SlackMessage): Promise<SendResult> {
    const viaUrl = await this.respond({ ...message, response_type: 'ephemeral', replace_original: false });
    if (viaUrl && settled(viaUrl)) return viaUrl;
    return this.toAsker(message);
  }

  private async toAsker(message: SlackMessage): Promise<SendResult> {
    const { channelId, userId } = this.target;
    if (!channelId) {
      this.log.error('answer lost: no response_url left and no channel to post to');
      return { ok: false, reason: 'failed', detail: 'no channel' };
    }
    const r = await this.outbox.ephemeral(channelId, userId, message);
    if (!r.ok && r.reason !== 'limits')
      this.log.error('answer lost: chat.postEphemeral failed too', { detail: r.detail });
    return r;
  }
}

function sameMark(a: MessageMetadata, b: MessageMetadata): boolean {
  return a.event_type === b.event_type && JSON.stringify(a.event_payload) === JSON.stringify(b.event_payload);
}

/**
 * Whether a send ends the attempt: it arrived, or trying another way cannot help (Slack's limits
 * refuse the message everywhere) or could show it twice (no answer came: it may have arrived). A
 * 5xx is tried another way: these callers cannot look for the message, and a lost answer is worse
 * than a rare second copy.
 */
function settled(r: SendResult | undefined): boolean {
  return (
    r !== undefined &&
    (r.ok || r.reason === 'limits' || (r.maybeDelivered === true && r.serverError !== true))
  );
}
