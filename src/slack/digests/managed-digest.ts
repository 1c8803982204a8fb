/**
 * The digest a click or a command wants to change, when it may: one of this workspace's, and the
 * asker has a right to it (see permissions). Otherwise the asker is told why (no such digest, or
 * the polite refusal) and nothing comes back. The list's buttons and the by-id commands alike.
 */
import type { Digest } from '../../domain/digest';
import type { DigestOp } from '../action-ref';
import type { QueueContext } from '../context';
import type { ListenerDeps } from '../listeners/deps';
import { renderDigestNotFound, renderDigestRefused } from '../views/digest-notes';
import { manageRight, type ManageRight } from './permissions';

/** `op` is what the asker wanted done: the log line of a refusal says it. */
export async function managedDigest(
  id: string,
  op: DigestOp,
  ctx: QueueContext,
  deps: Pick<ListenerDeps, 'digests' | 'digestAdmins' | 'workspaceAdmins'>,
): Promise<{ digest: Digest; right: ManageRight } | undefined> {
  const digest = await deps.digests.get(id);
  if (!digest || (ctx.teamId !== undefined && digest.teamId !== ctx.teamId)) {
    await ctx.conversation.note(renderDigestNotFound(id));
    return undefined;
  }
  const right = ctx.userId
    ? await manageRight(digest, { teamId: ctx.teamId, userId: ctx.userId }, deps)
    : undefined;
  if (!right) {
    ctx.log.info('digest change refused', { digest: digest.id, op });
    await ctx.conversation.note(renderDigestRefused(digest));
    return undefined;
  }
  return { digest, right };
}
