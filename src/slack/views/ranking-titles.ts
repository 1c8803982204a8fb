/** What each ranking orders by, in the words its header, headline and chart share. */
import type { MetricId } from '../../domain/metrics';
import type { RankMetric } from '../../domain/query';

/** The ranked measure alone: "queue wait", "CSAT". */
export const RANK_SUBJECTS: Record<RankMetric, string> = {
  queue: 'conversations waiting',
  wait: 'queue wait',
  load: 'human load',
  closed: 'closed conversations',
  response: 'time to response',
  csat: 'CSAT',
  overdue: 'overdue in queue',
};

/** The header's words: the measure, and the order where it is not the obvious one. */
export const RANK_TITLES: Record<RankMetric, string> = { ...RANK_SUBJECTS, csat: 'CSAT (lowest first)' };

/** The measure a ranking actually ranked: `wait` falls back to the average wait when no p90 came back. */
export function rankSubject(by: RankMetric, metric: MetricId): string {
  return by === 'wait' && metric === 'avgWait' ? 'avg wait' : RANK_SUBJECTS[by];
}

/** The header's words for what a ranking actually ranked. */
export function rankTitle(by: RankMetric, metric: MetricId): string {
  return by === 'wait' && metric === 'avgWait' ? 'avg wait' : RANK_TITLES[by];
}
