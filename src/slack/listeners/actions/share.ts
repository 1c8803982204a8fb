/**
 * "Share to channel" on a private answer: the same report posted for everyone with "Shared by
 * @user", and the asker's copy saying it was shared. One share per message, however often clicked.
 */
import { Deadline } from '../../../shared/deadline';
import { ANSWER_BUDGET_MS, buildAnswer } from '../../answer';
import { renderReport } from '../../views';
import { sharedNoteBlock } from '../../views/shared';
import {
  renderAlreadyShared,
  renderSharedNote,
  renderShareFailed,
  renderShareUnconfirmed,
} from '../../views/watch-notes';
import { DAY_MS } from '../../../domain/time';
import type { Handler } from './handler';
import type { Report } from '../../../domain/report';

/** The metadata event of a shared report's channel post. */
export const SHARE_EVENT = 'queue_pulse_share';

/** How long a share Slack did not confirm keeps further clicks off (the note says two minutes). */
export const SHARE_UNCONFIRMED_MS = 2 * 60_000;

export const handleShare: Handler<'share'> = async (ref, ctx, deps, click) => {
  const { channelId, messageTs, userId } = ctx.conversation.target;
  // One share per message and report: the same copy re-rendered for another window is another.
  const once = `share:${ctx.teamId ?? '-'}:${channelId ?? '-'}:${messageTs ?? '-'}:${click.fingerprint}`;
  if (!(await deps.claims.claim(once, DAY_MS))) {
    await ctx.conversation.note(renderAlreadyShared());
    return;
  }
  const query = { ...ref.query, public: true };
  const answer = await buildAnswer(
    ctx,
    deps,
    query,
    {
      ...(ref.id ? { id: ref.id } : {}),
      ...(ref.zone ? { timezone: ref.zone } : {}),
      ...(ref.page ? { page: ref.page } : {}),
      render: { sharedBy: userId },
    },
    Deadline.after(deps.answerBudgetMs ?? ANSWER_BUDGET_MS),
  );
  if (!answer.report) {
    // Nothing to share (a problem, a deleted skill): the asker is told; a later click may share.
    await deps.claims.release(once);
    await ctx.conversation.note(answer.message);
    return;
  }
  // Marked, so a post whose answer was lost (a 5xx, a timeout) is found in the channel, not repeated.
  const posted = await ctx.conversation.postPublic(answer.message, {
    event_type: SHARE_EVENT,
    event_payload: { share: once },
  });
  if (!posted.ok && posted.maybeDelivered) {
    // Slack may have posted it and the channel could not be read to tell: another click now could
    // make a second copy, so the claim holds a little longer, and the asker is told to look first.
    await deps.claims.renew(once, SHARE_UNCONFIRMED_MS).catch(() => undefined);
    ctx.log.warn('share not confirmed by Slack', { detail: posted.detail });
    await ctx.conversation.note(renderShareUnconfirmed());
    return;
  }
  if (!posted.ok) {
    await deps.claims.release(once);
    ctx.log.error('could not share the report', { reason: posted.reason, detail: posted.detail });
    await ctx.conversation.note(renderShareFailed());
    return;
  }
  if (posted.via === 'response_url') {
    // Posted through the response_url: "original" may now mean the shared copy, so the asker's
    // copy is left as it is and a note says it was shared.
    await ctx.conversation.note(renderSharedNote());
    return;
  }
  // The same report as the asker's own (private) copy, marked shared: its buttons stay private.
  const own = renderReport({ ...answer.report, query: { ...answer.report.query, public: false } } as Report, {
    ...(answer.chart ? { chart: answer.chart } : {}),
    actions: { shared: true },
  });
  await ctx.conversation.replace({ ...own, blocks: [...own.blocks, sharedNoteBlock()] }, { fallback: false });
};
