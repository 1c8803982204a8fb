import { strict as assert } from 'node:assert';
import http from 'node:http';
import https from 'node:https';
import vm from 'node:vm';
import QuickChart from 'quickchart-js';
import sinon from 'sinon';
import type { ChartSpec } from '../../src/charts/chart-spec';
import { fitQuickChart, quickChartUrl } from '../../src/charts/quickchart';
import { rankingChart } from '../../src/charts/ranking-chart';
import { billingTrendChart } from '../fixtures/charts';

const billing = billingTrendChart();

/** QuickChart's `c` parameter is a JavaScript object literal (what its server evaluates). */
interface Decoded {
  data: { labels: string[]; datasets: { data: (number | null)[] }[] };
  options: { plugins: { title?: { text: string } } };
}

function decodeConfig(url: string): Decoded {
  const c = new URL(url).searchParams.get('c');
  assert.ok(c, 'no c parameter');
  // Re-parse in this realm so deepEqual compares plain values, not another context's prototypes.
  return JSON.parse(JSON.stringify(vm.runInNewContext(`(${c})`))) as Decoded;
}

function longRanking(rows: number, labelChars: number, word = 'Agent name '): ChartSpec {
  return rankingChart({
    title: 'Agents by longest wait',
    unitLabel: 'minutes',
    rows: Array.from({ length: rows }, (_, i) => ({
      label: `${String(i).padStart(2, '0')} ${word.repeat(40)}`.slice(0, labelChars),
      value: 100 - i * 1.37,
      display: `${100 - i}m 00s`,
    })),
  })!;
}

