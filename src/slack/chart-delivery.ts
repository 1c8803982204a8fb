/**
 * Puts a report's chart where Slack can show it, per CHARTS: a QuickChart URL (no I/O here), or a
 * PNG rendered in the bot and uploaded privately to Slack (files:write), or nothing. A chart that
 * cannot be delivered is dropped with a log line: the report itself must still arrive.
 */
import type { WebClient } from '@slack/web-api';
import { Deadline } from '../shared/deadline';
import type { AppLogger } from '../shared/logger';
import { chartImage, type ChartMode } from '../charts/chart-image';
import { renderPng } from '../charts/render-png';
import { chartForReport } from './views/report-chart';
import type { Report } from '../domain/report';
import type { ReportChart } from './views';

export interface ChartDeliveryOptions {
  mode: ChartMode;
  quickchartUrl: string;
  /** Uploads (CHARTS=upload) go through it; the bot's own token. */
  client: Pick<WebClient, 'filesUploadV2' | 'files'>;
  /** How long to wait for an uploaded file to become visible (files.info), in ms. */
  uploadWaitMs?: number;
}

export interface ChartDelivery {
  /** The chart for `report`, or undefined (none, or it could not be delivered before `deadline`). */
  chartFor(report: Report, opts: { log: AppLogger; deadline?: Deadline }): Promise<ReportChart | undefined>;
}

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
  return {
    async chartFor(report, { log, deadline }) {
      const image = chartImage(chartForReport(report), opts.mode, { quickchartUrl: opts.quickchartUrl });
      if (!image) return undefined;
      if (image.kind === 'url') return { imageUrl: image.url, alt: image.alt, title: image.title };
      try {
        const png = await renderPng(image.spec);
        const result = (await client.filesUploadV2({
          file: png,
          filename: 'queue-pulse-chart.png',
          title: image.spec.title,
        })) as UploadResult;
        const id = result.files?.[0]?.files?.[0]?.id;
        if (!id) throw new Error('files.completeUploadExternal returned no file id');
        // The answer's deadline bounds the wait too: a chart is never worth losing the report.
        const wait = Math.min(opts.uploadWaitMs ?? 3000, deadline?.remaining() ?? Infinity);
        if (!(await waitForFile(client, id, wait))) throw new Error(`file ${id} not ready in time`);
        return { slackFileId: id, alt: image.spec.alt, title: image.spec.title };
      } catch (err) {
        log.warn('chart upload failed; sending the report without it', { error: (err as Error).message });
        return undefined;
      }
    },
  };
}
