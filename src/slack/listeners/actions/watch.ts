/** Watch (a report's ⋯ menu), Unwatch and Refresh (App Home): the list changes, Home is published again. */
import { refreshHome } from '../../home/home-service';
import type { QueueContext } from '../../context';
import { renderWatchNote } from '../../views/watch-notes';
import { renderProblem } from '../../views';
import type { ListenerDeps } from '../deps';
import type { Handler } from './handler';

function republish(ctx: QueueContext, deps: ListenerDeps): Promise<void> {
  if (!ctx.userId) return Promise.resolve();
  return refreshHome(deps.home, {
    teamId: ctx.teamId,
    userId: ctx.userId,
    log: ctx.log,
    timezone: () => ctx.timezone(),
  });
}

export const handleWatch: Handler<'watch'> = async (ref, ctx, deps) => {
  if (!ctx.userId) return;
  let change;
  try {
    change = await deps.home.watches.add(ctx.teamId, ctx.userId, { scope: ref.scope, name: ref.name });
  } catch (err) {
    ctx.log.error('could not add to the watch list', { error: (err as Error).message });
    await ctx.conversation.note(renderProblem({ kind: 'internal' }));
    return;
  }
  await ctx.conversation.note(renderWatchNote(change, ref.name));
  if (change === 'added') await republish(ctx, deps);
};

export const handleUnwatch: Handler<'unwatch'> = async (ref, ctx, deps) => {
  if (!ctx.userId) return;
  try {
    await deps.home.watches.remove(ctx.teamId, ctx.userId, ref.scope);
  } catch (err) {
    // A Home click has nowhere to send a note: Home is published again as it is, and the log says why.
    ctx.log.error('could not remove from the watch list', { error: (err as Error).message });
  }
  await republish(ctx, deps);
};

export const handleHome: Handler<'home'> = (_ref, ctx, deps) => republish(ctx, deps);
