/**
 * Account Configuration (domain accountConfigReadOnly): skills and agent groups as v2 lists. Ids
 * are JSON numbers there, as in LivePerson (KMM uses strings). Deleted entries are left out unless
 * the read asks for them with include_deleted=true, as LivePerson's Account Config reads do; then
 * they come with deleted: true. The revision is a hash of the full list, so it changes only with
 * the content.
 */
import { createHash } from 'node:crypto';
import type { ContactCenter } from './contact-center';

export type ConfigKind = 'skills' | 'agentGroups';

export type RevisionHeader = 'documented' | 'ac-revision' | 'etag' | 'none';

/** The revision as headers of an answer about `kind`. */
export function revisionHeaders(
  kind: ConfigKind,
  revision: string,
  mode: RevisionHeader,
): Record<string, string> {
  const name = mode === 'documented' ? (kind === 'skills' ? 'ac-revision' : 'etag') : mode;
  if (name === 'none') return {};
  // An ETag is a quoted entity tag; ac-revision is the bare number.
  return name === 'etag' ? { ETag: `"${revision}"` } : { 'ac-revision': revision };
}

const UPDATED = '2020-03-02 09:15:00';

/** The full (unselected) list for a kind. */
export function configItems(center: ContactCenter, kind: ConfigKind): Record<string, unknown>[] {
  if (kind === 'skills') {
    return center.skills.map((s, order) => ({
      id: Number(s.id),
      name: s.name,
      description: s.deleted ? 'Retired' : `${s.name} conversations`,
      deleted: s.deleted,
      maxWaitTime: Math.round(s.slaMs / 1000),
      skillOrder: order + 1,
      canTransfer: true,
      skillTransferList: [],
      dateUpdated: UPDATED,
    }));
  }
  return center.agentGroups.map((g) => {
    const item: Record<string, unknown> = {
      id: Number(g.id),
      name: g.name,
      description: g.deleted ? 'Disbanded' : '',
      deleted: g.deleted,
      isEnabled: !g.deleted,
      dateUpdated: UPDATED,
    };
    if (g.parentGroupId !== undefined) item.parentGroupId = Number(g.parentGroupId);
    return item;
  });
}

/** The entries a read shows: live ones, or every one with `include_deleted=true`. */
export function visibleItems(
  items: Record<string, unknown>[],
  includeDeleted: string | undefined,
): Record<string, unknown>[] {
  return includeDeleted?.trim().toLowerCase() === 'true' ? items : items.filter((i) => i.deleted !== true);
}

/** The ac-revision header value for a list. */
export function configRevision(items: unknown[]): string {
  const digest = createHash('sha1').update(JSON.stringify(items)).digest();
  return String(1 + (digest.readUInt32BE(0) % 100_000));
}

/** Applies `select=id,name,deleted`: only the named fields; absent or `$all` keeps everything. */
export function selectFields(
  items: Record<string, unknown>[],
  select: string | null,
): Record<string, unknown>[] {
  if (!select || select.trim() === '' || select.trim() === '$all') return items;
  const fields = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.map((item) => Object.fromEntries(fields.filter((k) => k in item).map((k) => [k, item[k]])));
}
