/**
 * Metric values in their units, as the report text prints them ("3m 48s", "87%", "1,204"). The
 * text is mrkdwn: "<1s" goes out as "&lt;1s", or Slack reads the "<" as the start of a link and
 * swallows the text up to the next ">".
 */
import { unitOf, type MetricId } from '../../domain/metrics';
import { formatDuration, formatValue } from '../../shared/number-format';
import { escapeMrkdwn } from './mrkdwn';

/** A metric's value as the report prints it (escaped mrkdwn): "3m 48s", "87%", "1,204", "&lt;1s". */
export function formatMetric(metric: MetricId, value: number | undefined | null): string {
  return escapeMrkdwn(plainMetric(metric, value));
}

/** The same value unescaped, for text that is not mrkdwn (chart labels). */
export function plainMetric(metric: MetricId, value: number | undefined | null): string {
  return formatValue(unitOf(metric), value);
}

/** A duration as escaped mrkdwn: "3m 48s", "&lt;1s". */
export function durationText(ms: number | undefined | null): string {
  return escapeMrkdwn(formatDuration(ms));
}

/** What a metric with no value reads: a ratio with nothing under it is not a zero. */
const ABSENT_TEXT: Partial<Record<MetricId, string>> = { csat: 'no answers' };

/** Like formatMetric, saying "no answers" for a CSAT nobody gave ("—" for the rest). */
export function metricText(metric: MetricId, value: number | undefined): string {
  return value === undefined
    ? (ABSENT_TEXT[metric] ?? formatMetric(metric, value))
    : formatMetric(metric, value);
}
