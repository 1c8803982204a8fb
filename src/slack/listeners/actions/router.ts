/**
 * Every button, through one table: the action_id's kind picks the handler, the value is decoded and
 * validated first. Each click is acked at once; a button whose state does not decode (an older
 * message, a tampered value, an expired key) gets a friendly note, never an error.
 */
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import {
  ACTION_ID_PATTERN,
  decodeActionValue,
  kindOfActionId,
  type ActionKind,
  type ActionRef,
} from '../../action-ref';
import { createHash } from 'node:crypto';
import { answerQuery } from '../../answer';
import { isRecord } from '../../../shared/guards';
import type { Click, Handler } from './handler';
import { handleOpen, handleRun } from './run';
import { handleShare } from './share';
import { handleHome, handleUnwatch, handleWatch } from './watch';
import { handleDigest, handleDigestAdd } from './digest';
import { queueContextOf, type QueueContext } from '../../context';
import { renderFetching, renderProblem } from '../../views';
import type { ListenerDeps } from '../deps';

/** "Did you mean …?": the picked skill or group, by id (no name matching again). */
export const handlePick: Handler<'pick'> = async (ref, ctx, deps) => {
  // The placeholder is a courtesy: if it cannot be shown in place, the answer still finds a way.
  await ctx.conversation.replace(renderFetching(ref.query), { fallback: false });
  await answerQuery(ctx, deps, ref.query, { id: ref.id });
};

/** Previous / Next: the same ranking, another page, edited in place (a public one stays public). */
export const handlePage: Handler<'page'> = (ref, ctx, deps) =>
  answerQuery(ctx, deps, ref.query, {
    page: ref.page,
    inPlace: true,
    ...(ref.id ? { id: ref.id } : {}),
    ...(ref.zone ? { timezone: ref.zone } : {}),
  });

/** The one table from action kind to handler. */
export const ACTION_HANDLERS: { [K in ActionKind]: Handler<K> } = {
  pick: handlePick,
  page: handlePage,
  run: handleRun,
  open: handleOpen,
  share: handleShare,
  watch: handleWatch,
  unwatch: handleUnwatch,
  home: handleHome,
  digest: handleDigest,
  'digest-add': handleDigestAdd,
};

function dispatch(ref: ActionRef, ctx: QueueContext, deps: ListenerDeps, click: Click): Promise<void> {
  // The table is typed per kind; TypeScript cannot narrow a lookup by a union key, so the one
  // handler for ref.kind is called through a widened signature.
  const handler = ACTION_HANDLERS[ref.kind] as (
    r: ActionRef,
    c: QueueContext,
    d: ListenerDeps,
    k: Click,
  ) => Promise<void>;
  return handler(ref, ctx, deps, click);
}

/** A click on the Home tab: no channel and no response_url come with it. */
function isHomeClick(ctx: QueueContext): boolean {
  return !ctx.conversation.target.channelId && !ctx.conversation.target.responseUrl;
}

/**
 * A second identical click is dropped while the first is still being answered, for at most this
 * long (a click whose work hangs must not block the button for good).
 */
export const DOUBLE_CLICK_MS = 10_000;
/**
 * And for this long after the first click, however fast its answer came: a double click's second
 * half lands within a second. Past both, the same click again is a lead asking again (Refresh a
 * few seconds later) and runs.
 */
export const CLICK_SETTLE_MS = 1_500;

/** The value a click carries: a button's, or the chosen option's of a menu. */
function valueOf(action: Record<string, unknown>): { value: unknown; optionText?: string } {
  const chosen = isRecord(action.selected_option) ? action.selected_option : undefined;
  if (!chosen) return { value: action.value };
  const text = isRecord(chosen.text) && typeof chosen.text.text === 'string' ? chosen.text.text : undefined;
  return { value: chosen.value, ...(text ? { optionText: text } : {}) };
}

/** Buttons of the bot's first version (before action refs): they get the stale-button note. */
const LEGACY_ACTION_ID = /^(?:page_(?:prev|next)|pick_(?:skill|group)_\d+)$/;

