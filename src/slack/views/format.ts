/** Metric values in their units, as the report text prints them ("3m 48s", "87%", "1,204"). */
import { unitOf, type MetricId } from '../../domain/metrics';
import { formatValue } from '../../shared/number-format';

/** A metric's value as the report prints it: "3m 48s", "87%", "1,204". */
export function formatMetric(metric: MetricId, value: number | undefined | null): string {
  return formatValue(unitOf(metric), value);
}
