/**
 * The per-request context, made once by Bolt global middleware (like probot's Context): who asked,
 * where, a child logger carrying team, user, surface and a request id, the clock, the asker's
 * timezone (looked up lazily, only if a window needs it), the conversation to answer through and
 * the outbox every other message goes out by.
 * Building it does no I/O, so nothing delays the ack.
 */
import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import { isRecord } from '../shared/guards';
import type { AppLogger } from '../shared/logger';
import { Conversation } from './conversation';
import type { Outbox } from './outbox';
import type { TimezoneLookup } from './timezones';

export type Surface = 'command' | 'action' | 'view' | 'event' | 'other';

export interface QueueContext {
  requestId: string;
  surface: Surface;
  teamId: string | undefined;
  userId: string | undefined;
  channelId: string | undefined;
  log: AppLogger;
  /** Epoch ms (the bot's clock; tests and the sandbox move it). */
  now(): number;
  /** The asker's IANA zone; users.info is asked at most once per request, only when called. */
  timezone(): Promise<string>;
  /** Delivery to the asker for this interaction. */
  conversation: Conversation;
  /** Every other send (a channel post, a DM, an update by ts) goes through the shared outbox. */
  outbox: Outbox;
}

export interface ContextDeps {
  log: AppLogger;
  now: () => number;
  timezones: TimezoneLookup;
  outbox: Outbox;
}

const KEY = 'queuePulse';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The identity and reply path of any Bolt payload (command, block_actions, view, event). */
export function describeBody(body: unknown): {
  surface: Surface;
  teamId?: string;
  userId?: string;
  channelId?: string;
  responseUrl?: string;
  messageTs?: string;
  messageEphemeral?: boolean;
} {
  const b = isRecord(body) ? body : {};
  const team = isRecord(b.team) ? str(b.team.id) : str(b.team_id);
  const user = isRecord(b.user) ? str(b.user.id) : str(b.user_id);
  const channel = isRecord(b.channel) ? str(b.channel.id) : str(b.channel_id);
  const event = isRecord(b.event) ? b.event : undefined;
  const container = isRecord(b.container) ? b.container : undefined;
  const message = isRecord(b.message) ? b.message : undefined;
  const surface: Surface = str(b.command)
    ? 'command'
    : b.type === 'block_actions'
      ? 'action'
      : b.type === 'view_submission' || b.type === 'view_closed'
        ? 'view'
        : event
          ? 'event'
          : 'other';
  const out: ReturnType<typeof describeBody> = { surface };
  const teamId = team ?? str(event?.team);
  const userId = user ?? str(event?.user);
  const channelId = channel ?? str(container?.channel_id) ?? (event ? str(event.channel) : undefined);
  const responseUrl = str(b.response_url);
  const messageTs = str(message?.ts) ?? str(container?.message_ts);
  if (teamId) out.teamId = teamId;
  if (userId) out.userId = userId;
  if (channelId) out.channelId = channelId;
  if (responseUrl) out.responseUrl = responseUrl;
  if (messageTs) out.messageTs = messageTs;
  if (container?.is_ephemeral === true) out.messageEphemeral = true;
  return out;
}

/** Builds the QueueContext of a request from its payload. */
export function createQueueContext(body: unknown, deps: ContextDeps): QueueContext {
  const d = describeBody(body);
  // 48 random bits: the first 12 hex digits of a v4 UUID (its version digit comes after them).
  // randomUUID draws from a pool; randomBytes asks the system each time, on every request.
  const uuid = randomUUID();
  const requestId = uuid.slice(0, 8) + uuid.slice(9, 13);
  const log = deps.log.child({
    requestId,
    surface: d.surface,
    ...(d.teamId ? { team: d.teamId } : {}),
    ...(d.userId ? { user: d.userId } : {}),
  });
  let zone: Promise<string> | undefined;
  const userId = d.userId;
  const conversation = new Conversation(
    deps.outbox,
    {
      userId: userId ?? '',
      ...(d.channelId ? { channelId: d.channelId } : {}),
      ...(d.responseUrl ? { responseUrl: d.responseUrl } : {}),
      ...(d.messageTs ? { messageTs: d.messageTs } : {}),
      ...(d.messageEphemeral ? { messageEphemeral: true } : {}),
    },
    log,
  );
  return {
    requestId,
    surface: d.surface,
    teamId: d.teamId,
    userId,
    channelId: d.channelId,
    log,
    now: deps.now,
    timezone: () => (zone ??= userId ? deps.timezones.of(userId) : Promise.resolve(deps.timezones.fallback)),
    conversation,
    outbox: deps.outbox,
  };
}

/** Bolt global middleware: puts the QueueContext on `context`, then lets the listeners run. */
export function contextMiddleware(deps: ContextDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    context[KEY] = createQueueContext(body, deps);
    await next();
  };
}

/** The QueueContext the middleware made (listeners get Bolt's `context`). */
export function queueContextOf(context: Context): QueueContext {
  const ctx = context[KEY] as QueueContext | undefined;
  if (!ctx) throw new Error('QueueContext missing: is contextMiddleware registered?');
  return ctx;
}
