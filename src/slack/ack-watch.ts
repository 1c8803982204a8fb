/**
 * One wrapper around `processEvent`, the entry every receiver (HTTP and Socket Mode) hands Slack's
 * requests to, for everything that watches acks: each request costs one wrapped ack, not one per
 * watcher, since this sits in front of every ack.
 */
import type { App, ReceiverEvent } from '@slack/bolt';

/** What a watcher does for one request: when it is first acked, and when its processing ends. */
export interface AckWatch {
  acked?(): void;
  settled?(): void;
}

/** Called as a request arrives, before Bolt's middleware; nothing here may await. */
export type AckWatcher = (event: ReceiverEvent) => AckWatch;

/** Hands every request `app` processes to `watchers`, in order. */
export function watchAcks(app: App, watchers: readonly AckWatcher[]): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const watches = watchers.map((watch) => watch(event));
    const ack = event.ack;
    let acked = false;
    const settled = () => {
      for (const w of watches) w.settled?.();
    };
    let handled: Promise<void>;
    try {
      handled = process({
        ...event,
        ack: async (response) => {
          try {
            return await ack(response);
          } finally {
            if (!acked) for (const w of watches) w.acked?.();
            acked = true;
          }
        },
      });
    } catch (err) {
      settled();
      throw err;
    }
    return handled.finally(settled);
  };
}
