/** The shape of a button's handler: its decoded state, the request's context, the bot's parts. */
import type { ActionKind, ActionRef } from '../../action-ref';
import type { QueueContext } from '../../context';
import type { ListenerDeps } from '../deps';

/** What Slack said about the click beyond the button's state. */
export interface Click {
  actionId: string;
  /** The clicked element's state, hashed: tells one button of a message from another. */
  fingerprint: string;
  /** The text of the chosen option of a menu (its display name). */
  optionText?: string;
  /** The click's trigger_id: a button that opens a form needs it (within 3 seconds). */
  triggerId?: string;
}

export type Handler<K extends ActionKind> = (
  ref: Extract<ActionRef, { kind: K }>,
  ctx: QueueContext,
  deps: ListenerDeps,
  click: Click,
) => Promise<void>;
