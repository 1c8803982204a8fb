/** What each ranking orders by, in the words its header, headline and chart share. */
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
