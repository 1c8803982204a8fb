/** Metric values in their units, as the report text prints them ("3m 48s", "87%", "1,204"). */
import { unitOf, type MetricId } from '../../domain/metrics';
import { formatValue } from '../../shared/number-format';

/** A metric's value as the report prints it: "3m 48s", "87%", "1,204". */
export function formatMetric(metric: MetricId, value: number | undefined | null): string {
  return formatValue(unitOf(metric), value);
}

/** What a metric with no value reads: a ratio with nothing under it is not a zero. */
const ABSENT_TEXT: Partial<Record<MetricId, string>> = { csat: 'no answers' };

/** Like formatMetric, saying "no answers" for a CSAT nobody gave ("—" for the rest). */
export function metricText(metric: MetricId, value: number | undefined): string {
  return value === undefined
    ? (ABSENT_TEXT[metric] ?? formatMetric(metric, value))
    : formatMetric(metric, value);
}
