/**
 * Ack latency: how long from Bolt taking a Slack request to the bot acknowledging it, by kind of
 * request. Timed around `processEvent`, the one entry every receiver (HTTP and Socket Mode) hands
 * requests to, so it covers authorization and the global middleware too, and events, which Bolt
 * acks before any middleware runs. Recording is one histogram observation: nothing before the ack.
 */
import type { App, ReceiverEvent } from '@slack/bolt';

export type AckKind = 'command' | 'action' | 'view' | 'options' | 'shortcut' | 'event' | 'other';

export const ACK_KINDS: readonly AckKind[] = [
  'command',
  'action',
  'view',
  'options',
  'shortcut',
  'event',
  'other',
];

/** The kind of a request body as Bolt receives it (HTTP or Socket Mode). */
export function ackKindOf(body: unknown): AckKind {
  if (typeof body !== 'object' || body === null) return 'other';
  const b = body as { command?: unknown; type?: unknown };
  if (typeof b.command === 'string') return 'command';
  switch (b.type) {
    case 'block_actions':
    case 'interactive_message':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'block_suggestion':
      return 'options';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    case 'event_callback':
      return 'event';
    default:
      return 'other';
  }
}

/** Times every ack of `app` from the moment its receiver hands the request over. */
export function timeAcks(app: App, observe: (kind: AckKind, seconds: number) => void): void {
  const process = app.processEvent.bind(app);
  app.processEvent = (event: ReceiverEvent) => {
    const started = performance.now();
    const kind = ackKindOf(event.body);
    const ack = event.ack;
    let timed = false;
    return process({
      ...event,
      ack: async (response) => {
        try {
          return await ack(response);
        } finally {
          if (!timed) observe(kind, (performance.now() - started) / 1000);
          timed = true;
        }
      },
    });
  };
}
