/**
 * GET /metrics: the bot's Prometheus metrics in the text exposition format, served beside
 * /healthz (on PORT in HTTP mode, and on the same port in Socket Mode). It holds counts and
 * timings under fixed labels only: no ids, names, tokens or secrets (see observability/metrics).
 */
import type { CustomRoute } from '@slack/bolt';

/** What the route reads: a prom-client Registry fits. */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

/** The custom route Bolt serves beside /slack/events. */
export function metricsRoute(source: MetricsSource): CustomRoute {
  return {
    path: '/metrics',
    method: ['GET'],
    handler: (_req, res) => {
      void source.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': source.contentType, 'cache-control': 'no-store' });
          res.end(text);
        },
        () => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
          res.end('metrics unavailable\n');
        },
      );
    },
  };
}
