import { strict as assert } from 'node:assert';
import path from 'node:path';
import {
  ChartQueueFullError,
  createChartRenderer,
  type ChartRenderer,
} from '../../src/charts/chart-renderer';
import { renderPng } from '../../src/charts/render-png';
import { createChartDelivery } from '../../src/slack/chart-delivery';
import { billingTrendChart } from '../fixtures/charts';
import type { AppLogger } from '../../src/shared/logger';
import {
  billingResponse,
  billingTrend,
  buildReport,
  FETCHED_AT,
  skillQuery,
  SOURCE,
} from '../fixtures/reports';

const worker = (name: string) => path.join(__dirname, 'workers', `${name}-worker.ts`);
const spec = billingTrendChart();

describe('createChartRenderer', () => {
  let renderer: ChartRenderer | undefined;
  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });

  it('draws in its worker the very PNG the main thread draws', async () => {
    renderer = createChartRenderer();
    const [inWorker, onMain] = await Promise.all([renderer.render(spec), renderPng(spec)]);
    assert.ok(Buffer.isBuffer(inWorker));
    assert.ok(inWorker.equals(onMain), 'same bytes');
  });

  it('draws off the main thread', async () => {
    renderer = createChartRenderer({ workerFile: worker('counting') });
    const text = (await renderer.render(spec)).toString();
    assert.match(text, /on thread [1-9]\d*$/, text);
  });

  it('draws identical specs once, whether asked together or soon after; a different spec again', async () => {
    renderer = createChartRenderer({ workerFile: worker('counting') });
    const together = await Promise.all(
      Array.from({ length: 20 }, () => renderer!.render(structuredClone(spec))),
    );
    assert.deepEqual(new Set(together.map(String)).size, 1);
    assert.match(String(together[0]), /^render 1 /);
    assert.match(String(await renderer.render(spec)), /^render 1 /);
    assert.match(String(await renderer.render({ ...spec, title: 'Another' })), /^render 2 /);
  });

  it('rejects with the error of a worker that throws', async () => {
    renderer = createChartRenderer({ workerFile: worker('failing') });
    const broken = { ...spec, title: 'throw' };
    await assert.rejects(renderer.render(broken), /canvas exploded/);
    await assert.rejects(renderer.render(broken), /canvas exploded/);
  });

  it('rejects when the worker thread dies, and the report goes out without its chart', async () => {
    renderer = createChartRenderer({ workerFile: worker('failing') });
    await assert.rejects(renderer.render(spec));
    const warnings: string[] = [];
    const log = { warn: (msg: string) => warnings.push(msg) } as unknown as AppLogger;
    const uploads: unknown[] = [];
    const client = {
      filesUploadV2: (args: unknown) => {
        uploads.push(args);
        return Promise.resolve({ files: [{ files: [{ id: 'F1' }] }] });
      },
      files: { info: () => Promise.resolve({ ok: true, file: { id: 'F1' } }) },
    } as never;
    const r = renderer;
    const charts = createChartDelivery({
      mode: 'upload',
      quickchartUrl: 'http://x',
      client,
      render: (s) => r.render(s),
    });
    const report = buildReport({
      query: skillQuery('billing'),
      scope: { id: '1001', name: 'Billing' },
      responses: billingResponse(),
      fetchedAt: FETCHED_AT,
      source: SOURCE,
      trend: billingTrend(),
    });
    assert.equal(await charts.chartFor(report, { log }), undefined);
    assert.deepEqual(uploads, []);
    assert.deepEqual(warnings, ['chart could not be delivered; sending the report without it']);
  });

  it('a burst of different charts past the queue limit is refused at once, the rest drawn', async () => {
    renderer = createChartRenderer({ workerFile: worker('slow'), maxQueue: 2 });
    const settled: string[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        renderer!.render({ ...spec, title: `chart ${i}` }).then(
          (png) => {
            settled.push('drawn');
            return png;
          },
          (err: unknown) => {
            settled.push('refused');
            throw err;
          },
        ),
      ),
    );
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    const drawn = outcomes.length - refused.length;
    // One drawing and two waiting (or three waiting while the thread starts); the rest refused.
    assert.ok(drawn >= 2 && drawn <= 3, `${drawn} drawn`);
    for (const err of refused) assert.ok(err instanceof ChartQueueFullError, String(err));
    assert.match(refused[0]!.message, /2 charts were already waiting/);
    // Refused at once: before the first chart (300 ms of the worker's time) was drawn.
    assert.deepEqual(
      settled.slice(0, refused.length),
      refused.map(() => 'refused'),
    );
    // The queue drains: a chart asked afterwards is drawn.
    assert.match(String(await renderer.render({ ...spec, title: 'later' })), /drew later/);
  });

  it('refuses renders once closed', async () => {
    renderer = createChartRenderer({ workerFile: worker('counting') });
    await renderer.render(spec);
    await renderer.close();
    await assert.rejects(renderer.render({ ...spec, title: 'later' }), /closed/);
  });

  it('starts its worker with the first chart and ends it on close', async () => {
    renderer = createChartRenderer({ workerFile: worker('counting'), idleTimeoutMs: 3_600_000 });
    assert.equal(renderer.threads(), 0);
    await renderer.render(spec);
    assert.equal(renderer.threads(), 1);
    await renderer.close();
    assert.equal(renderer.threads(), 0);
  });
});
