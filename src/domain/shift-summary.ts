/**
 * A shift summary as data: what a digest posts at its fire time. The account's overview, or each
 * skill's or group's report, every one beside the same shift a week earlier, and the best and
 * worst skills or groups of the shift. Pure: the schedule builds it through the report service,
 * the view renders it.
 */
import type { DigestScope, DigestTarget } from './digest';
import type { GroupReport, OverviewReport, SkillReport } from './report';
import type { Rule, Status } from './thresholds';

/**
 * What best and worst are read by: the shift's average wait. It is what a consumer felt over the
 * whole shift and what each skill's own target rates; volumes (closed) differ by design between
 * skills, and the queue's p90 is a snapshot of now, not of the shift.
 */
export const STANDING_METRIC = 'avgWait' as const;

/** One skill or group as it stood over the shift. */
export interface Standing {
  id: string;
  /** The source's name; null when it had none. */
  name: string | null;
  /** The shift's average wait, in ms. */
  value: number;
  status: Status;
  rule?: Rule;
}

/** The best and worst of the shift, or why there are none. */
export type Standings =
  | { kind: 'ranked'; of: 'skills' | 'groups'; best: Standing; worst: Standing; rated: number }
  /** Fewer than two had a wait to compare (one skill, or a quiet shift). */
  | { kind: 'too-few'; of: 'skills' | 'groups' }
  /** The account's skills could not be fetched; the summary went out without them. */
  | { kind: 'unavailable'; of: 'skills' | 'groups' };

/** A skill or group the digest names, as it came back. */
export type ShiftItem =
  | { kind: 'report'; target: DigestTarget; report: SkillReport | GroupReport }
  /** Deleted in LivePerson since the digest was set up. */
  | { kind: 'gone'; target: DigestTarget }
  /** Its figures could not be fetched in time; the rest of the summary still goes. */
  | { kind: 'unavailable'; target: DigestTarget };

interface SummaryBase {
  digestId: string;
  /** The occurrence's instant: the shift ends here. */
  fireAt: number;
  /** The shift, in instants (inclusive). */
  from: number;
  to: number;
  /** The digest's IANA zone: the shift is shown on its clock. */
  zone: string;
  standings: Standings;
}

export interface AccountShiftSummary extends SummaryBase {
  scope: 'account';
  report: OverviewReport;
}

export interface ItemsShiftSummary extends SummaryBase {
  scope: 'skills' | 'groups';
  /** In the digest's order. */
  items: ShiftItem[];
}

export type ShiftSummary = AccountShiftSummary | ItemsShiftSummary;

/** What a scope's items are called in a ranking. */
export function standingsOf(scope: DigestScope): 'skills' | 'groups' {
  return scope.kind === 'groups' ? 'groups' : 'skills';
}

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The best (shortest average wait) and the worst (longest) of `entries`; only those with a wait
 * count, and it takes two to have a best and a worst. Ties go to the name, then the id, so the
 * same figures always name the same skills.
 */
export function rankStandings(
  of: 'skills' | 'groups',
  entries: readonly (Omit<Standing, 'value'> & { value: number | undefined })[],
): Standings {
  const rated = entries
    .filter((e): e is Standing => e.value !== undefined && Number.isFinite(e.value))
    .sort(
      (a, b) =>
        b.value - a.value ||
        COLLATOR.compare(a.name ?? '', b.name ?? '') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (rated.length < 2) return { kind: 'too-few', of };
  return { kind: 'ranked', of, worst: rated[0]!, best: rated[rated.length - 1]!, rated: rated.length };
}

/** The report a chart and the "Open live view" button stand for: the overview, or the first item found. */
export function mainReportOf(summary: ShiftSummary): OverviewReport | SkillReport | GroupReport | undefined {
  if (summary.scope === 'account') return summary.report;
  for (const item of summary.items) if (item.kind === 'report') return item.report;
  return undefined;
}
