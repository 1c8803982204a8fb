import { strict as assert } from 'node:assert';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { overviewChart } from '../../src/charts/overview-chart';
import { rankingChart } from '../../src/charts/ranking-chart';
import { CHART_FONT_FAMILY, renderPng } from '../../src/charts/render-png';
import { billingTrendChart } from '../fixtures/charts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const skill = billingTrendChart();

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

describe('renderPng', () => {
  it('renders a PNG of the spec size at twice the pixels', async () => {
    const png = await renderPng(skill);
    assert.deepEqual(png.subarray(0, 8), PNG_MAGIC);
    assert.equal(png.toString('ascii', 12, 16), 'IHDR');
    assert.equal(png.readUInt32BE(16), skill.width * 2);
    assert.equal(png.readUInt32BE(20), skill.height * 2);
  });

  it('paints an opaque white background under a chart that is not blank', async () => {
    const data = await pixels(await renderPng(skill));
    assert.deepEqual([...data.subarray(0, 4)], [255, 255, 255, 255], 'top-left corner is opaque white');
    let inked = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
    assert.ok(inked > 2000, `only ${inked} coloured pixels`);
    for (let i = 3; i < data.length; i += 4) assert.equal(data[i], 255, 'every pixel opaque');
  });

  it('draws text with the bundled font', async () => {
    await renderPng(skill);
    assert.ok(GlobalFonts.has(CHART_FONT_FAMILY));
    assert.equal(Chart.defaults.font.family, CHART_FONT_FAMILY);
  });

  it('renders horizontal charts at their computed height', async () => {
    const ranking = rankingChart({
      title: 'Skills by wait',
      unitLabel: 'minutes',
      rows: Array.from({ length: 30 }, (_, i) => ({
        label: `Skill ${i}`,
        value: 30 - i,
        display: `${30 - i}m`,
      })),
    })!;
    const overview = overviewChart({ rows: [{ label: 'Billing', waiting: 3, availableSlots: 1 }] })!;
    for (const spec of [ranking, overview]) {
      const png = await renderPng(spec);
      assert.equal(png.readUInt32BE(16), spec.width * 2);
      assert.equal(png.readUInt32BE(20), spec.height * 2);
    }
  });

  it('leaves the spec untouched for the QuickChart path', async () => {
    const before = JSON.stringify(skill);
    await renderPng(skill);
    assert.equal(JSON.stringify(skill), before);
    assert.equal(skill.config.plugins, undefined);
  });
});
