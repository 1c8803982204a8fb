/**
 * GET /healthz: liveness for load balancers and `npm start` checks. It answers 200 while the
 * process runs, and says what is wrong without calling LivePerson (a slow upstream must not get
 * the bot restarted): the store is probed (one read, at most a second), LivePerson is reported
 * from the bot's own recent traffic. `status` is "degraded" when either looks down.
 */
import type { CustomRoute } from '@slack/bolt';
import type { ReachabilitySnapshot } from '../../liveperson/client/reachability';

export interface HealthStatus {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  livePerson: { mode: 'simulator' | 'account'; accountId: string };
  slack: { mode: 'http' | 'socket' };
  /** Where button state, watches and digests live. */
  store: 'sqlite' | 'redis';
  checks: {
    store: { ok: boolean; detail?: string };
    livePerson: ReachabilitySnapshot;
  };
}

/** The custom route Bolt serves beside /slack/events. */
export function healthRoute(status: () => Promise<HealthStatus>): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET', 'HEAD'],
    handler: (req, res) => {
      void status().then(
        (s) => {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : JSON.stringify(s));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify({ status: 'error', detail: (err as Error).message }));
        },
      );
    },
  };
}
