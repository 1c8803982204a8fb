/**
 * The digest list's buttons: Pause / Resume, Run now, Edit (the form, prefilled), Delete (Slack
 * asked "Delete this digest?" first), and "Add a digest". Whoever may not change a digest gets a
 * polite refusal; after a change the list is shown again in place.
 */
import { digestListMessage } from '../../digests/digest-list-flow';
import { openEditDigestForm, openNewDigestForm } from '../../digests/digest-form-flow';
import { managedDigest } from '../../digests/managed-digest';
import {
  renderDigestNotFound,
  renderDigestPauseNote,
  renderDigestRan,
  renderDigestRemoved,
} from '../../views/digest-notes';
import type { Handler } from './handler';

export const handleDigest: Handler<'digest'> = async (ref, ctx, deps, click) => {
  const digests = deps.digests;
  // The form first: its trigger_id expires in 3 seconds, the rights are checked while it loads.
  if (ref.op === 'edit') return openEditDigestForm(click.triggerId, ref.id, ctx, deps);
  const managed = await managedDigest(ref.id, ref.op, ctx, deps);
  if (!managed) return;
  const { digest, right } = managed;
  ctx.log.info('digest change', { digest: digest.id, op: ref.op, right });
  switch (ref.op) {
    case 'pause':
    case 'resume': {
      const changed = await digests.setPaused(digest.id, ref.op === 'pause');
      if (!changed) return void (await ctx.conversation.note(renderDigestNotFound(ref.id)));
      await ctx.conversation.replace(await digestListMessage(ctx, digests));
      await ctx.conversation.note(renderDigestPauseNote(changed, digests.nextFire(changed, ctx.now())));
      return;
    }
    case 'run': {
      const result = await digests.runNow(digest.id);
      await ctx.conversation.note(renderDigestRan(digest, result));
      return;
    }
    case 'delete': {
      await digests.remove(digest.id);
      await ctx.conversation.replace(await digestListMessage(ctx, digests));
      await ctx.conversation.note(renderDigestRemoved(digest.id));
      return;
    }
  }
};

export const handleDigestAdd: Handler<'digest-add'> = async (_ref, ctx, deps, click) => {
  await openNewDigestForm(click.triggerId, ctx, deps);
};
