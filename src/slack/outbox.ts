/**
 * Every message the bot sends goes out here, whatever triggered it (a command, a click, a
 * schedule): replace in place through a response_url, post to a channel, an ephemeral note, a DM,
 * an update or a delete by ts.
 *
 * Before anything is sent: button state too big for Slack is sealed into the store (when the store
 * fails, those buttons are left out rather than the message), and the whole
 * message is checked against Slack's limits (a message Slack would refuse is not sent; the caller
 * gets `limits` and can say so instead). Slack's 429 is honoured (Retry-After) and the call made
 * again, which is safe: a rate-limited call was not carried out. Other failures of a post are not
 * retried, because Slack cannot tell us whether the first one arrived (a timeout or a 5xx comes
 * back `maybeDelivered`, for the caller to look in the channel); they come back as outcomes
 * (`not_in_channel`, `channel_not_found`, `is_archived`, …) the caller can act on. Posts to one
 * channel are paced to one a second, as Slack asks.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../shared/logger';
import type { Repository } from '../store/store';
import { dropUnsealed, needsSealing, sealActionValues, type StoredState } from './action-ref';
import { checkMessage, checkView } from './views/limits';
import type { SlackApiObserver } from './observed-client';
import type { SlackMessage } from './views/message';
import { postJson, type PostAnswer, type PostJson } from './response-post';

export type SendFailure =
  | 'not_in_channel'
  | 'channel_not_found'
  | 'is_archived'
  | 'message_not_found'
  /** The response_url expired or was used up. */
  | 'expired'
  /** The message breaks Slack's limits; nothing was sent. */
  | 'limits'
  /** Slack kept rate-limiting after every retry. */
  | 'rate_limited'
  | 'failed';

export type SendResult =
  | { ok: true; channel?: string; ts?: string }
  | {
      ok: false;
      reason: SendFailure;
      detail: string;
      /**
       * The request went out but no answer came back (a timeout, a dropped connection): Slack may
       * have shown it. Sending it another way could show it twice.
       */
      maybeDelivered?: true;
      /**
       * With maybeDelivered: Slack answered 5xx. Slack says part of such a call may have been
       * carried out, but mostly it was not; a caller that cannot look for it (an answer, an
       * update) sends it another way rather than risk losing it.
       */
      serverError?: true;
    };

/** The bot's standing in a channel (see Outbox.channelAccess). */
export type ChannelAccess = 'member' | 'not-in-channel' | 'not-found' | 'unknown';

/** What a response_url takes: a message plus how it treats the original. */
export interface ResponsePayload extends Partial<SlackMessage> {
  replace_original?: boolean;
  delete_original?: boolean;
}

/** Pages of channel history read to find one post: 2,000 messages since the fire time. */
const FIND_POSTED_PAGES = 10;

/** Slack message metadata: an event type and a small payload, kept with the message. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

export interface OutboxDeps {
  /** A Web API client with its own retries off: the outbox decides what is safe to send twice. */
  client: WebClient;
  /** Where button state too big for Slack goes. */
  actionState: Repository<StoredState>;
  log: AppLogger;
  /** Minimum time between two posts to one channel (Slack: about one a second). */
  channelIntervalMs?: number;
  /** How often a rate-limited call is made again before giving up. */
  maxRateLimitRetries?: number;
  /** Longest Retry-After honoured; a longer one gives up at once. */
  maxRetryAfterMs?: number;
  /** Monotonic clock and sleep, injectable for tests. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** HTTP for response_url posts (node:http(s) by default: see response-post.ts). */
  postJson?: PostJson;
  /** Timeout of one response_url post. */
  responseTimeoutMs?: number;
  /** Told of response_url posts and of every call sent again after a 429 (/metrics). */
  observer?: SlackApiObserver;
}

const CHANNEL_ERRORS: readonly SendFailure[] = [
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'message_not_found',
];

interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
}

class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super('rate limited');
  }
}

