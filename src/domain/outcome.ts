/** What running a report query can come to, besides an error: the report, or why there is none. */
import type { NamedQuery } from './query';
import type { Report } from './report';
import type { WindowProblem } from './window';

/** A skill or agent group, by id and name. */
export interface Named {
  id: string;
  name: string;
}

export type ReportOutcome =
  | { kind: 'report'; report: Report }
  /**
   * The name matched nothing; `suggestions` are near misses (never picked automatically). `query`
   * is the one asked (a skill report, its agents or its trend), so a pick re-runs that very question.
   */
  | { kind: 'not-found'; query: NamedQuery; suggestions: Named[] }
  /** The name fits several equally well: the asker picks. */
  | { kind: 'ambiguous'; query: NamedQuery; candidates: Named[] }
  /** The window cannot be answered right now (e.g. `since 20:00 today` at 16:00). */
  | { kind: 'window'; problem: WindowProblem };
