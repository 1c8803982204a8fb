/**
 * Opening the digest form, new or prefilled. views.open goes out first, before any other I/O
 * (the trigger_id lives 3 seconds): a new form opens with DEFAULT_TIMEZONE and is updated to the
 * asker's zone once users.info answers; an edit opens "Loading…" and becomes the filled-in form
 * (or a refusal) once the digest and the asker's rights are known.
 */
import type { QueueContext } from '../context';
import type { ListenerDeps } from '../listeners/deps';
import {
  digestInputOf,
  newDigestInput,
  renderDigestLoadingModal,
  renderDigestMessageModal,
  renderDigestModal,
} from '../views/digest-modal';
import { digestNotFoundText, digestRefusalText, renderModalFailed } from '../views/digest-notes';
import { digestAccess } from './managed-digest';

/** Channels a conversations_select limited to public and private channels can preselect. */
const CHANNEL = /^[CG][A-Z0-9]{2,20}$/;

/** The add form, over the current channel. */
export async function openNewDigestForm(
  triggerId: string | undefined,
  ctx: QueueContext,
  deps: ListenerDeps,
): Promise<void> {
  if (!triggerId) return void (await ctx.conversation.note(renderModalFailed()));
  const shown = deps.defaultTimezone;
  const channelId = ctx.channelId && CHANNEL.test(ctx.channelId) ? ctx.channelId : undefined;
  const view = (zone: string) =>
    renderDigestModal(
      newDigestInput({
        zone,
        ...(channelId ? { channelId } : {}),
        ...(ctx.channelId ? { origin: ctx.channelId } : {}),
      }),
    );
  const opening = deps.modals.open(triggerId, view(shown));
  const [opened, zone] = await Promise.all([opening, ctx.timezone()]);
  if (!opened.ok) {
    ctx.log.warn('views.open failed for the digest form', { detail: opened.detail });
    await ctx.conversation.note(renderModalFailed());
    return;
  }
  if (zone === shown) return;
  // Input state survives an update with the same block ids: whatever was chosen meanwhile stays.
  const updated = await deps.modals.update(opened.viewId, view(zone), opened.hash);
  if (!updated.ok)
    ctx.log.info('could not preselect the asker’s timezone in the form', { detail: updated.detail });
}

/** The edit form of digest `id`, or why it cannot be edited by this user. */
export async function openEditDigestForm(
  triggerId: string | undefined,
  id: string,
  ctx: QueueContext,
  deps: ListenerDeps,
): Promise<void> {
  const digests = deps.digests;
  if (!triggerId) return void (await ctx.conversation.note(renderModalFailed()));
  const opening = deps.modals.open(triggerId, renderDigestLoadingModal());
  const [opened, digest] = await Promise.all([opening, digests.get(id)]);
  if (!opened.ok) {
    ctx.log.warn('views.open failed for the digest form', { detail: opened.detail });
    await ctx.conversation.note(renderModalFailed());
    return;
  }
  const access = await digestAccess(digest, 'edit', ctx, deps);
  const view =
    access.kind === 'allowed'
      ? renderDigestModal(digestInputOf(access.digest, ctx.channelId))
      : renderDigestMessageModal(
          access.kind === 'not-found' ? digestNotFoundText(id) : digestRefusalText(access.digest),
        );
  const updated = await deps.modals.update(opened.viewId, view, opened.hash);
  if (!updated.ok) ctx.log.warn('views.update failed for the digest form', { detail: updated.detail });
}
