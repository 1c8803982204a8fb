/** A stand-in chart worker that fails: throws for a spec titled "throw", else ends its thread. */
import type { ChartSpec } from '../../../src/charts/chart-spec';

export default function render(spec: ChartSpec): Buffer {
  if (spec.title === 'throw') throw new Error('canvas exploded');
  process.exit(3);
}
