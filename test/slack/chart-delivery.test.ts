import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ChartQueueFullError } from '../../src/charts/chart-renderer';
import { createChartDelivery, type ChartDeliveryOptions } from '../../src/slack/chart-delivery';
import { Deadline } from '../../src/shared/deadline';
import type { AppLogger } from '../../src/shared/logger';
import {
  billingResponse,
  billingTrend,
  buildReport,
  FETCHED_AT,
  skillQuery,
  SOURCE,
} from '../fixtures/reports';

const report = () =>
  buildReport({
    query: skillQuery('billing'),
    scope: { id: '1001', name: 'Billing' },
    responses: billingResponse(),
    fetchedAt: FETCHED_AT,
    source: SOURCE,
    trend: billingTrend(),
  });

function logger(): AppLogger & { warn: sinon.SinonSpy } {
  const log = {
    debug: sinon.spy(),
    info: sinon.spy(),
    warn: sinon.spy(),
    error: sinon.spy(),
    enabled: () => true,
    child: () => log,
  };
  return log;
}

type Client = ChartDeliveryOptions['client'];
function client(opts: { upload?: () => Promise<unknown>; info?: () => Promise<unknown> } = {}): Client & {
  filesUploadV2: sinon.SinonStub;
  files: { info: sinon.SinonStub };
} {
  return {
    filesUploadV2: sinon
      .stub()
      .callsFake(opts.upload ?? (() => Promise.resolve({ files: [{ files: [{ id: 'F1' }] }] }))),
    files: {
      info: sinon.stub().callsFake(opts.info ?? (() => Promise.resolve({ ok: true, file: { id: 'F1' } }))),
    },
  } as never;
}
const PNG = () => Promise.resolve(Buffer.from('png'));

describe('chart delivery', () => {
  it('quickchart: a URL on the configured host, no Slack call', async () => {
    const c = client();
    const charts = createChartDelivery({
      mode: 'quickchart',
      quickchartUrl: 'http://charts.local:3400',
      client: c,
    });
    const chart = await charts.chartFor(report(), { log: logger() });
    assert.ok(chart && 'imageUrl' in chart && chart.imageUrl?.startsWith('http://charts.local:3400/'));
    assert.equal(c.filesUploadV2.callCount, 0);
  });

  it('off: no chart', async () => {
    const charts = createChartDelivery({ mode: 'off', quickchartUrl: 'http://x', client: client() });
    assert.equal(await charts.chartFor(report(), { log: logger() }), undefined);
  });

  it('upload: the PNG goes to Slack and the report carries its file id', async () => {
    const c = client();
    const charts = createChartDelivery({ mode: 'upload', quickchartUrl: 'http://x', client: c, render: PNG });
    const chart = await charts.chartFor(report(), { log: logger() });
    assert.ok(chart && 'slackFileId' in chart);
    assert.equal(chart.slackFileId, 'F1');
    assert.equal(c.filesUploadV2.firstCall.args[0].filename, 'queue-pulse-chart.png');
  });

  it('a chart renderer that throws loses the chart, not the report, with a warning', async () => {
    const log = logger();
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client: client(),
      render: () => {
        throw new TypeError('canvas exploded');
      },
    });
    assert.equal(await charts.chartFor(report(), { log }), undefined);
    assert.equal(log.warn.callCount, 1);
    assert.match(String(log.warn.firstCall.args[1].error), /canvas exploded/);
  });

  it('a failed upload loses the chart, not the report', async () => {
    const log = logger();
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client: client({ upload: () => Promise.reject(new Error('missing_scope')) }),
      render: PNG,
    });
    assert.equal(await charts.chartFor(report(), { log }), undefined);
    assert.equal(log.warn.callCount, 1);
  });

  it("an upload that hangs gives up at the answer's deadline", async () => {
    const log = logger();
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client: client({ upload: () => new Promise(() => undefined) }),
      render: PNG,
    });
    const started = performance.now();
    assert.equal(await charts.chartFor(report(), { log, deadline: Deadline.after(150) }), undefined);
    const waited = performance.now() - started;
    assert.ok(waited >= 140 && waited < 2000, `waited ${waited} ms`);
    assert.equal(log.warn.callCount, 1);
  });

  it('with no time left, nothing is rendered or uploaded', async () => {
    const c = client();
    let rendered = 0;
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client: c,
      render: () => {
        rendered++;
        return PNG();
      },
    });
    const log = logger();
    assert.equal(await charts.chartFor(report(), { log, deadline: Deadline.after(0) }), undefined);
    assert.equal(rendered, 0);
    assert.equal(c.filesUploadV2.callCount, 0);
    assert.doesNotMatch(String(log.warn.firstCall.args[1].error), /\n\s+at /, 'no stack for a timeout');
  });

  it('a chart refused by a full chart queue: the report goes without it, a one-line warning', async () => {
    const c = client();
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client: c,
      render: () => Promise.reject(new ChartQueueFullError(16)),
    });
    const log = logger();
    assert.equal(await charts.chartFor(report(), { log }), undefined);
    assert.equal(c.filesUploadV2.callCount, 0);
    assert.equal(log.warn.firstCall.args[1].error, '16 charts were already waiting for the chart worker');
  });

  it('a file Slack never shows is dropped once the wait is spent', async () => {
    const c = client({ info: () => Promise.reject(new Error('file_not_found')) });
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client: c,
      render: PNG,
      uploadWaitMs: 300,
    });
    assert.equal(await charts.chartFor(report(), { log: logger() }), undefined);
    assert.ok(c.files.info.callCount >= 2);
  });
});
