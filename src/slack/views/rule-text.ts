/**
 * A status mark's reason in words: the threshold that drove it ("over the 2m target", "under the
 * 70% limit", "no free slots"), so no mark stands without saying what it measures against.
 */
import { unitOf, type MetricId } from '../../domain/metrics';
import type { Rule, Status } from '../../domain/thresholds';
import { formatMetric } from './format';

/** Short names for a rule about another metric than the field it sits in ("p90 over the 2m target"). */
const RULE_SUBJECT: Partial<Record<MetricId, string>> = {
  queueWaitP90: 'p90',
  overdueInQueue: 'overdue',
};

/** A limit as a lead sets it: "2m" rather than "2m 00s". */
export function limitText(metric: MetricId, limit: number): string {
  if (unitOf(metric) === 'duration' && limit >= 60_000 && limit % 60_000 === 0) {
    const minutes = limit / 60_000;
    return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
  }
  return formatMetric(metric, limit);
}

/** The limit in words ('' when there is nothing to add), e.g. "over the 2m target", "within the 2m target", "under the 70% limit". */
export function ruleText(rule: Rule, about?: MetricId, value?: number): string {
  if (rule.kind === 'no-free-slots') return 'no free slots';
  const limit = limitText(rule.metric, rule.limit);
  if (unitOf(rule.metric) === 'count') {
    // "1+ overdue" reads better than "over the 1 target" for a count.
    const noun = RULE_SUBJECT[rule.metric] ?? '';
    const level = rule.status === 'critical' ? ' (limit)' : '';
    // Within target, a count speaks for itself ("0"): no note.
    return rule.breached ? `${limit}+ ${noun}${level}`.trim() : '';
  }
  const subject = about && about !== rule.metric ? `${RULE_SUBJECT[rule.metric] ?? ''} `.trimStart() : '';
  if (!rule.breached) return `${subject}within the ${limit} target`;
  // The warn limit is the target; the critical one is the limit past which it is an emergency.
  const level = rule.status === 'critical' ? 'limit' : 'target';
  // Printed rounded, a value can read the same as its limit ("85% · over the 85% target"): say what
  // really happened, that it reached the limit, or fell just short of it.
  const looksEqual =
    value !== undefined &&
    rule.metric === about &&
    formatMetric(rule.metric, value) === formatMetric(rule.metric, rule.limit);
  const side = rule.worse === 'higher' ? (looksEqual ? 'at' : 'over') : looksEqual ? 'just under' : 'under';
  return `${subject}${side} the ${limit} ${level}`;
}

/** The note after a rated value (" · _over the 2m target_"), or '' when its mark needs none. */
export function ruleNote(
  rated: { rule?: Rule; status: Status; value: number | undefined },
  about: MetricId,
): string {
  const note = rated.rule && rated.status !== 'none' ? ruleText(rated.rule, about, rated.value) : '';
  return note ? ` · _${note}_` : '';
}
