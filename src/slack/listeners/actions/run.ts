/**
 * A button that runs a query (a drill-down, another window, refresh, the overview's menu): the
 * clicked message is replaced by the answer when only the clicker sees it; a shared report is
 * edited in place only by a refresh or a window of its own (everyone sees the same thing), and a
 * private drill-down from it goes to the clicker alone, beside it.
 */
import type { QueryOptions, ReportQuery } from '../../../domain/query';
import { answerQuery, type AnswerOptions } from '../../answer';
import type { QueueContext } from '../../context';
import { renderFetching } from '../../views';
import type { ListenerDeps } from '../deps';
import type { Handler } from './handler';

async function runFromClick(
  ctx: QueueContext,
  deps: ListenerDeps,
  query: ReportQuery,
  opts: Omit<AnswerOptions, 'inPlace' | 'beside'>,
): Promise<void> {
  if (ctx.conversation.target.messageEphemeral === true) {
    // A private answer: the placeholder, then the answer, in place. The placeholder is a courtesy:
    // when it cannot be shown in place the answer still finds its way.
    await ctx.conversation.replace(renderFetching(query), { fallback: false });
    return answerQuery(ctx, deps, query, opts);
  }
  if (query.public) return answerQuery(ctx, deps, query, { ...opts, inPlace: true });
  return answerQuery(ctx, deps, query, { ...opts, beside: true });
}

/** Drill-down, back, refresh, window: the query in the button. */
export const handleRun: Handler<'run'> = (ref, ctx, deps) =>
  runFromClick(ctx, deps, ref.query, {
    ...(ref.id ? { id: ref.id } : {}),
    ...(ref.fresh ? { fresh: true } : {}),
    ...(ref.zone ? { timezone: ref.zone } : {}),
    ...(ref.page ? { page: ref.page } : {}),
    ...(ref.sharedBy ? { render: { sharedBy: ref.sharedBy } } : {}),
  });

/** The overview's menu: the chosen skill or group, by id, over the overview's window. */
export const handleOpen: Handler<'open'> = (ref, ctx, deps, click) => {
  const options: QueryOptions = ref.query;
  // The id decides; the option's text is the name to fall back on if the id is gone since.
  // Slack sends plain_text back with its three entities decoded or not, depending on the client.
  const text = (click.optionText ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const name = text.trim().slice(0, 500) || ref.scope.id;
  return runFromClick(ctx, deps, { kind: ref.scope.of, name, ...options }, { id: ref.scope.id });
};
