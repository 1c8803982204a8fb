/**
 * Local PNG rendering (CHARTS=upload) off the event loop: Chart.js on @napi-rs/canvas takes tens of
 * milliseconds of CPU a chart, which on the main thread delays every ack behind it. Charts are drawn
 * in one worker thread (piscina), started on the first chart and stopped when idle. Identical specs
 * (many people asking the same thing) are drawn once: joined while in flight, then kept briefly.
 */
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import type { Piscina } from 'piscina';
import { SingleFlight } from '../shared/single-flight';
import { stableKey } from '../shared/stable-key';
import type { ChartSpec } from './chart-spec';

export interface ChartRenderer {
  /** The PNG of `spec`; rejects when the worker fails (the caller sends the report without it). */
  render(spec: ChartSpec): Promise<Buffer>;
  /** Stops the worker (waiting for renders already started); the process can then exit. */
  close(): Promise<void>;
  /** Worker threads running now (0 before the first chart, after an idle spell, once closed). */
  threads(): number;
}

export interface ChartRendererOptions {
  /** The worker entry (default: render-worker next to this file, .ts under tsx, .js when built). */
  workerFile?: string;
  /** Worker threads (default 1: the bot's other work needs the second core more than charts do). */
  threads?: number;
  /** A worker idle this long exits, giving its memory back (default 60 s). */
  idleTimeoutMs?: number;
  /** Rendered PNGs kept for identical specs (default 32, each for `cacheTtlMs`). */
  cacheSize?: number;
  /** How long a rendered PNG is reused (default 60 s: the KMM cache holds the numbers 30 s). */
  cacheTtlMs?: number;
  /** Charts that may wait for the worker (default CHART_QUEUE_LIMIT); one more is refused at once. */
  maxQueue?: number;
}

/**
 * A burst of different charts beyond this waits no longer: at tens of milliseconds each, the last
 * of them would come after its answer's deadline, drawn for nobody while the CPU was needed.
 */
export const CHART_QUEUE_LIMIT = 16;

/** More charts were waiting than the queue holds: the report goes without its chart. */
export class ChartQueueFullError extends Error {
  override name = 'ChartQueueFullError';
  constructor(limit: number) {
    super(`${limit} charts were already waiting for the chart worker`);
  }
}

/** The worker file beside this module, in the form this process runs (TypeScript under tsx, else JS). */
export function defaultWorkerFile(): string {
  return path.join(__dirname, `render-worker${path.extname(__filename)}`);
}

/** Creates the renderer; no thread starts until the first render. */
export function createChartRenderer(opts: ChartRendererOptions = {}): ChartRenderer {
  let pool: Piscina<ChartSpec, Uint8Array> | undefined;
  let starting: Promise<Piscina<ChartSpec, Uint8Array>> | undefined;
  let closed = false;
  const flights = new SingleFlight<Buffer>();
  const done = new LRUCache<string, Buffer>({ max: opts.cacheSize ?? 32, ttl: opts.cacheTtlMs ?? 60_000 });
  // piscina itself loads with the first chart too: CHARTS=quickchart and none never need it.
  const poolOf = () =>
    (starting ??= import('piscina').then(
      ({ Piscina: Pool }) =>
        (pool = new Pool<ChartSpec, Uint8Array>({
          filename: opts.workerFile ?? defaultWorkerFile(),
          minThreads: 0,
          maxThreads: opts.threads ?? 1,
          idleTimeout: opts.idleTimeoutMs ?? 60_000,
          maxQueue: opts.maxQueue ?? CHART_QUEUE_LIMIT,
        })),
      (err: unknown) => {
        // A failed start is not kept: the next chart tries again.
        starting = undefined;
        throw err;
      },
    ));
  return {
    render(spec) {
      if (closed) return Promise.reject(new Error('the chart renderer is closed'));
      const key = stableKey(spec);
      const hit = done.get(key);
      if (hit) return Promise.resolve(hit);
      return flights.run(key, async () => {
        const workers = await poolOf();
        // piscina refuses a task past maxQueue with a plain Error; this one says what it means.
        const limit = workers.options.maxQueue;
        if (workers.queueSize >= limit) throw new ChartQueueFullError(limit);
        const bytes = await workers.run(spec);
        const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        done.set(key, png);
        return png;
      });
    },
    threads: () => pool?.threads.length ?? 0,
    async close() {
      closed = true;
      done.clear();
      const started = await starting?.catch(() => undefined);
      await started?.close();
      pool = undefined;
      starting = undefined;
    },
  };
}
