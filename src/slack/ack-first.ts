/**
 * Acks first: every request Slack sends is foreground work (shared/loop-turn) from the moment it
 * arrives until it is acked, so the work other answers do after their ack holds back meanwhile.
 * Over HTTP a request to /slack/events counts from its headers (the HTTP server's 'request') to
 * its response being written; in Socket Mode, from Bolt taking it (`processEvent`) to its ack.
 */
import type { Server } from 'node:http';
import type { App, ReceiverEvent } from '@slack/bolt';
import { foreground } from '../shared/loop-turn';

/** Marks every request `app` processes as foreground until it is acked or processed. */
export function ackFirst(app: App): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const done = foreground();
    const ack = event.ack;
    let handled: Promise<void>;
    try {
      handled = process({
        ...event,
        ack: async (response) => {
          try {
            return await ack(response);
          } finally {
            done();
          }
        },
      });
    } catch (err) {
      done();
      throw err;
    }
    // A request nobody acks (an event Bolt acked itself, an error) ends with its processing.
    return handled.finally(done);
  };
}

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
