/** What the report pipeline runs on, shared by its parts (one per kind of report). */
import type { Named } from '../domain/outcome';
import type { Targets } from '../domain/targets';
import type { LivePersonClient } from '../liveperson/client/client';
import type { LoadScale } from '../liveperson/contract/load-scale';
import type { Directory } from '../liveperson/directory';
import type { ResolvedScope } from '../liveperson/planner';
import type { AppLogger } from '../shared/logger';

export interface ReportServiceDeps {
  client: Pick<LivePersonClient, 'metrics' | 'metricsAllPages' | 'historical' | 'agentView'>;
  directory: Directory;
  now: () => number;
  /** e.g. "LivePerson account 13350576" or "LivePerson simulator". */
  source: string;
  /** The account's and each skill's targets (default: DEFAULT_TARGETS). */
  targets?: Targets;
  /** Fetch the closed-conversations trend a skill or group chart draws (off when CHARTS=off). */
  trends?: boolean;
  /** Where a trend that could not be fetched is noted (the report goes out without it). */
  log?: Pick<AppLogger, 'warn'>;
  /** LP_LOAD_SCALE: answers in percent are brought to ratios at the edge, by the mapper. */
  loadScale?: LoadScale;
}

/** A skill or group query's scope as resolved: the ids to filter by and the item named. */
export interface Scoped {
  scope: ResolvedScope;
  item: Named;
}
