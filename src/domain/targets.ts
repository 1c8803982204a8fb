/**
 * Service targets for the account and per skill: the account's thresholds, with a skill's own
 * limits laid over them where a lead set some (VIP answers in 30 s, returns in 3 min). Pure data;
 * the targets file is read and checked at the edge (reports/targets-file.ts).
 */
import type { MetricId } from './metrics';
import { DEFAULT_THRESHOLDS, type Threshold, type Thresholds } from './thresholds';

/** Limits a skill overrides; the rest come from the account's. */
export type SkillTargets = Partial<Record<MetricId, Threshold>>;

export interface Targets {
  account: Thresholds;
  /** By skill id, or by skill name in lower case (names are matched case-insensitively). */
  skills: Readonly<Record<string, SkillTargets>>;
}

export const DEFAULT_TARGETS: Targets = { account: DEFAULT_THRESHOLDS, skills: {} };

/** The key a skill name is filed under. */
export function skillNameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}

/** A skill's thresholds: its own limits (by id first, then by name) over the account's. */
export function thresholdsForSkill(targets: Targets, skill: { id: string; name: string | null }): Thresholds {
  // Own keys only: a skill called "constructor" must not find Object.prototype.
  const pick = (key: string) => (Object.hasOwn(targets.skills, key) ? targets.skills[key] : undefined);
  // Limits set by name and by id both apply; the id's win where they overlap.
  const byName = skill.name ? pick(skillNameKey(skill.name)) : undefined;
  const byId = pick(skill.id);
  if (!byName && !byId) return targets.account;
  const own = { ...byName, ...byId };
  return { ...targets.account, byMetric: { ...targets.account.byMetric, ...own } };
}
