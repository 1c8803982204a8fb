/**
 * The message shape every view returns, and the chart placeholder views accept.
 */
import type { KnownBlock } from '@slack/types';
import { truncate } from './mrkdwn';
import type { ReportQuery } from '../../domain/query';
import { LIMITS } from './limits';

/** A Slack message as `respond()`, `ack()` and `chat.postMessage` take it. */
export interface SlackMessage {
  /** Notification and screen-reader text; escaped mrkdwn, at most 4000 characters. */
  text: string;
  blocks: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
}

/** A chart built elsewhere: a public URL (QuickChart) or an uploaded Slack file. */
export interface ReportChart {
  imageUrl?: string;
  slackFileId?: string;
  alt: string;
  title: string;
}

/** Top-level text: already-escaped mrkdwn, cut to Slack's 4000 characters. */
export function fallbackText(escaped: string): string {
  return truncate(escaped, LIMITS.topLevelText);
}

/** `public` queries answer in the channel; everything else only to the asker. */
export function responseTypeOf(query: ReportQuery): 'ephemeral' | 'in_channel' {
  return query.public ? 'in_channel' : 'ephemeral';
}
