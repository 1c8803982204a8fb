/**
 * Account Configuration (domain `accountConfigReadOnly`): the skills and agent groups that give
 * KMM ids their names. The interface sits here so the directory can be tested against any source.
 */

import type { Deadline } from '../../shared/deadline';

export type ConfigKind = 'skills' | 'agentGroups';

/** One fetch: either "nothing changed since that revision" (304) or the full list. */
export type AccountConfigResult =
  { notModified: true } | { notModified: false; revision: string | undefined; items: unknown[] };

export interface AccountConfigSource {
  /**
   * GET …/configuration/le-users/{kind}?v=2.0&select=id,name,deleted[,parentGroupId]; when `ifMatch`
   * is given it is sent as If-Match and a 304 answer becomes `{ notModified: true }`.
   */
  accountConfig(
    kind: ConfigKind,
    ifMatch?: string,
    opts?: {
      deadline?: Deadline;
      /** 'background' (schedules): LivePerson's 5/10/15 s retry schedule; default interactive. */
      budget?: 'interactive' | 'background';
    },
  ): Promise<AccountConfigResult>;
}
