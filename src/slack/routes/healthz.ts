/**
 * GET /healthz: liveness for load balancers and `npm start` checks. Cheap by design: it does not
 * call LivePerson (a slow upstream must not get the bot restarted), it reports what it knows.
 */
import type { CustomRoute } from '@slack/bolt';

export interface HealthStatus {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  livePerson: { mode: 'simulator' | 'account'; accountId: string };
  slack: { mode: 'http' | 'socket' };
  /** Where button state and (later) schedules live. */
  store: 'sqlite' | 'redis';
}

/** The custom route Bolt serves beside /slack/events. */
export function healthRoute(status: () => HealthStatus): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET', 'HEAD'],
    handler: (req, res) => {
      const body = JSON.stringify(status());
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
