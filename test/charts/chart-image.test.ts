import { strict as assert } from 'node:assert';
import { chartImage } from '../../src/charts/chart-image';
import { rankingChart } from '../../src/charts/ranking-chart';
import { billingTrendChart } from '../fixtures/charts';

const spec = billingTrendChart();
const opts = { quickchartUrl: 'http://localhost:3400' };

describe('chartImage', () => {
  it('gives a QuickChart URL with the alt text and title in quickchart mode', () => {
    const image = chartImage(spec, 'quickchart', opts);
    assert.equal(image?.kind, 'url');
    if (image?.kind !== 'url') return;
    assert.ok(image.url.startsWith('http://localhost:3400/chart?'));
    assert.equal(image.alt, spec.alt);
    assert.equal(image.title, spec.title);
  });

  it('hands the spec back for local rendering in upload mode, without building a URL', () => {
    assert.deepEqual(chartImage(spec, 'upload', { quickchartUrl: 'not a url' }), {
      kind: 'png-needed',
      spec,
    });
  });

  it('gives nothing when charts are off or there is no chart', () => {
    assert.equal(chartImage(spec, 'off', opts), undefined);
    assert.equal(chartImage(undefined, 'quickchart', opts), undefined);
    assert.equal(chartImage(undefined, 'upload', opts), undefined);
  });

  it('gives nothing when the chart cannot fit in a URL', () => {
    const big = rankingChart({
      title: 'Agents',
      unitLabel: 'minutes',
      rows: Array.from({ length: 60 }, (_, i) => ({ label: `Agent ${i}`, value: i, display: `${i}m` })),
    })!;
    assert.equal(
      chartImage(big, 'quickchart', { quickchartUrl: `https://example.com/${'x'.repeat(2900)}` }),
      undefined,
    );
  });

  it('carries the shrink note into the alt text when bars were dropped', () => {
    const big = rankingChart({
      title: 'Agents',
      unitLabel: 'minutes',
      rows: Array.from({ length: 60 }, (_, i) => ({
        label: `${i} ${'Агент поддержки '.repeat(4)}`,
        value: i,
        display: `${i}m`,
      })),
    })!;
    const image = chartImage(big, 'quickchart', opts);
    assert.equal(image?.kind, 'url');
    if (image?.kind === 'url') assert.match(image.alt, /^The chart shows the first \d+ of 60\. /);
  });
});
