/**
 * The digest a click, a command or the Edit form wants to change, when it may: one of this
 * workspace's, and the asker has a right to it (see permissions). A refusal is logged with what
 * was asked. The list's buttons and the by-id commands tell the asker why in a note
 * (`managedDigest`); the Edit form says it in its modal (`digestAccess`).
 */
import type { Digest } from '../../domain/digest';
import type { DigestOp } from '../action-ref';
import type { QueueContext } from '../context';
import type { ListenerDeps } from '../listeners/deps';
import { renderDigestNotFound, renderDigestRefused } from '../views/digest-notes';
import { manageRight, type ManageRight } from './permissions';

type AccessDeps = Pick<ListenerDeps, 'digestAdmins' | 'workspaceAdmins'>;

export type DigestAccess =
  | { kind: 'not-found' }
  | { kind: 'refused'; digest: Digest }
  | { kind: 'allowed'; digest: Digest; right: ManageRight };

/**
 * Whether the asker may do `op` to `digest` (as read for `id`; undefined when there is none).
 * Another workspace's digest is "not found": its existence is not theirs to learn.
 */
export async function digestAccess(
  digest: Digest | undefined,
  op: DigestOp,
  ctx: QueueContext,
  deps: AccessDeps,
): Promise<DigestAccess> {
  if (!digest || (ctx.teamId !== undefined && digest.teamId !== ctx.teamId)) return { kind: 'not-found' };
  const right = ctx.userId
    ? await manageRight(digest, { teamId: ctx.teamId, userId: ctx.userId }, deps)
    : undefined;
  if (right) return { kind: 'allowed', digest, right };
  ctx.log.info('digest change refused', { digest: digest.id, op });
  return { kind: 'refused', digest };
}

/** `op` is what the asker wanted done: the log line of a refusal says it. */
export async function managedDigest(
  id: string,
  op: DigestOp,
  ctx: QueueContext,
  deps: Pick<ListenerDeps, 'digests'> & AccessDeps,
): Promise<{ digest: Digest; right: ManageRight } | undefined> {
  const access = await digestAccess(await deps.digests.get(id), op, ctx, deps);
  if (access.kind === 'allowed') return { digest: access.digest, right: access.right };
  await ctx.conversation.note(
    access.kind === 'not-found' ? renderDigestNotFound(id) : renderDigestRefused(access.digest),
  );
  return undefined;
}
