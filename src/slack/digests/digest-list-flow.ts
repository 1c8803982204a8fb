/**
 * The digest list a request sees: the channel's, or in a DM (or without a channel) the asker's
 * own, each with its next fire.
 */
import type { DigestService } from '../../schedule/digest-service';
import type { QueueContext } from '../context';
import { renderDigestList } from '../views/digest-list';
import type { SlackMessage } from '../views/message';

export async function digestListMessage(ctx: QueueContext, digests: DigestService): Promise<SlackMessage> {
  const teamId = ctx.teamId ?? '';
  const channelId = ctx.channelId;
  const inChannel = channelId !== undefined && !channelId.startsWith('D');
  const list = inChannel
    ? await digests.listForChannel(teamId, channelId)
    : await digests.listForUser(teamId, ctx.userId ?? '');
  const now = ctx.now();
  return renderDigestList({
    of: inChannel ? { kind: 'channel', channelId } : { kind: 'user' },
    items: list.map((digest) => ({ digest, next: digests.nextFire(digest, now) })),
  });
}
