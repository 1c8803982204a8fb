/**
 * Acks first: every request Slack sends is foreground work (shared/loop-turn) from the moment it
 * arrives until it is acked, so the work other answers do after their ack holds back meanwhile.
 * Over HTTP a request to /slack/events counts from its headers (the HTTP server's 'request') to
 * its response being written; in Socket Mode, from Bolt taking it (`processEvent`) to its ack.
 */
import type { Server } from 'node:http';
import { foreground } from '../shared/loop-turn';
import type { AckWatcher } from './ack-watch';

/** Marks a request as foreground from its arrival until it is acked or its processing ends. */
export const ackFirst: AckWatcher = () => {
  const done = foreground();
  // A request nobody acks (an event Bolt acked itself, an error) ends with its processing.
  return { acked: done, settled: done };
};

/**
 * Marks every request to Slack's endpoint `path` that `server` takes as foreground until its
 * response is finished or dropped. /healthz and /metrics are not Slack's and do not hold work.
 */
export function ackFirstServer(server: Server, path = '/slack/events'): void {
  server.on('request', (req, res) => {
    if (req.url?.split('?')[0] !== path) return;
    const done = foreground();
    res.once('finish', done);
    res.once('close', done);
  });
}
