import { strict as assert } from 'node:assert';
import type { KnownBlock } from '@slack/types';
import type { TrendQuery } from '../../../src/domain/query';
import { toReport, type TrendReport } from '../../../src/domain/report';
import { trendSpan, type TrendReportPoint } from '../../../src/domain/trend-report';
import { HOUR_MS, MINUTE_MS } from '../../../src/domain/time';
import { chartImage } from '../../../src/charts/chart-image';
import { renderPng } from '../../../src/charts/render-png';
import type { LineChartConfig } from '../../../src/charts/chart-spec';
import { chartForReport } from '../../../src/slack/views/report-chart';
import { renderReport } from '../../../src/slack/views';
import { checkMessage } from '../../../src/slack/views/limits';
import { HOSTILE_NAME, NOW, allText, fieldsUnder, headerText, windowAt } from '../../fixtures/reports';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function query(over: Partial<TrendQuery> = {}): TrendQuery {
  return {
    kind: 'trend',
    of: 'skill',
    name: 'billing',
    window: { kind: 'last', ms: 4 * HOUR_MS },
    public: false,
    ...over,
  };
}

/** `n` points of `minutes` ending at NOW; closed peaks at point `peak`. */
function points(n: number, minutes: number, peak = 3): TrendReportPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    end: NOW - (n - 1 - i) * minutes * MINUTE_MS,
    values: { closed: i === peak ? 40 : 10 + (i % 5), concluded: 12 + (i % 5), transfers: i % 3 },
  }));
}

function trendReport(
  opts: { q?: TrendQuery; n?: number; minutes?: number; name?: string | null; now?: number } = {},
): TrendReport {
  const q = opts.q ?? query();
  const window = windowAt(q.window);
  const minutes = opts.minutes ?? 5;
  const r = toReport({
    query: q,
    window,
    answer: { rows: [], count: 0 },
    fetchedAt: NOW,
    source: 'Simulator',
    ...(q.of === 'account'
      ? {}
      : { scope: { id: '1001', name: opts.name === undefined ? 'Billing' : opts.name } }),
    series: {
      intervalMinutes: minutes,
      span: trendSpan(window, opts.now ?? NOW),
      points: points(opts.n ?? 48, minutes),
    },
  });
  assert.ok(r.kind === 'trend');
  return r;
}

const text = (blocks: KnownBlock[]) => allText(blocks);

describe('trend report view', () => {
  it('header, totals of the three series, the interval and the busiest interval', () => {
    const r = trendReport();
    const m = renderReport(r);
    assert.equal(headerText(m.blocks), 'Trend · Skill Billing · last 4h');
    const totals = fieldsUnder(m.blocks, '*Totals*');
    const sum = (k: 'closed' | 'concluded' | 'transfers') =>
      r.points.reduce((a, p) => a + (p.values[k] ?? 0), 0);
    assert.deepEqual(totals, [
      `*Closed*\n${sum('closed')}`,
      `*Concluded*\n${sum('concluded')}`,
      `*Transfers*\n${sum('transfers')}`,
    ]);
    assert.match(text(m.blocks), /One point per 5 min \(48 points\)/);
    // Point 3 ends 44 intervals before NOW (14:30 UTC): 10:50, covering 10:45–10:50.
    assert.match(text(m.blocks), /\*Busiest:\* 10:45–10:50, 40 closed/);
    assert.match(m.text, /^\d+ closed, \d+ concluded, \d+ transfers · Trend · Skill Billing/);
    assert.deepEqual(checkMessage(m), []);
  });

  it('groups and the account name themselves in the header', () => {
    const g = renderReport(trendReport({ q: query({ of: 'group', name: 'tier 1' }), name: 'Tier 1' }));
    assert.equal(headerText(g.blocks), 'Trend · Group Tier 1 (with sub-groups) · last 4h');
    const a = renderReport(trendReport({ q: query({ of: 'account' }) }));
    assert.equal(headerText(a.blocks), 'Trend · Whole account · last 4h');
  });

  it('with no chart (CHARTS=off) the text still says how the window went: the quietest interval too', () => {
    const r = trendReport();
    const off = text(renderReport(r).blocks);
    assert.match(off, /\*Quietest:\* /);
    const on = text(
      renderReport(r, { chart: { imageUrl: 'https://quickchart.io/chart?c=x', alt: 'a', title: 't' } })
        .blocks,
    );
    assert.doesNotMatch(on, /Quietest/);
  });

  it('a window cut to the last 24 h says where it was asked to start', () => {
    const q = query({ window: { kind: 'yesterday' } });
    const r = trendReport({ q, n: 58, minutes: 15 });
    assert.ok(r.clampedFrom !== undefined);
    assert.match(
      text(renderReport(r).blocks),
      /keeps trends for 24 h only, so this starts at 14:30 instead of 00:00\./,
    );
  });

  it('the chart is a line per series with a legend; 96 points are drawn as 48 summed pairs', () => {
    const r = trendReport({ q: query({ window: { kind: 'last', ms: 24 * HOUR_MS } }), n: 96, minutes: 15 });
    const spec = chartForReport(r)!;
    const config = spec.config as LineChartConfig;
    assert.equal(config.type, 'line');
    assert.deepEqual(
      config.data.datasets.map((d) => d.label),
      ['Closed', 'Concluded', 'Transfers'],
    );
    assert.equal(config.options?.plugins?.legend?.display, true);
    assert.equal(config.data.datasets[0]!.data.length, 48);
    const drawn = config.data.datasets[0]!.data.reduce<number>((a, v) => a + (v ?? 0), 0);
    assert.equal(drawn, r.totals.closed, 'summing pairs keeps the total');
    assert.match(spec.title, /per 30 min/);
    const image = chartImage(spec, 'quickchart', { quickchartUrl: 'https://quickchart.io' });
    assert.ok(image?.kind === 'url');
    assert.ok(image.url.length <= 3000, String(image.url.length));
    assert.doesNotMatch(image.alt, /shows the first/, 'every point fits: none cut off');
  });

  it('renders to a PNG offline (CHARTS=upload)', async () => {
    const spec = chartForReport(trendReport())!;
    const png = await renderPng(spec);
    assert.ok(png.subarray(0, 8).equals(PNG_MAGIC));
  });

  it('a trend with no values has no chart, and says so in words', () => {
    const r = {
      ...trendReport(),
      points: [],
      totals: { closed: undefined, concluded: undefined, transfers: undefined },
    };
    delete (r as Partial<TrendReport>).busiest;
    assert.equal(chartForReport(r), undefined);
    const m = renderReport(r);
    assert.match(text(m.blocks), /No trend points came back/);
    assert.match(m.text, /No trend figures came back/);
  });

  it('a hostile skill name stays escaped and within limits', () => {
    const m = renderReport(trendReport({ name: HOSTILE_NAME }));
    assert.deepEqual(checkMessage(m), []);
    assert.ok(!text(m.blocks).includes('<!channel>'));
  });
});
