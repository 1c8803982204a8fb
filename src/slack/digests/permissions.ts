/**
 * Who may change a digest (edit, pause, resume, run now, delete): its creator, the users named in
 * DIGEST_ADMINS, and the workspace's admins and owners. Anyone in the channel may list them. The
 * rule is pure; only the workspace-admin part asks Slack, and only when the others did not decide.
 */
import type { Digest } from '../../domain/digest';
import type { WorkspaceAdmins } from '../workspace-admins';

/** Why someone may change a digest. */
export type ManageRight = 'creator' | 'digest-admin' | 'workspace-admin';

export interface DigestManagers {
  /** DIGEST_ADMINS. */
  digestAdmins: ReadonlySet<string>;
  workspaceAdmins: WorkspaceAdmins;
}

/** The right that needs no lookup (creator, DIGEST_ADMINS); undefined when the lookup must decide. */
export function directRight(
  digest: Pick<Digest, 'createdBy' | 'teamId'>,
  user: { teamId: string | undefined; userId: string },
  digestAdmins: ReadonlySet<string>,
): ManageRight | undefined {
  // A digest of another workspace is nobody's here, whatever the ids.
  if (user.teamId !== undefined && user.teamId !== digest.teamId) return undefined;
  if (digest.createdBy === user.userId) return 'creator';
  if (digestAdmins.has(user.userId)) return 'digest-admin';
  return undefined;
}

/** The user's right to change the digest, or undefined: then they get a polite refusal. */
export async function manageRight(
  digest: Pick<Digest, 'createdBy' | 'teamId'>,
  user: { teamId: string | undefined; userId: string },
  managers: DigestManagers,
): Promise<ManageRight | undefined> {
  const direct = directRight(digest, user, managers.digestAdmins);
  if (direct) return direct;
  if (user.teamId !== undefined && user.teamId !== digest.teamId) return undefined;
  return (await managers.workspaceAdmins.isAdmin(user.userId)) ? 'workspace-admin' : undefined;
}
