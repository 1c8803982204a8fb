/**
 * A named skill or group resolved to ids: by the id a button carries when it still exists, else
 * by matching the name as typed (the directory's forgiving match). Outcomes keep the query asked.
 */
import type { Named, ReportOutcome } from '../domain/outcome';
import { isNamedQuery, type NamedQuery, type ReportQuery, type ScopeName } from '../domain/query';
import type { LookupOptions } from '../liveperson/directory';
import type { ReportServiceDeps, Scoped } from './service-deps';

export type Resolution = ({ ok: true } & Scoped) | { ok: false; outcome: ReportOutcome };

/** Names equal but for case and surrounding space. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** Resolves the skill or group `named` names, for `query`. */
export async function resolveScope(
  deps: Pick<ReportServiceDeps, 'directory'>,
  named: ScopeName,
  query: ReportQuery,
  id: string | undefined,
  call: LookupOptions,
): Promise<Resolution> {
  const skill = named.kind === 'skill';
  // Outcomes keep the query asked (an agents list or a trend stays one); a breakdown whose
  // skill or group is gone is answered like that skill or group report.
  const asked: NamedQuery = isNamedQuery(query)
    ? query
    : {
        kind: named.kind,
        name: named.name,
        window: query.window,
        public: query.public,
        ...(query.audience ? { audience: query.audience } : {}),
      };
  let item: Named | undefined;
  if (id !== undefined) {
    const name = skill ? await deps.directory.skillName(id, call) : await deps.directory.groupName(id, call);
    // An id from a button whose skill was deleted since: fall back to matching the typed name.
    if (name !== undefined) item = { id, name };
  }
  if (!item) {
    const match = skill
      ? await deps.directory.findSkill(named.name, call)
      : await deps.directory.findGroup(named.name, call);
    // A button's skill that is gone answers as not found unless another carries exactly its name
    // (renamed away and back): a near match would show another skill's figures under its label.
    if (id !== undefined && match.kind === 'found' && !sameName(match.item.name, named.name))
      return { ok: false, outcome: { kind: 'not-found', query: asked, suggestions: [match.item] } };
    if (match.kind === 'ambiguous')
      return { ok: false, outcome: { kind: 'ambiguous', query: asked, candidates: match.candidates } };
    if (match.kind === 'not-found')
      return { ok: false, outcome: { kind: 'not-found', query: asked, suggestions: match.suggestions } };
    item = { id: match.item.id, name: match.item.name };
  }
  const ids = skill ? [item.id] : [item.id, ...(await deps.directory.subGroupIds(item.id, call))];
  return { ok: true, scope: { ids }, item };
}