/** Handles one click on any of the bot's buttons. */
export async function routeAction(
  args: Pick<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, 'action' | 'ack' | 'context'> & {
    body?: unknown;
  },
  deps: ListenerDeps,
): Promise<void> {
  await args.ack();
  const triggerId =
    isRecord(args.body) && typeof args.body.trigger_id === 'string' ? args.body.trigger_id : undefined;
  const ctx = queueContextOf(args.context);
  const action = args.action as unknown as Record<string, unknown>;
  const actionId = typeof action.action_id === 'string' ? action.action_id : '';
  const kind = kindOfActionId(actionId);
  const { value, optionText } = valueOf(action);
  let ref: ActionRef | undefined;
  try {
    ref = kind ? await decodeActionValue(value, deps.actionState) : undefined;
  } catch (err) {
    ctx.log.error('could not read button state from the store', { actionId, error: (err as Error).message });
    await ctx.conversation.note(renderProblem({ kind: 'internal' }));
    return;
  }
  if (!ref || ref.kind !== kind) {
    ctx.log.info('stale or unknown button value', { actionId });
    // A Home tab click has no conversation to answer in: Home is published again, current.
    if (isHomeClick(ctx))
      await ACTION_HANDLERS.home({ kind: 'home' }, ctx, deps, { actionId, fingerprint: '' });
    else await ctx.conversation.note(renderProblem({ kind: 'stale-action' }));
    return;
  }
  // Slack sends each click, however fast they come: the same button of the same message twice
  // within seconds is one intent, on whichever instance it lands.
  const { messageTs } = ctx.conversation.target;
  const fingerprint = createHash('sha256')
    .update(`${messageTs ?? '-'}|${actionId}|${typeof value === 'string' ? value : ''}`)
    .digest('base64url');
  const click = `click:${ctx.teamId ?? '-'}:${ctx.userId ?? '-'}:${fingerprint}`;
  const claimedAt = Date.now();
  let owned = false;
  try {
    owned = await deps.claims.claim(click, DOUBLE_CLICK_MS);
    if (!owned) {
      ctx.log.info('double click dropped', { actionId });
      return;
    }
  } catch (err) {
    // A store that cannot answer must not cost the click: at worst a double click runs twice.
    ctx.log.warn('could not check for a double click', { error: (err as Error).message });
  }
  ctx.log.info('button', { actionId, kind });
  try {
    await deps.inFlight.run(() =>
      dispatch(ref, ctx, deps, {
        actionId,
        fingerprint,
        ...(optionText ? { optionText } : {}),
        ...(triggerId ? { triggerId } : {}),
      }),
    );
  } finally {
    // Only a claim this click won is ended: the store knows claims by key, and another click's
    // claim on the same key (after this one's failed, or expired) is not this click's to end.
    if (owned) await settleClick(click, claimedAt, ctx, deps);
  }
}

/**
 * How close to its expiry a claim is left alone: past it, the claim may have lapsed and the same
 * click again taken the key, and ending "ours" would end that one.
 */
const SETTLE_MARGIN_MS = 1_000;

/** The answer is out: the claim lives on only to the end of the settle window. */
async function settleClick(click: string, claimedAt: number, ctx: QueueContext, deps: ListenerDeps) {
  const elapsed = Date.now() - claimedAt;
  if (elapsed >= DOUBLE_CLICK_MS - SETTLE_MARGIN_MS) return;
  const left = CLICK_SETTLE_MS - elapsed;
  try {
    if (left > 0) await deps.claims.renew(click, left);
    else await deps.claims.release(click);
  } catch (err) {
    // Other instances then drop the same click until DOUBLE_CLICK_MS; this one ends the claim
    // before its next claim of the key (the store retries a release that failed).
    ctx.log.warn('could not end a click', { error: (err as Error).message });
  }
}

/** Binds every action id of the bot to the router. */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(ACTION_ID_PATTERN, (args) => routeAction(args, deps));
  app.action<BlockAction>(LEGACY_ACTION_ID, (args) => routeAction(args, deps));
}
