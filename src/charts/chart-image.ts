/**
 * How a report's chart reaches Slack under each `CHARTS` mode, decided without I/O: a public URL
 * now, a PNG the caller must render and upload, or nothing.
 */
import type { ChartSpec } from './chart-spec';
import { fitQuickChart } from './quickchart';

export type ChartMode = 'quickchart' | 'upload' | 'off';

export type ChartImage =
  { kind: 'url'; url: string; alt: string; title: string } | { kind: 'png-needed'; spec: ChartSpec };

export interface ChartImageOptions {
  /** `QUICKCHART_URL`, e.g. https://quickchart.io or http://localhost:3400. */
  quickchartUrl: string;
}

/** The image to attach for `spec` in `mode`; undefined when there is no chart or it cannot be sent. */
export function chartImage(
  spec: ChartSpec | undefined,
  mode: ChartMode,
  opts: ChartImageOptions,
): ChartImage | undefined {
  if (!spec || mode === 'off') return undefined;
  if (mode === 'upload') return { kind: 'png-needed', spec };
  const fitted = fitQuickChart(spec, opts.quickchartUrl);
  return fitted && { kind: 'url', url: fitted.url, alt: fitted.alt, title: spec.title };
}