/** Sends messages for the whole bot; one instance, shared by every request and schedule. */
export class Outbox {
  private readonly nextPostAt = new Map<string, number>();
  private readonly sealed = new WeakMap<readonly KnownBlock[], Promise<KnownBlock[]>>();
  private readonly checked = new WeakMap<
    readonly KnownBlock[],
    { text: string | undefined; violations: ReturnType<typeof checkMessage> }
  >();
  /** Response bodies by blocks array, then by the rest of the payload (see bodyOnce). */
  private readonly bodies = new WeakMap<readonly KnownBlock[], Map<string, Buffer>>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: OutboxDeps) {
    this.clock = deps.clock ?? (() => performance.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Posts to a response_url (replace, delete, or a new message in the conversation). */
  async respond(responseUrl: string, payload: ResponsePayload): Promise<SendResult> {
    const prepared = payload.delete_original ? { ok: true as const, payload } : await this.prepare(payload);
    if (!prepared.ok) return prepared;
    return this.withRateLimit('response_url', async () => {
      const post = this.deps.postJson ?? postJson;
      const observer = this.deps.observer;
      observer?.call('response_url');
      let res: PostAnswer;
      try {
        res = await post(responseUrl, this.bodyOnce(prepared.payload), this.deps.responseTimeoutMs ?? 10_000);
      } catch (err) {
        observer?.error('response_url', 'request_error');
        return {
          ok: false,
          reason: 'failed',
          detail: `response_url: ${errorText(err)}${causeText(err)}`,
          ...(neverSent(err) ? {} : { maybeDelivered: true as const }),
        };
      }
      if (res.status === 429) {
        observer?.error('response_url', 'ratelimited');
        throw new RateLimited(retryAfterMs(res.retryAfter));
      }
      const { text } = res;
      const ok = res.status >= 200 && res.status < 300;
      if (ok && !/"ok"\s*:\s*false/.test(text)) return { ok: true };
      observer?.error('response_url', ok ? 'not_ok' : `http_${res.status}`);
      // An expired or used-up response_url answers 404 (or 200 with ok:false): the caller falls back
      // to the Web API. Any other failure (a 400 for the payload, a 5xx) is not an expiry.
      const expired = ok || res.status === 404 || res.status === 410;
      const reason: SendFailure = expired ? 'expired' : 'failed';
      return { ok: false, reason, detail: `response_url answered HTTP ${res.status} ${text.slice(0, 200)}` };
    });
  }

  /**
   * chat.postMessage to a channel (or a user id, which is their DM with the bot). `metadata` marks
   * what the message is (a digest's occurrence), so it can be found again in the channel.
   */
  async post(channel: string, message: SlackMessage, metadata?: MessageMetadata): Promise<SendResult> {
    const prepared = await this.prepare(message);
    if (!prepared.ok) return prepared;
    await this.pace(channel);
    return this.call('chat.postMessage', () =>
      this.deps.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: prepared.payload.blocks,
        ...(metadata ? { metadata } : {}),
      }),
    );
  }

  /**
   * The ts of a message the bot posted to `channel` since `oldest` (epoch s) whose metadata
   * matches; undefined when there is none. Slack has no idempotency key: this is how a post that
   * may have arrived is found before posting again.
   */
  async findPosted(
    channel: string,
    oldest: number,
    matches: (metadata: MessageMetadata) => boolean,
  ): Promise<{ ok: true; ts?: string } | { ok: false; detail: string }> {
    try {
      // Every page back to `oldest`: in a busy channel the post may not be among the newest 200.
      let cursor: string | undefined;
      for (let page = 0; page < FIND_POSTED_PAGES; page++) {
        const r = await this.deps.client.conversations.history({
          channel,
          oldest: String(oldest),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        const hit = (r.messages ?? []).find(
          (m) => m.metadata !== undefined && matches(m.metadata as unknown as MessageMetadata),
        );
        if (hit?.ts) return { ok: true, ts: hit.ts };
        cursor = r.response_metadata?.next_cursor || undefined;
        if (!r.has_more || !cursor) return { ok: true };
      }
      return {
        ok: false,
        detail: `conversations.history: more than ${FIND_POSTED_PAGES} pages since the fire`,
      };
    } catch (err) {
      return { ok: false, detail: `conversations.history: ${errorText(err)}` };
    }
  }

  /**
   * Whether the bot is in `channel`, asked before a digest is saved there, so the lead hears now
   * rather than when the first post fails. conversations.history (the history scopes the bot holds
   * for findPosted) answers not_in_channel for a public channel the bot is not in, and
   * channel_not_found for a private one it was not invited to. Any other answer, or none, is
   * `unknown`: a saving is never refused on a guess.
   */
  async channelAccess(channel: string): Promise<ChannelAccess> {
    try {
      await this.deps.client.conversations.history({ channel, limit: 1 });
      return 'member';
    } catch (err) {
      const code = (err as SlackErrorShape).data?.error;
      if (code === 'not_in_channel') return 'not-in-channel';
      if (code === 'channel_not_found') return 'not-found';
      // The bot's own DM, a group DM: history there needs scopes the bot does not ask for.
      const level = code === 'missing_scope' ? 'info' : 'warn';
      this.deps.log[level]('could not check whether the bot is in a channel', {
        channel,
        error: code ?? errorText(err),
      });
      return 'unknown';
    }
  }

  /** A direct message to a user (their Messages tab with the bot). */
  dm(userId: string, message: SlackMessage): Promise<SendResult> {
    return this.post(userId, message);
  }

  /** chat.postEphemeral: only `user` sees it, in `channel`. */
  async ephemeral(channel: string, user: string, message: SlackMessage): Promise<SendResult> {
    const prepared = await this.prepare(message);
    if (!prepared.ok) return prepared;
    await this.pace(channel);
    return this.call('chat.postEphemeral', () =>
      this.deps.client.chat
        .postEphemeral({ channel, user, text: message.text, blocks: prepared.payload.blocks })
        .then((r) => ({ channel, ...(r.message_ts ? { ts: r.message_ts } : {}) })),
    );
  }

  /** chat.update of a message the bot posted. */
  async update(channel: string, ts: string, message: SlackMessage): Promise<SendResult> {
    const prepared = await this.prepare(message);
    if (!prepared.ok) return prepared;
    return this.call('chat.update', () =>
      this.deps.client.chat.update({ channel, ts, text: message.text, blocks: prepared.payload.blocks }),
    );
  }

  /** views.publish of a user's Home tab: its button state sealed, Slack's view limits checked. */
  async publishHome(userId: string, view: HomeView): Promise<SendResult> {
    let blocks = view.blocks as KnownBlock[];
    if (needsSealing(blocks)) blocks = await sealActionValues(blocks, this.deps.actionState);
    const sealed: HomeView = { ...view, blocks };
    const violations = checkView(sealed);
    if (violations.length)
      return {
        ok: false,
        reason: 'limits',
        detail: violations.map((v) => `${v.path}: ${v.message}`).join('; '),
      };
    return this.call('views.publish', () =>
      this.deps.client.views.publish({ user_id: userId, view: sealed }).then(() => ({})),
    );
  }

  /** chat.delete of a message the bot posted. */
  delete(channel: string, ts: string): Promise<SendResult> {
    return this.call('chat.delete', () => this.deps.client.chat.delete({ channel, ts }));
  }

  /**
   * The message as it would be sent (button state sealed into the store), or why it cannot be:
   * for a caller that must know before it does something irreversible (deleting a placeholder).
   */
  async prepareMessage(
    message: SlackMessage,
  ): Promise<
    { ok: true; message: SlackMessage } | { ok: false; reason: 'limits' | 'failed'; detail: string }
  > {
    const r = await this.prepare(message);
    return r.ok
      ? { ok: true, message: { ...message, ...(r.payload.blocks ? { blocks: r.payload.blocks } : {}) } }
      : r;
  }

  /** Seals button state into the store, then checks Slack's limits; never sends a refused message. */
  private async prepare<P extends ResponsePayload>(
    payload: P,
  ): Promise<
    | { ok: true; payload: P & { blocks?: KnownBlock[] } }
    | { ok: false; reason: 'limits' | 'failed'; detail: string }
  > {
    let blocks = payload.blocks;
    // A blocks array sealed before (one answer, many askers) is not walked again to find out.
    if (blocks && (this.sealed.has(blocks) || needsSealing(blocks))) {
      try {
        blocks = await this.sealedOnce(blocks);
      } catch (err) {
        // The store is down: the report still goes, without the buttons it could not back.
        this.deps.log.warn('could not store button state; sending the message without those buttons', {
          error: errorText(err),
        });
        blocks = dropUnsealed(blocks);
      }
    }
    const sealed = blocks ? { ...payload, blocks } : payload;
    const violations = this.violationsOnce(sealed.text, sealed.blocks);
    if (violations.length) {
      return {
        ok: false,
        reason: 'limits',
        detail: violations.map((v) => `${v.path}: ${v.message}`).join('; '),
      };
    }
    return { ok: true, payload: sealed };
  }

  /**
   * Blocks sealed once per blocks array: one answer shared by a hundred askers (answer.ts) is
   * sealed once, not copied and hashed a hundred times. Held only while the array lives; a failed
   * sealing is forgotten, so the next send tries the store again.
   */
  private sealedOnce(blocks: readonly KnownBlock[]): Promise<KnownBlock[]> {
    const known = this.sealed.get(blocks);
    if (known) return known;
    const sealing = sealActionValues(blocks, this.deps.actionState);
    this.sealed.set(blocks, sealing);
    sealing.catch(() => this.sealed.delete(blocks));
    return sealing;
  }

  /**
   * A response_url body as bytes, made once per blocks array and way of sending it: one answer
   * shared by a hundred askers (answer.ts) goes out as the same bytes a hundred times. Serializing
   * it for each (the JSON, then its byte length and its UTF-8 copy on the socket) was some 40 KB
   * of garbage a post, in the seconds the acks of a burst need the CPU.
   */
  private bodyOnce(payload: ResponsePayload): Buffer {
    const { blocks, ...rest } = payload;
    if (!blocks) return Buffer.from(JSON.stringify(payload));
    // The rest is small (the fallback text, response_type, replace_original): a key, not a cost.
    const key = JSON.stringify(rest);
    let forBlocks = this.bodies.get(blocks);
    if (!forBlocks) this.bodies.set(blocks, (forBlocks = new Map<string, Buffer>()));
    let body = forBlocks.get(key);
    if (!body) {
      body = Buffer.from(JSON.stringify(payload));
      // A message sent many ways (ephemeral, in_channel, replace or not) has a handful of keys.
      if (forBlocks.size < 8) forBlocks.set(key, body);
    }
    return body;
  }

  /** Slack's limits checked once per blocks array and text (see sealedOnce). */
  private violationsOnce(text: string | undefined, blocks: readonly KnownBlock[] | undefined) {
    if (!blocks) return checkMessage({ text, blocks });
    const known = this.checked.get(blocks);
    if (known && known.text === text) return known.violations;
    const violations = checkMessage({ text, blocks });
    this.checked.set(blocks, { text, violations });
    return violations;
  }

  /** Waits until `channel` may take another message (one a second). */
  private async pace(channel: string): Promise<void> {
    const interval = this.deps.channelIntervalMs ?? 1_000;
    const now = this.clock();
    const at = Math.max(now, this.nextPostAt.get(channel) ?? 0);
    this.nextPostAt.set(channel, at + interval);
    if (this.nextPostAt.size > 10_000) {
      for (const [c, t] of this.nextPostAt) if (t < now) this.nextPostAt.delete(c);
    }
    if (at > now) await this.sleep(at - now);
  }

  /** A Web API call: 429 made again after Retry-After; Slack's error codes as outcomes. */
  private call(method: string, send: () => Promise<{ channel?: string; ts?: string }>): Promise<SendResult> {
    return this.withRateLimit(method, async () => {
      try {
        const r = await send();
        return { ok: true, ...(r.channel ? { channel: r.channel } : {}), ...(r.ts ? { ts: r.ts } : {}) };
      } catch (err) {
        const e = err as SlackErrorShape;
        if (e.code === 'slack_webapi_rate_limited_error') throw new RateLimited((e.retryAfter ?? 1) * 1000);
        const code = e.data?.error;
        if (code && (CHANNEL_ERRORS as readonly string[]).includes(code)) {
          return { ok: false, reason: code as SendFailure, detail: `${method}: ${code}` };
        }
        // No answer at all (a timeout, a reset): the call may have been carried out. A connection
        // that never opened (refused, no such host) carried nothing. A 5xx is Slack's
        // internal_error, of which Slack says part of the operation may have succeeded.
        const serverError = e.code === 'slack_webapi_http_error' && (e.statusCode ?? 0) >= 500;
        const unanswered = (e.code === 'slack_webapi_request_error' && !neverSent(err)) || serverError;
        return {
          ok: false,
          reason: 'failed',
          detail: `${method}: ${code ?? errorText(err)}`,
          ...(unanswered ? { maybeDelivered: true as const } : {}),
          ...(serverError ? { serverError: true as const } : {}),
        };
      }
    });
  }

  private async withRateLimit(what: string, work: () => Promise<SendResult>): Promise<SendResult> {
    const retries = this.deps.maxRateLimitRetries ?? 3;
    const maxWait = this.deps.maxRetryAfterMs ?? 60_000;
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (!(err instanceof RateLimited)) {
          return { ok: false, reason: 'failed', detail: `${what}: ${errorText(err)}` };
        }
        if (attempt >= retries || err.retryAfterMs > maxWait) {
          return {
            ok: false,
            reason: 'rate_limited',
            detail: `${what}: rate limited after ${attempt + 1} tries`,
          };
        }
        this.deps.observer?.retry(what);
        this.deps.log.warn('Slack rate-limited a call; sending again after Retry-After', {
          method: what,
          retryAfterMs: err.retryAfterMs,
        });
        await this.sleep(err.retryAfterMs);
      }
    }
  }
}

/**
 * Errors raised before a request could leave: no connection was made, so nothing can have been
 * posted and sending another way is safe. Anything else without an answer (a timeout, a reset)
 * may have reached Slack.
 */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The error codes along an error's causes (fetch wraps in `cause`, the Web API in `original`). */
function codesOf(err: unknown, depth = 0): string[] {
  if (depth > 4 || typeof err !== 'object' || err === null) return [];
  const e = err as { code?: unknown; cause?: unknown; original?: unknown };
  return [
    ...(typeof e.code === 'string' ? [e.code] : []),
    ...codesOf(e.cause, depth + 1),
    ...codesOf(e.original, depth + 1),
  ];
}

function neverSent(err: unknown): boolean {
  return codesOf(err).some((c) => NOT_CONNECTED.has(c));
}

function causeText(err: unknown): string {
  const codes = codesOf(err).filter((c) => !c.startsWith('slack_'));
  return codes.length ? ` (${codes.join(', ')})` : '';
}

function retryAfterMs(header: string | null): number {
  const s = Number(header);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 1000;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
