/**
 * The headline of a report: the few figures that tell a lead whether to act now, with one status
 * for them all. A queue (skill, overview) is read by its waiting conversations against the free
 * human slots, its queue wait against the target, what is overdue and how loaded people are; an
 * agent group has no queue (conversations wait for skills), so it is read by its people. Pure.
 */
import type { KpiMetric, Kpis, RankRow } from './kpis';
import { worstOf, type Status, type Thresholds } from './thresholds';

export interface HeadlineFact {
  metric: KpiMetric;
  value: number;
  status: Status;
  /** The metric's target (its warn limit), when it has one. */
  target?: number;
}

export interface ScopeHeadline {
  kind: 'scope';
  status: Status;
  /** In reading order; empty when LivePerson returned none of them. */
  facts: HeadlineFact[];
  /** The overview: skills whose own queue is past target (account totals can hide them). */
  skillsPastTarget?: number;
}

export interface RankingHeadline {
  kind: 'ranking';
  status: Status;
  /** Rows with a value that a threshold rates. */
  rated: number;
  /** Rows past their target (warn or critical). */
  breaching: number;
  /** The first ranked row with a value: the one needing attention most. */
  worst?: RankRow;
}

export type Headline = ScopeHeadline | RankingHeadline;

/** What a queue's headline reads, in order. */
const QUEUE_FACTS = ['waiting', 'queueWaitP90', 'overdueInQueue', 'freeSlots', 'humanLoad'] as const;
/** An agent group's: its people. */
const GROUP_FACTS = ['agentsOnline', 'freeSlots', 'humanLoad'] as const;

function factOf(kpis: Kpis, metric: KpiMetric, thresholds: Thresholds): HeadlineFact | undefined {
  const kpi = kpis[metric];
  if (kpi.value === undefined) return undefined;
  const target = thresholds.byMetric[metric]?.warn;
  return { metric, value: kpi.value, status: kpi.status, ...(target === undefined ? {} : { target }) };
}

/**
 * The headline of a skill or overview (`queue`) or of an agent group (`group`). `bots`: the
 * figures are the bots' (asked for), so human load is not theirs to speak of.
 */
export function scopeHeadline(
  kpis: Kpis,
  thresholds: Thresholds,
  of: 'queue' | 'group',
  opts: { bots?: boolean } = {},
): ScopeHeadline {
  // Only a queue known to be empty drops its wait and overdue: an absent count proves nothing.
  const empty = kpis.waiting.value === 0;
  const facts: HeadlineFact[] = [];
  // Nobody online has no slots to free: say "nobody online" rather than "no free slots".
  const nobody = kpis.agentsOnline.value === 0;
  for (const listed of of === 'queue' ? QUEUE_FACTS : GROUP_FACTS) {
    if (listed === 'humanLoad' && opts.bots) continue;
    const metric = listed === 'freeSlots' && nobody ? 'agentsOnline' : listed;
    if (facts.some((f) => f.metric === metric)) continue;
    const fact = factOf(kpis, metric, thresholds);
    if (!fact) continue;
    // An empty queue has no wait to speak of and nothing overdue: say less, not "p90 0s, 0 overdue".
    if ((metric === 'queueWaitP90' || metric === 'overdueInQueue') && (empty || fact.value === 0)) continue;
    facts.push(fact);
  }
  return { kind: 'scope', status: facts.reduce<Status>((s, f) => worstOf(s, f.status), 'none'), facts };
}

/**
 * The overview's headline: the account's figures, made at least as bad as the worst skill with
 * conversations waiting, since free slots in one skill do not serve another's queue.
 */
export function overviewHeadline(
  kpis: Kpis,
  thresholds: Thresholds,
  waitingSkills: readonly RankRow[],
  opts: { bots?: boolean } = {},
): ScopeHeadline {
  const account = scopeHeadline(kpis, thresholds, 'queue', opts);
  const past = waitingSkills.filter((r) => r.status === 'warn' || r.status === 'critical');
  const status = waitingSkills.reduce<Status>((s, r) => worstOf(s, r.status), account.status);
  return { ...account, status, ...(past.length ? { skillsPastTarget: past.length } : {}) };
}

/** The headline of a ranking: how many rows breach their target, and the worst of them. */
export function rankingHeadline(rows: readonly RankRow[]): RankingHeadline {
  let status: Status = 'none';
  let rated = 0;
  let breaching = 0;
  for (const row of rows) {
    status = worstOf(status, row.status);
    if (row.status !== 'none') rated++;
    if (row.status === 'warn' || row.status === 'critical') breaching++;
  }
  const worst = rows.find((r) => r.value !== undefined);
  return { kind: 'ranking', status, rated, breaching, ...(worst ? { worst } : {}) };
}
