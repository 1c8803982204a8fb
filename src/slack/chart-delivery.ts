/**
 * Puts a report's chart where Slack can show it, per CHARTS: a QuickChart URL (no I/O here), or a
 * PNG rendered in the bot and uploaded privately to Slack (files:write), or nothing. A chart that
 * cannot be delivered is dropped with a log line: the report itself must still arrive.
 */
import type { WebClient } from '@slack/web-api';
import { Deadline, DeadlineExceededError, raceDeadline } from '../shared/deadline';
import type { AppLogger } from '../shared/logger';
import { chartImage, type ChartMode } from '../charts/chart-image';
import { ChartQueueFullError } from '../charts/chart-renderer';
import type { ChartSpec } from '../charts/chart-spec';
import { chartForReport } from './views/report-chart';
import type { Report } from '../domain/report';
import { describeError } from '../reports/problem-of';
import type { ReportChart } from './views';

export interface ChartDeliveryOptions {
  mode: ChartMode;
  quickchartUrl: string;
  /** Uploads (CHARTS=upload) go through it; the bot's own token. */
  client: Pick<WebClient, 'filesUploadV2' | 'files'>;
  /** How long to wait for an uploaded file to become visible (files.info), in ms. */
  uploadWaitMs?: number;
  /** Draws the PNG for CHARTS=upload (default: the bundled Chart.js renderer). */
  render?: (spec: ChartSpec) => Promise<Buffer>;
}

export interface ChartDelivery {
  /** The chart for `report`, or undefined (none, or it could not be delivered before `deadline`). */
  chartFor(report: Report, opts: { log: AppLogger; deadline?: Deadline }): Promise<ReportChart | undefined>;
}

/**
 * Chart.js and the canvas library (some 20 MB) load only when a PNG is drawn here: the container
 * draws in a worker thread, so the bot's main thread never loads them.
 */
const renderHere = async (spec: ChartSpec): Promise<Buffer> =>
  (await import('../charts/render-png.js')).renderPng(spec);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Uploads complete asynchronously: poll files.info until Slack knows the file. */
async function waitForFile(client: Pick<WebClient, 'files'>, id: string, budgetMs: number): Promise<boolean> {
  const until = Deadline.after(budgetMs);
  for (let delay = 100; ; delay = Math.min(delay * 2, 800)) {
    try {
      const info = await client.files.info({ file: id });
      if (info.ok && info.file) return true;
    } catch {
      // file_not_found while processing: keep waiting until the budget is spent.
    }
    if (delay > until.remaining()) return false;
    await sleep(delay);
  }
}

interface UploadResult {
  files?: { files?: { id?: string }[] }[];
}

/** The chart delivery for the configured CHARTS mode. */
export function createChartDelivery(opts: ChartDeliveryOptions): ChartDelivery {
  const client = opts.client;

  async function deliver(report: Report, deadline: Deadline | undefined): Promise<ReportChart | undefined> {
    const image = chartImage(chartForReport(report), opts.mode, { quickchartUrl: opts.quickchartUrl });
    if (!image) return undefined;
    if (image.kind === 'url') return { imageUrl: image.url, alt: image.alt, title: image.title };
    // No time left: an upload now would only leave a file nobody sees.
    if (deadline?.expired()) throw new DeadlineExceededError(deadline.elapsed());
    const png = await (opts.render ?? renderHere)(image.spec);
    const result = (await client.filesUploadV2({
      file: png,
      filename: 'queue-pulse-chart.png',
      title: image.spec.title,
    })) as UploadResult;
    const id = result.files?.[0]?.files?.[0]?.id;
    if (!id) throw new Error('files.completeUploadExternal returned no file id');
    const wait = Math.min(opts.uploadWaitMs ?? 3000, deadline?.remaining() ?? Infinity);
    if (!(await waitForFile(client, id, wait))) throw new Error(`file ${id} not ready in time`);
    return { slackFileId: id, alt: image.spec.alt, title: image.spec.title };
  }

  return {
    async chartFor(report, { log, deadline }) {
      // Everything, the chart's own code included, is inside the try and the answer's deadline:
      // a chart is never worth losing or delaying the report past its budget.
      try {
        return await raceDeadline(deliver(report, deadline), deadline);
      } catch (err) {
        log.warn('chart could not be delivered; sending the report without it', {
          // A timeout or a full chart queue is routine (a message); anything else is a bug worth
          // its stack.
          error:
            err instanceof DeadlineExceededError || err instanceof ChartQueueFullError
              ? err.message
              : describeError(err),
        });
        return undefined;
      }
    },
  };
}