describe('QuickChart URLs', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
    // Any attempt to reach the network fails the test loudly.
    const boom = () => {
      throw new Error('network touched');
    };
    sandbox.stub(http, 'request').callsFake(boom);
    sandbox.stub(https, 'request').callsFake(boom);
    sandbox.stub(globalThis, 'fetch').callsFake(boom);
    for (const m of ['getShortUrl', 'toBinary', 'toFile', 'toDataUrl'] as const)
      sandbox.stub(QuickChart.prototype, m).callsFake(boom);
  });
  afterEach(() => sandbox.restore());

  it('builds a Chart.js 4 URL on quickchart.io that decodes back to the config', () => {
    const url = quickChartUrl(billing, 'https://quickchart.io')!;
    const parsed = new URL(url);
    assert.equal(parsed.origin + parsed.pathname, 'https://quickchart.io/chart');
    assert.equal(parsed.searchParams.get('v'), '4');
    assert.equal(parsed.searchParams.get('w'), '600');
    assert.equal(parsed.searchParams.get('h'), '260');
    assert.equal(parsed.searchParams.get('bkg'), 'white');
    // Drawn at twice the size, so it stays sharp on high-density screens.
    assert.equal(parsed.searchParams.get('devicePixelRatio'), '2');
    assert.deepEqual(decodeConfig(url), JSON.parse(JSON.stringify(billing.config)));
  });

  it('works with a self-hosted QuickChart over http', () => {
    const url = quickChartUrl(billing, 'http://localhost:3400')!;
    assert.ok(url.startsWith('http://localhost:3400/chart?'), url);
    assert.deepEqual(decodeConfig(url), JSON.parse(JSON.stringify(billing.config)));
  });

  it('keeps a path prefix of the base URL', () => {
    assert.ok(
      quickChartUrl(billing, 'https://tools.example.com/quickchart/')!.startsWith(
        'https://tools.example.com/quickchart/chart?',
      ),
    );
  });

  it('refuses a base URL that is not http(s)', () => {
    assert.throws(() => quickChartUrl(billing, 'quickchart.io'), /not a URL/);
    assert.throws(() => quickChartUrl(billing, 'ftp://quickchart.io'), /http\(s\)/);
  });

  it('leaves a chart that fits untouched, alt text included', () => {
    const fitted = fitQuickChart(billing, 'https://quickchart.io')!;
    assert.equal(fitted.alt, billing.alt);
    assert.equal(fitted.height, billing.height);
    assert.equal(
      decodeConfig(fitted.url).options.plugins.title?.text,
      'Closed conversations per 15 min · 160 in all',
    );
  });

  it('shrinks gently first: rounds numbers and drops decoration before dropping bars', () => {
    const spec = longRanking(20, 60);
    const full = fitQuickChart(spec, 'https://quickchart.io', 100_000)!;
    const fitted = fitQuickChart(spec, 'https://quickchart.io', full.url.length - 200)!;
    assert.ok(fitted.url.length <= full.url.length - 200);
    const config = decodeConfig(fitted.url);
    assert.equal(config.data.labels.length, 20, 'all bars kept');
    assert.equal(config.data.datasets[0]!.data[8], 89, 'rounded to three significant digits');
    assert.equal(config.options.plugins.title, undefined, 'title left to the Slack block');
    assert.equal(fitted.alt, spec.alt);
  });

  it('keeps all of 60 bars with long labels under 3000 characters by shortening the labels', () => {
    const spec = longRanking(60, 200);
    const fitted = fitQuickChart(spec, 'https://quickchart.io')!;
    assert.ok(fitted.url.length <= 3000, `${fitted.url.length} chars`);
    const config = decodeConfig(fitted.url);
    assert.equal(config.data.labels.length, 60);
    for (const label of config.data.labels) assert.ok(label.length <= 16, label);
    assert.equal(config.data.labels[0], '00 Agent name..');
    assert.equal(fitted.alt, spec.alt);
    assert.equal(quickChartUrl(spec, 'https://quickchart.io'), fitted.url);
  });

  it('shows fewer bars, worst first, with a note in the alt text when short labels are not enough', () => {
    // Non-Latin names cost six characters each once percent-encoded.
    const spec = longRanking(60, 200, 'Агент поддержки ');
    for (const base of ['https://quickchart.io', 'http://localhost:3400']) {
      const fitted = fitQuickChart(spec, base)!;
      assert.ok(fitted, 'a shrunk chart still fits');
      assert.ok(fitted.url.length <= 3000, `${fitted.url.length} chars`);
      const config = decodeConfig(fitted.url);
      const shown = config.data.labels.length;
      assert.ok(shown < 60 && shown >= 5, `${shown} bars`);
      assert.equal(config.data.datasets[0]!.data.length, shown);
      for (const label of config.data.labels) assert.ok(label.length <= 10, label);
      assert.ok(config.data.labels[0]!.startsWith('00 '), 'worst first is kept');
      assert.ok(fitted.alt.startsWith(`The chart shows the first ${shown} of 60. `), fitted.alt);
      assert.ok(fitted.alt.length <= 2000);
      assert.ok(fitted.height < spec.height, 'fewer rows, shorter image');
    }
  });

  it('never returns a URL over 3000 characters, whatever the labels', () => {
    for (const [rows, chars] of [
      [1, 30],
      [10, 200],
      [60, 200],
      [200, 30],
    ] as const) {
      for (const word of ['Agent name ', 'Агент ', '客服代表 ', "O'Brien & <Co> "]) {
        const url = quickChartUrl(longRanking(rows, chars, word), 'https://quickchart.io');
        assert.ok(url === undefined || url.length <= 3000, `${rows}×${chars} ${word}: ${url?.length}`);
      }
    }
  });

  it('keeps the unit on the axis of a ranking however far it shrinks', () => {
    const fitted = fitQuickChart(longRanking(60, 200), 'https://quickchart.io')!;
    assert.ok(fitted.url.length <= 3000);
    const config = decodeConfig(fitted.url) as Decoded & {
      options: { scales: { x: { title?: { text: string } } } };
    };
    assert.ok(String(config.data.labels[0]).length < 30, 'the chart did shrink (labels cut)');
    assert.equal(config.options.plugins.title, undefined, 'its title was dropped');
    assert.equal(config.options.scales.x.title?.text, 'minutes');
  });

  it('returns undefined when even the smallest form does not fit', () => {
    const longBase = `https://quickchart.example.com/${'p'.repeat(2700)}`;
    assert.equal(quickChartUrl(longRanking(60, 200), longBase), undefined);
    assert.equal(fitQuickChart(billing, 'https://quickchart.io', 200), undefined);
  });
});
