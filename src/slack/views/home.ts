/**
 * The App Home tab: the account's headline, what the lead watches (each with its headline and an
 * Unwatch button), a Refresh button, and how to ask. At most 100 blocks, by construction.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import { safeText, truncate } from './mrkdwn';
import {
  actions,
  button,
  context,
  divider,
  header,
  lineSections,
  section,
  slackDate,
  utcText,
} from './blocks';
import type { Digest } from '../../domain/digest';
import { channelRef, digestSummary, idText, pausedText, whenText } from './digest-text';
import type { UsageExample } from './help';
import { exampleLines } from './usage';
import { actionId, encodeActionValue, type ScopeRef } from '../action-ref';
import { displayName } from './marks';
import { LIMITS } from './limits';

/** One watched skill or group, with its headline when it was fetched. */
export interface HomeItem {
  scope: ScopeRef;
  name: string;
  /** The headline (escaped mrkdwn), or why there is none. */
  figures?: { kind: 'headline'; text: string } | { kind: 'gone' } | { kind: 'unavailable' };
}

/** One of the user's digests as Home lists it. */
export interface HomeDigest {
  digest: Digest;
  /** When it posts next; absent when paused. */
  next?: number;
}

export interface HomeInput {
  examples: readonly UsageExample[];
  /** "LivePerson account 123" or "LivePerson simulator (synthetic data)". */
  source: string;
  /** The account's headline (escaped mrkdwn), when it was fetched. */
  account?: string;
  items: readonly HomeItem[];
  /** The shift summaries the user set up. */
  digests?: readonly HomeDigest[];
  /** When the figures shown were fetched. */
  fetchedAt?: number;
  /** Figures are at most a minute old: a refresh within the minute shows these again. */
  throttled?: boolean;
}

const INTRO =
  'Live LivePerson messaging metrics in Slack: conversations waiting, queue wait times, agents online, ' +
  'load, closed conversations and CSAT, for the account, a skill or an agent group. ' +
  'Answers are private to you unless you add `public`.';

function figuresText(item: HomeItem): string {
  switch (item.figures?.kind) {
    case 'headline':
      return item.figures.text;
    case 'gone':
      return '_No longer in LivePerson (deleted or renamed). Unwatch it, or watch it again from a report._';
    case 'unavailable':
      return '_LivePerson did not answer in time; Refresh to try again._';
    default:
      return '_Figures come with the next refresh (Home asks LivePerson at most once a minute)._';
  }
}

function itemBlock(item: HomeItem, i: number): KnownBlock {
  const kind = item.scope.of === 'skill' ? 'Skill' : 'Group';
  const name = safeText(displayName(item.scope.of, item.scope.id, item.name), 150);
  return {
    type: 'section',
    block_id: `watch_${i}`,
    text: {
      type: 'mrkdwn',
      text: truncate(`*${name}* · ${kind} · last hour\n${figuresText(item)}`, LIMITS.textObject),
    },
    accessory: button(
      'Unwatch',
      actionId('unwatch', i),
      encodeActionValue({ kind: 'unwatch', scope: item.scope }),
    ),
  };
}

/** Most digests Home lists; the rest are one `/queue digest list` away. */
const HOME_DIGESTS = 15;

function digestBlocks(digests: readonly HomeDigest[]): KnownBlock[] {
  if (digests.length === 0)
    return [
      section(
        '*Your shift summaries*\nNone yet. `/queue digest add` in a channel posts one there on the days and at the time you choose.',
      ),
    ];
  const lines = digests.slice(0, HOME_DIGESTS).map(({ digest, next }) => {
    const when = next === undefined ? (pausedText(digest) ?? 'Paused.') : `next ${whenText(next)}`;
    return `• ${channelRef(digest.channelId)} ${idText(digest.id)} · ${digestSummary(digest)} · ${when}`;
  });
  if (digests.length > HOME_DIGESTS)
    lines.push(
      `_…and ${digests.length - HOME_DIGESTS} more: \`/queue digest list\` in a DM with Queue Pulse_`,
    );
  return lineSections(['*Your shift summaries*', ...lines], 'home_digests');
}

/** The Home tab view for views.publish. */
export function renderHome(input: HomeInput): HomeView {
  const fetched =
    input.fetchedAt === undefined
      ? 'Not fetched yet'
      : `Figures from ${slackDate(input.fetchedAt, '{time_secs}', utcText(input.fetchedAt, true))}` +
        (input.throttled ? ' (refreshed at most once a minute)' : '');
  const blocks: KnownBlock[] = [
    header('Queue Pulse'),
    section(
      `*Account · last hour*\n${input.account ?? figuresText({ scope: { of: 'skill', id: '-' }, name: '' })}`,
    ),
    actions([button('↻ Refresh', actionId('home'), encodeActionValue({ kind: 'home' }))], 'home_actions'),
    context([fetched, `Data: ${safeText(input.source, 200)} · Key Messaging Metrics`]),
    divider(),
  ];
  if (input.items.length === 0) {
    blocks.push(
      section(
        '*Watching*\nNothing yet. Open a skill or group report (`/queue skill billing`) and choose ' +
          '*Watch on App Home* in its ⋯ menu.',
      ),
    );
  } else {
    blocks.push(section('*Watching*'));
    input.items.forEach((item, i) => blocks.push(itemBlock(item, i)));
  }
  blocks.push(divider(), ...digestBlocks(input.digests ?? []));
  blocks.push(divider(), section(INTRO), section(`*Ask in any channel*\n${exampleLines(input.examples)}`));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocksPerView) };
}
