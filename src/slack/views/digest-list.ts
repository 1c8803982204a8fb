/**
 * `/queue digest list`: a channel's (in a DM, the asker's) digests, each with its days, time and
 * timezone, shift, scope, next fire and pause, and buttons to Pause/Resume, Run now, Edit and
 * Delete (Delete asks first). An "Add a digest" button opens the form.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Digest } from '../../domain/digest';
import { actionId, encodeActionValue, type DigestOp } from '../action-ref';
import { actions, button, context, lineSections, section } from './blocks';
import { channelRef, digestSummary, idText, pausedText, userRef, whenText } from './digest-text';
import { fallbackText, type SlackMessage } from './message';
import { LIMITS } from './limits';

/** Digests shown at most: two blocks each keeps the message within Slack's 50. */
export const MAX_LISTED = 20;
/** Room kept for the title and the footer within Slack's block JSON ceiling. */
const FOOTER_RESERVE = 1_500;
/** What one digest without buttons (a line) takes, about. */
const COMPACT_LINE = 250;

export interface DigestListItem {
  digest: Digest;
  /** Epoch ms of its next fire; undefined when paused. */
  next: number | undefined;
}

export interface DigestListInput {
  /** Whose list: a channel's, or (in a DM) the asker's own. */
  of: { kind: 'channel'; channelId: string } | { kind: 'user' };
  items: readonly DigestListItem[];
}

function digestButton(text: string, op: DigestOp, id: string, style?: 'primary' | 'danger'): Button {
  return button(text, actionId('digest', op), encodeActionValue({ kind: 'digest', op, id }), style);
}

function itemBlocks(item: DigestListItem, i: number, showChannel: boolean): KnownBlock[] {
  const d = item.digest;
  const where = showChannel ? ` · ${channelRef(d.channelId)}` : '';
  const paused = pausedText(d);
  const status = paused
    ? `:double_vertical_bar: ${paused}`
    : item.next !== undefined
      ? `Next: ${whenText(item.next)}`
      : 'Not scheduled.';
  const text = `*Digest ${idText(d.id)}*${where}\n${digestSummary(d)}\n${status} · set up by ${userRef(d.createdBy)}`;
  const remove = digestButton('Delete', 'delete', d.id, 'danger');
  remove.confirm = {
    title: { type: 'plain_text', text: 'Delete this digest?' },
    text: {
      type: 'mrkdwn',
      text: `Digest ${idText(d.id)} stops posting for good. To stop it for a while, Pause it instead.`,
    },
    confirm: { type: 'plain_text', text: 'Delete' },
    deny: { type: 'plain_text', text: 'Keep it' },
    style: 'danger',
  };
  return [
    section(text, `digest_${i}`),
    actions(
      [
        d.paused ? digestButton('Resume', 'resume', d.id, 'primary') : digestButton('Pause', 'pause', d.id),
        digestButton('Run now', 'run', d.id),
        digestButton('Edit', 'edit', d.id),
        remove,
      ],
      `digest_actions_${i}`,
    ),
  ];
}

/** The list message (ephemeral: only the asker sees it and its buttons). */
export function renderDigestList(input: DigestListInput): SlackMessage {
  const inChannel = input.of.kind === 'channel';
  const title = inChannel
    ? `*Scheduled digests in ${channelRef((input.of as { channelId: string }).channelId)}*`
    : '*Your scheduled digests*';
  const blocks: KnownBlock[] = [section(title, 'digest_title')];
  // With buttons, as many as leave room for the rest as one line each, within Slack's 50 blocks
  // and its (undocumented) ceiling on the blocks' size.
  const budget = LIMITS.blocksJson - FOOTER_RESERVE;
  const listed = input.items.slice(0, MAX_LISTED);
  let shown = 0;
  let size = JSON.stringify(blocks).length;
  for (const item of listed) {
    const more = itemBlocks(item, shown, !inChannel);
    const grown = size + JSON.stringify(more).length + 1;
    if (grown + COMPACT_LINE * (input.items.length - shown - 1) > budget) break;
    blocks.push(...more);
    size = grown;
    shown += 1;
  }
  if (shown === 0 && input.items.length === 0) {
    blocks.push(
      section(
        inChannel
          ? 'None post here yet. Add one with the button, or in one line: `/queue digest add weekdays 17:00 skill billing`.'
          : "You haven't set up any digest yet. Add one with the button, or in one line: `/queue digest add weekdays 17:00`.",
        'digest_empty',
      ),
    );
  }
  // The rest as one line each (no buttons): still every id, so each can be edited or removed by name.
  const lines: string[] = [];
  for (const item of input.items.slice(shown)) {
    const d = item.digest;
    const line = `• ${idText(d.id)}${inChannel ? '' : ` · ${channelRef(d.channelId)}`} · ${digestSummary(d)}${d.paused ? ' · paused' : ''}`;
    if (size + line.length + 1 > budget) break;
    size += line.length + 1;
    lines.push(line);
  }
  if (lines.length) blocks.push(...lineSections(lines, 'digest_more'));
  const more = input.items.length - shown - lines.length;
  blocks.push(
    actions(
      [button('Add a digest', actionId('digest-add'), encodeActionValue({ kind: 'digest-add' }), 'primary')],
      'digest_add',
    ),
    context([
      (lines.length
        ? 'Change those listed without buttons with `/queue digest edit <id>` or `remove <id>`. '
        : '') +
        (more > 0 ? `${more} more not shown. ` : '') +
        'Each digest fires in its own timezone; “Next” shows in yours. Its creator, workspace admins and digest admins may change it.',
    ]),
  );
  const count = input.items.length;
  const summary = count === 0 ? 'No scheduled digests' : `${count} scheduled digest${count === 1 ? '' : 's'}`;
  return {
    text: fallbackText(inChannel ? `${summary} in this channel` : summary),
    blocks: blocks.slice(0, LIMITS.blocksPerMessage),
    response_type: 'ephemeral',
  };
}
