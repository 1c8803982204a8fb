/**
 * Ack latency: how long from Bolt taking a Slack request to the bot acknowledging it, by kind of
 * request. Timed from `processEvent` (see ack-watch), the one entry every receiver (HTTP and
 * Socket Mode) hands requests to, so it covers authorization and the global middleware too, and
 * events, which Bolt acks before any middleware runs. Recording is one histogram observation:
 * nothing before the ack.
 */
import type { AckWatcher } from './ack-watch';

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

/**
 * Times the first ack of every request from the moment its receiver hands it over; `observe` is
 * one histogram observation.
 */
export function timeAcks(observe: (kind: AckKind, seconds: number) => void): AckWatcher {
  return (event) => {
    const started = performance.now();
    const kind = ackKindOf(event.body);
    return { acked: () => observe(kind, (performance.now() - started) / 1000) };
  };
}
