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
import { answerQuery } from '../../answer';
import { queueContextOf, type QueueContext } from '../../context';
import { renderFetching, renderProblem } from '../../views';
import type { ListenerDeps } from '../deps';

type Handler<K extends ActionKind> = (
  ref: Extract<ActionRef, { kind: K }>,
  ctx: QueueContext,
  deps: ListenerDeps,
) => Promise<void>;

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
    ...(ref.zone ? { timezone: ref.zone } : {}),
  });

/** The one table from action kind to handler. */
export const ACTION_HANDLERS: { [K in ActionKind]: Handler<K> } = {
  pick: handlePick,
  page: handlePage,
};

function dispatch(ref: ActionRef, ctx: QueueContext, deps: ListenerDeps): Promise<void> {
  switch (ref.kind) {
    case 'pick':
      return ACTION_HANDLERS.pick(ref, ctx, deps);
    case 'page':
      return ACTION_HANDLERS.page(ref, ctx, deps);
  }
}

/** Buttons of the bot's first version (before action refs): they get the stale-button note. */
const LEGACY_ACTION_ID = /^(?:page_(?:prev|next)|pick_(?:skill|group)_\d+)$/;

/** Handles one click on any of the bot's buttons. */
export async function routeAction(
  args: Pick<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, 'action' | 'ack' | 'context'>,
  deps: ListenerDeps,
): Promise<void> {
  await args.ack();
  const ctx = queueContextOf(args.context);
  const action = args.action as { action_id?: unknown; value?: unknown };
  const actionId = typeof action.action_id === 'string' ? action.action_id : '';
  const kind = kindOfActionId(actionId);
  let ref: ActionRef | undefined;
  try {
    ref = kind ? await decodeActionValue(action.value, deps.actionState) : undefined;
  } catch (err) {
    ctx.log.error('could not read button state from the store', { actionId, error: (err as Error).message });
    await ctx.conversation.note(renderProblem({ kind: 'internal' }));
    return;
  }
  if (!ref || ref.kind !== kind) {
    ctx.log.info('stale or unknown button value', { actionId });
    await ctx.conversation.note(renderProblem({ kind: 'stale-action' }));
    return;
  }
  ctx.log.info('button', { actionId, kind });
  await deps.inFlight.run(() => dispatch(ref, ctx, deps));
}

/** Binds every action id of the bot to the router. */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(ACTION_ID_PATTERN, (args) => routeAction(args, deps));
  app.action<BlockAction>(LEGACY_ACTION_ID, (args) => routeAction(args, deps));
}
