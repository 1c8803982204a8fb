/**
 * Skill and group names of a digest, as typed, to the ids the scheduler keeps: each name through
 * the directory's matching (id, exact, prefix, substring). A typo or a name that fits several is
 * never guessed: it comes back as a problem with suggestions, for the form or the one-liner.
 */
import { MAX_DIGEST_TARGETS, type DigestScope, type DigestTarget } from '../../domain/digest';
import type { DigestScopeSpec } from '../../domain/digest-command';
import type { Directory, LookupOptions } from '../../liveperson/directory';

/** Why the names could not become a scope. */
export type ScopeProblem =
  | { kind: 'not-found'; of: 'skill' | 'group'; name: string; suggestions: string[] }
  | { kind: 'ambiguous'; of: 'skill' | 'group'; name: string; candidates: string[] }
  /** LivePerson did not answer in time (or failed) while the names were checked. */
  | { kind: 'lookup-failed' };

export type ScopeResolution = { ok: true; scope: DigestScope } | { ok: false; problem: ScopeProblem };

/** Resolves every name; the first that does not resolve is the problem reported. */
export async function resolveScope(
  spec: DigestScopeSpec,
  directory: Pick<Directory, 'findSkill' | 'findGroup'>,
  opts: LookupOptions = {},
): Promise<ScopeResolution> {
  if (spec.kind === 'account') return { ok: true, scope: { kind: 'account' } };
  const of = spec.kind === 'skills' ? 'skill' : 'group';
  let matches;
  try {
    matches = await Promise.all(
      spec.names.map((name) =>
        of === 'skill' ? directory.findSkill(name, opts) : directory.findGroup(name, opts),
      ),
    );
  } catch {
    return { ok: false, problem: { kind: 'lookup-failed' } };
  }
  const items: DigestTarget[] = [];
  for (const [i, m] of matches.entries()) {
    const name = spec.names[i]!;
    if (m.kind === 'ambiguous')
      return {
        ok: false,
        problem: { kind: 'ambiguous', of, name, candidates: m.candidates.map((c) => c.name) },
      };
    if (m.kind === 'not-found')
      return {
        ok: false,
        problem: { kind: 'not-found', of, name, suggestions: m.suggestions.map((c) => c.name) },
      };
    // "billing" and "Billing" are one skill.
    if (!items.some((t) => t.id === m.item.id)) items.push({ id: m.item.id, name: m.item.name });
  }
  return { ok: true, scope: { kind: spec.kind, items: items.slice(0, MAX_DIGEST_TARGETS) } };
}
