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

/**
 * Tells every watch, even when one before it throws (a foreground mark left open would hold back
 * every answer); the first error is thrown once all have heard.
 */
function tellAll(watches: readonly AckWatch[], what: keyof AckWatch): void {
  let failure: { error: unknown } | undefined;
  for (const w of watches) {
    try {
      w[what]?.();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** Hands every request `app` processes to `watchers`, in order. */
export function watchAcks(app: App, watchers: readonly AckWatcher[]): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const watches = watchers.map((watch) => watch(event));
    const ack = event.ack;
    let acked = false;
    let handled: Promise<void>;
    try {
      handled = process({
        ...event,
        ack: async (response) => {
          try {
            return await ack(response);
          } finally {
            if (!acked) {
              acked = true;
              tellAll(watches, 'acked');
            }
          }
        },
      });
    } catch (err) {
      tellAll(watches, 'settled');
      throw err;
    }
    return handled.finally(() => tellAll(watches, 'settled'));
  };
}
