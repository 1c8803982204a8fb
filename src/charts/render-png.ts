/**
 * Local rendering for the private path (`CHARTS=upload`): Chart.js v4 drawing on @napi-rs/canvas,
 * which ships a prebuilt binary, so no Cairo build and no chart data leaves the process.
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import { CHART_PIXEL_RATIO, type ChartSpec } from './chart-spec';

/** Family name the bundled font is registered under; a bare server may have no fonts at all. */
export const CHART_FONT_FAMILY = 'Queue Pulse Sans';

let ready = false;

function setUp(): void {
  if (ready) return;
  // Bold too: Chart.js draws titles bold, and a faux-bold regular face looks smudged.
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const font = GlobalFonts.registerFromPath(
      require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
      CHART_FONT_FAMILY,
    );
    if (!font) throw new Error(`Could not load the bundled font ${file} for chart rendering.`);
  }
  Chart.register(...registerables);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.color = '#212529';
  ready = true;
}

/** PNGs have no page behind them: paint white under the chart so it reads in Slack's dark mode too. */
const whiteBackground: Plugin = {
  id: 'qp-white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Renders the spec to a PNG of `spec.width` × `spec.height` CSS pixels at CHART_PIXEL_RATIO, so
 * the file is that many times larger in each direction and stays sharp on high-density screens.
 */
export async function renderPng(spec: ChartSpec): Promise<Buffer> {
  setUp();
  const canvas = createCanvas(spec.width, spec.height);
  // The spec is shared with the QuickChart path: clone before adding render-only options.
  // Widened to Chart.js's own config type: bar and line specs take the same render-only options.
  const config = structuredClone(spec.config) as ChartConfiguration;
  config.options = {
    ...config.options,
    responsive: false,
    animation: false,
    devicePixelRatio: CHART_PIXEL_RATIO,
  };
  config.plugins = [...(config.plugins ?? []), whiteBackground];
  // Chart.js accepts any object with getContext('2d'); its types only name the DOM canvas.
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
    // The pixels (a few MB at CHART_PIXEL_RATIO) are native memory V8 does not see: freed now,
    // not whenever a collection happens to finalize the small object holding them.
    canvas.width = 1;
    canvas.height = 1;
  }
}
