/**
 * Public chart URLs (`CHARTS=quickchart`): the chart config travels inside the URL, which Slack
 * fetches when the message is posted. Slack refuses image URLs over 3000 characters, so long charts
 * are shrunk step by step, and dropped (undefined) when even the smallest form does not fit.
 */
import QuickChart from 'quickchart-js';
import { CHART_PIXEL_RATIO, MAX_ALT_CHARS, type ChartConfig, type ChartSpec } from './chart-spec';
import { shortLabel } from './chart-text';

/** Slack's limit for `image_url`. */
export const MAX_IMAGE_URL_CHARS = 3000;

export interface QuickChartImage {
  url: string;
  /** The spec's alt text, with a note when the chart shows fewer bars than the alt lists. */
  alt: string;
  width: number;
  height: number;
}

interface Shrink {
  round: boolean;
  /** Drop the chart title (the image block carries it) and layout extras; axis titles (units) stay. */
  plain: boolean;
  /** Drop the value that labels carry on a second line or in a trailing "(…)"; alt text keeps it. */
  bareLabels: boolean;
  labelChars?: number;
  maxBars?: number;
}

/** Gentlest first: each level keeps what the one before dropped away. */
const LADDER: Shrink[] = [
  { round: false, plain: false, bareLabels: false },
  { round: true, plain: false, bareLabels: false },
  { round: true, plain: true, bareLabels: false },
  { round: true, plain: true, bareLabels: true },
  { round: true, plain: true, bareLabels: true, labelChars: 16 },
  { round: true, plain: true, bareLabels: true, labelChars: 10 },
  ...[40, 30, 20, 15, 10, 5].map((maxBars) => ({
    round: true,
    plain: true,
    bareLabels: true,
    labelChars: 10,
    maxBars,
  })),
];

/** The QuickChart URL for the spec, or undefined when no shrunk form fits in 3000 characters. */
export function quickChartUrl(spec: ChartSpec, baseUrl: string): string | undefined {
  return fitQuickChart(spec, baseUrl)?.url;
}

/** Like quickChartUrl, also returning the alt text and size that match the (possibly shrunk) chart. */
export function fitQuickChart(
  spec: ChartSpec,
  baseUrl: string,
  maxChars: number = MAX_IMAGE_URL_CHARS,
): QuickChartImage | undefined {
  const { scheme, host } = parseBase(baseUrl);
  const bars = spec.config.data.labels?.length ?? 0;
  for (const level of LADDER) {
    if (level.maxBars !== undefined && level.maxBars >= bars) continue;
    const { config, height } = shrink(spec, level);
    const url = new QuickChart()
      .setVersion('4')
      .setConfig(config)
      .setWidth(spec.width)
      .setHeight(height)
      .setBackgroundColor('white')
      .setDevicePixelRatio(CHART_PIXEL_RATIO)
      .setScheme(scheme)
      .setHost(host)
      .getUrl();
    if (url.length <= maxChars) {
      const shown = level.maxBars ?? bars;
      return {
        url,
        alt: shown < bars ? noteFewerBars(spec.alt, shown, bars) : spec.alt,
        width: spec.width,
        height,
      };
    }
  }
  return undefined;
}

/** `QUICKCHART_URL` as scheme + host; a path prefix (a proxy at /quickchart) rides along in the host. */
function parseBase(baseUrl: string): { scheme: string; host: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`QuickChart base URL is not a URL: '${baseUrl}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`QuickChart base URL must be http(s): '${baseUrl}'`);
  return { scheme: url.protocol.slice(0, -1), host: url.host + url.pathname.replace(/\/+$/, '') };
}

function shrink(spec: ChartSpec, level: Shrink): { config: ChartConfig; height: number } {
  const config = structuredClone(spec.config);
  const total = config.data.labels?.length ?? 0;
  let height = spec.height;
  if (level.maxBars !== undefined && level.maxBars < total) {
    const keep = level.maxBars;
    config.data.labels = config.data.labels?.slice(0, keep);
    for (const ds of config.data.datasets) {
      ds.data = ds.data.slice(0, keep);
      if (Array.isArray(ds.backgroundColor)) ds.backgroundColor = ds.backgroundColor.slice(0, keep);
    }
    // Horizontal charts grow with their rows; shrink the plot area with them, keep title and axis room.
    if (config.options?.indexAxis === 'y')
      height = Math.max(180, Math.round(90 + ((spec.height - 90) * keep) / total));
  }
  if (level.round)
    for (const ds of config.data.datasets)
      ds.data = ds.data.map((v) => (v === null ? null : roundSignificant(v)));
  if (level.plain && config.options) {
    if (config.options.plugins) delete config.options.plugins.title;
    // An axis without its unit ("minutes", "%") makes the bars unreadable: it is never dropped.
    delete config.options.layout;
  }
  if (config.data.labels) config.data.labels = config.data.labels.map((label) => relabel(label, level));
  return { config, height };
}

function relabel(label: string | string[], level: Shrink): string | string[] {
  if (!level.bareLabels && level.labelChars === undefined) return label;
  let text = Array.isArray(label) ? label.join(' ') : label;
  if (level.bareLabels) text = Array.isArray(label) ? (label[0] ?? '') : text.replace(/\s*\([^()]*\)$/, '');
  // '..' rather than '…': an ellipsis costs nine characters once percent-encoded.
  return level.labelChars === undefined ? text : shortLabel(text, level.labelChars, '..');
}

/** Three significant digits: invisible in a bar's length, much shorter in a URL than 245123.456. */
function roundSignificant(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(3));
}

function noteFewerBars(alt: string, shown: number, total: number): string {
  const note = `The chart shows the first ${shown} of ${total}. `;
  const room = MAX_ALT_CHARS - note.length;
  if (alt.length <= room) return note + alt;
  const cut = alt.lastIndexOf('; ', room - 1);
  return note + alt.slice(0, cut > 0 ? cut : room - 1) + '…';
}
